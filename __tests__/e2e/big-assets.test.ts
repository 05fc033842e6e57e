// A big asset over a slow link, through dist/index.js: the upload to GitHub's upload host and
// the download from its storage host (after the API's 302) each take longer than the
// per-request timeout, which a fixed deadline per attempt would turn into a failure; they
// finish, print progress, and when the link goes dead mid-transfer the action says it timed
// out and tries again with a fresh stream.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { writeRandomWheel } from '../../bench/inputs.ts';
import {
  errorOf,
  sigstoreInputs,
  startPipeline,
  type Job,
  type Pipeline,
} from '../../sandbox/pipeline.ts';
import { SANDBOX_AUDIENCE } from '../../sandbox/warehouse.ts';

const WHEEL = 'big_demo-1.0-py3-none-any.whl';
/** Above the 32 MiB from which the action reports progress. */
const WHEEL_BYTES = 40 * 1024 * 1024;
/** The link: 15 MiB/s each way, so the wheel needs close to 3 s per crossing. */
const BYTES_PER_SECOND = 15 * 1024 * 1024;
/** The per-request timeout (GitHub's 120 s, scaled): shorter than one crossing. */
const TIMEOUT_MS = 1500;
const env = { RELEASE_ACTION_TIMEOUT_MS: String(TIMEOUT_MS) };

let pipeline: Pipeline;
let job: Job;
let wheelSha256: string;

beforeAll(async () => {
  pipeline = await startPipeline();
  job = await pipeline.job('big');
  const path = join(job.workspace, 'dist', WHEEL);
  await writeRandomWheel(path, 'big_demo', '1.0', WHEEL_BYTES);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  wheelSha256 = hash.digest('hex');
  const collected = await job.run({ step: 'collect', 'upload-artifact': 'false' });
  expect(collected.exitCode, collected.stdout).toBe(0);
  const signed = await job.run(
    { step: 'provenance', from: 'folder', ...sigstoreInputs(pipeline) },
    { idToken: true },
  );
  expect(signed.exitCode, signed.stdout).toBe(0);
  pipeline.sandbox.github.bandwidth(BYTES_PER_SECOND, { seed: 7 });
}, 60_000);
afterAll(async () => {
  await pipeline?.close();
});

/** Progress lines of `verb` for the wheel: percentage, sizes, throughput in bytes/s. */
function progress(stdout: string, verb: RegExp): Array<{ percent: number; rate: number }> {
  const unit: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9 };
  const line = new RegExp(
    `${verb.source}: (\\d+)% \\([\\d.]+ [kMG]?B of ${Math.round(WHEEL_BYTES / 1e6)} MB, ([\\d.]+) ([kMG]?)B/s\\)`,
    'g',
  );
  return [...stdout.matchAll(line)].map((m) => ({
    percent: Number(m[1]),
    rate: Number(m[2]) * (unit[m[3] ?? ''] ?? 1),
  }));
}

it('uploads a 40 MiB wheel over a slow link that first goes dead: a timeout, a clean retry, progress', async () => {
  const { github } = pipeline.sandbox;
  github.stallNext('upload', 8 * 1024 * 1024);
  const started = Date.now();
  const run = await job.run({ step: 'release' }, { env, timeoutMs: 60_000 });
  expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  // The dead link is named for what it is, and the upload starts over.
  expect(run.stdout).toMatch(
    new RegExp(
      `Upload of ${WHEEL.replace(/\./g, '\\.')} failed \\(timed out \\(no data for 1\\.5 s\\)\\); attempt 2 of 5`,
    ),
  );
  expect(run.stdout).not.toMatch(/failed \(500\)/);
  // Progress by tenths, ending at 100%, at the link's pace (give or take the wobble).
  const lines = progress(run.stdout, new RegExp(`upload ${WHEEL.replace(/\./g, '\\.')}`));
  expect(lines.length).toBeGreaterThanOrEqual(10);
  const last = lines.at(-1);
  expect(last?.percent).toBe(100);
  expect(last?.rate).toBeLessThan(BYTES_PER_SECOND * 1.3);
  // The finished crossing alone took longer than the per-request timeout.
  expect((WHEEL_BYTES / (last?.rate ?? 1)) * 1000).toBeGreaterThan(1.3 * TIMEOUT_MS);
  // The stalled attempt waited out the idle timeout, then the whole crossing followed.
  expect(Date.now() - started).toBeGreaterThan(
    (WHEEL_BYTES / BYTES_PER_SECOND) * 1000 + TIMEOUT_MS,
  );
  const [release] = github.releases('octo-org/octo-repo');
  const asset = release?.assets.find((a) => a.name === WHEEL);
  expect(asset?.state).toBe('uploaded');
  expect(asset?.digest).toBe(`sha256:${wheelSha256}`);
  // The broken first attempt left nothing behind: one asset of that name.
  expect(release?.assets.filter((a) => a.name === WHEEL)).toHaveLength(1);
}, 60_000);

it('publish downloads it from the draft through the 302 and a dead link: a timeout, then it finishes', async () => {
  const { github, pypi } = pipeline.sandbox;
  pypi.createProject('big-demo');
  pypi.addTrustedPublisher({
    project: 'big-demo',
    repository: 'octo-org/octo-repo',
    workflow: 'release.yml',
    environment: 'publish',
  });
  github.stallNext('download', 8 * 1024 * 1024);
  const publisher = await pipeline.job('publish');
  const run = await publisher.run(
    {
      step: 'publish',
      'repository-url': pypi.uploadUrl,
      'oidc-audience': SANDBOX_AUDIENCE,
      'trusted-root': pipeline.trustedRootPath,
      ...sigstoreInputs(pipeline),
    },
    { idToken: { environment: 'publish' }, env, timeoutMs: 60_000 },
  );
  expect(run.exitCode, `${errorOf(run)}\n${run.stdout}`).toBe(0);
  expect(run.stdout).toMatch(/timed out \(no data for 1\.5 s\)/);
  expect(run.stdout).not.toMatch(/failed \(500\)/);
  const lines = progress(run.stdout, /download asset \d+ \(big_demo-1\.0-py3-none-any\.whl\)/);
  expect(lines.at(-1)?.percent).toBe(100);
  // Storage served the bytes, not the API host (GitHub's 302 to another host).
  expect(
    github.requests.some((r) => r.path.includes('/releases/assets/') && r.status === 302),
  ).toBe(true);
  const [file] = pypi.files('big-demo');
  expect(file?.sha256).toBe(wheelSha256);
}, 60_000);
