/**
 * `release` under GitHub's secondary limit on content creation (80 per minute, 500 per hour;
 * sandbox/github-limits.ts), against the limit itself: the shortest time it allows for the
 * run's content-creating requests. The GitHub stand-in runs in a process of its own, a fresh
 * one per run (a fresh budget), its clock sped up; the action's waits are scaled alike
 * (RELEASE_ACTION_RETRY_DELAY_MS), so it reads GitHub's own numbers.
 */
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { FIXTURES, HATCH_WHEEL, startPipeline, type Job } from '../sandbox/pipeline.ts';
import { CONTENT_PER_HOUR, CONTENT_PER_MINUTE } from '../sandbox/github-limits.ts';
import { spawnStandIn } from '../sandbox/spawn.ts';
import { stats } from './measure.ts';
import { fmt, type Benchmark, type Row } from './rows.ts';

const REPO = 'octo-org/octo-repo';

interface Limits {
  scale: number;
  perMinute: number;
  perHour: number;
}

type GitHub = Awaited<ReturnType<typeof startGitHub>>;
const startGitHub = (limits: Limits) =>
  spawnStandIn<{ url: string; uploadUrl: string; token: string }>('github', [
    `--content-limits-scale=${limits.scale}`,
    `--content-per-minute=${limits.perMinute}`,
    `--content-per-hour=${limits.perHour}`,
  ]);

/** A job holding the wheel and `assets - 2` signatures, collected (SHA256SUMS makes `assets`). */
async function releaseJob(
  root: string,
  assets: number,
): Promise<{ job: Job; close(): Promise<void> }> {
  const pipeline = await startPipeline({ root });
  const job = await pipeline.job('release');
  await copyFile(join(FIXTURES, HATCH_WHEEL), join(job.workspace, 'dist', HATCH_WHEEL));
  for (let i = 1; i < assets - 1; i++)
    await writeFile(join(job.workspace, 'dist', `sig-${i}.txt.asc`), `signature ${i}\n`);
  const collected = await job.run({ step: 'collect', 'upload-artifact': 'false' });
  if (collected.exitCode !== 0) throw new Error(collected.stdout);
  return { job, close: () => pipeline.close() };
}

/** Runs `release` against `github`; the run's time, output and exit code. */
async function release(job: Job, github: GitHub, limits: Limits) {
  const started = performance.now();
  const run = await job.run(
    { step: 'release', 'github-token': github.token },
    {
      env: {
        GITHUB_API_URL: github.url,
        RELEASE_ACTION_GITHUB_UPLOAD_URL: github.uploadUrl,
        GITHUB_REPOSITORY: REPO,
        GITHUB_REF: 'refs/tags/v0.1.0',
        RELEASE_ACTION_RETRY_DELAY_MS: String(1000 / limits.scale),
      },
      timeoutMs: 900_000,
    },
  );
  return { ...run, seconds: (performance.now() - started) / 1000 };
}

/** The names of the assets on the tag's release, every page. */
async function assetNames(github: GitHub): Promise<string[]> {
  const get = async (path: string) => {
    const response = await fetch(`${github.url}/repos/${REPO}${path}`, {
      headers: { authorization: `Bearer ${github.token}` },
    });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return (await response.json()) as Array<{ id: number; name: string }>;
  };
  const [draft] = await get('/releases');
  if (!draft) return [];
  const names: string[] = [];
  for (let page = 1; ; page++) {
    const assets = await get(`/releases/${draft.id}/assets?per_page=100&page=${page}`);
    names.push(...assets.map((a) => a.name));
    if (assets.length < 100) return names;
  }
}

/** Files missing or present twice: empty when the release holds each of `expected` once. */
function lostOrDoubled(names: string[], expected: number): string | undefined {
  const unique = new Set(names).size;
  if (names.length === expected && unique === expected) return undefined;
  return `${names.length} assets (${unique} distinct) instead of ${expected}`;
}

/** Content-creating requests: the draft, then one upload per asset (SHA256SUMS included). */
const contentRequests = (assets: number) => 1 + assets;

/** The shortest time sliding windows of `perMinute` allow for `n` requests, in real seconds. */
const shortestSeconds = (n: number, limits: Limits) =>
  (Math.floor((n - 1) / limits.perMinute) * 60) / limits.scale;

const refusalsIn = (stdout: string) => (stdout.match(/failed \(403\); trying again/g) ?? []).length;

export const releaseRateLimit: Benchmark = {
  name: 'release rate limit',
  async run({ smoke, root, runs }) {
    const assets = smoke ? 20 : 400;
    const limits: Limits = smoke
      ? { scale: 600, perMinute: 8, perHour: 100 }
      : { scale: 10, perMinute: CONTENT_PER_MINUTE, perHour: CONTENT_PER_HOUR };
    const { job, close } = await releaseJob(join(root, 'limit'), assets);
    const times: number[] = [];
    const refusals: number[] = [];
    try {
      for (let r = 0; r < runs; r++) {
        const github = await startGitHub(limits);
        try {
          const run = await release(job, github, limits);
          // A retry is one warning line and is the action recovering; an error is a failure.
          if (run.exitCode !== 0 || /::error::/.test(run.stdout))
            throw new Error(`a failure reached the user:\n${run.stdout.slice(-3000)}`);
          const wrong = lostOrDoubled(await assetNames(github), assets);
          if (wrong) throw new Error(`the release holds ${wrong}`);
          times.push(run.seconds);
          refusals.push(refusalsIn(run.stdout));
        } finally {
          await github.close();
        }
      }
    } finally {
      await close();
    }
    const ours = stats(times);
    const allowed = shortestSeconds(contentRequests(assets), limits);
    const ratio = ours.median / allowed;
    return [
      {
        name: `release under GitHub's secondary rate limit: ${assets} assets, ${limits.perMinute}/min and ${limits.perHour}/h, windows ${limits.scale}x faster`,
        ours: fmt(ours),
        peer: `the limit: ${allowed.toFixed(2)} s`,
        ratio: `${ratio.toFixed(2)}x time`,
        target: '≤ 1.2x; no failure shown, nothing lost or doubled',
        met: smoke || ratio <= 1.2,
        note: `${contentRequests(assets)} content-creating requests (the draft, ${assets} uploads with SHA256SUMS) need ${Math.floor((contentRequests(assets) - 1) / limits.perMinute)} minutes of sliding windows, ${allowed.toFixed(1)} s at ${limits.scale}x; every run exited 0 with no error (retries are warnings), and left each asset on the release once; GitHub's 403 refusals waited out per run (median): ${stats(refusals).median}. The stand-in (its own process) counts every POST, PATCH, PUT and DELETE, asset uploads included; ours is the whole step, Node's start included`,
      },
    ];
  },
};

export const releaseHourlyLimit: Benchmark = {
  name: 'release hourly limit',
  async run({ smoke, root }) {
    const assets = smoke ? 16 : 600;
    const limits: Limits = smoke
      ? { scale: 3000, perMinute: 100, perHour: 10 }
      : { scale: 60, perMinute: CONTENT_PER_MINUTE, perHour: CONTENT_PER_HOUR };
    const { job, close } = await releaseJob(join(root, 'hourly'), assets);
    const github = await startGitHub(limits);
    const rows: Row[] = [];
    try {
      const first = await release(job, github, limits);
      const error = /::error::([^\n]*)/.exec(first.stdout)?.[1] ?? '';
      const at = /Re-run the job after (\S+Z)/.exec(error)?.[1];
      if (first.exitCode !== 1 || !at)
        throw new Error(
          `the first run did not stop saying when to re-run:\n${first.stdout.slice(-3000)}`,
        );
      const onRelease = (await assetNames(github)).length;
      // The time is given to the second; a user re-runs some time after it. The smoke row's hour
      // is scaled to about a second, so it waits one whole hour of its own past the time said.
      const margin = smoke ? (3600 * 1000) / limits.scale + 500 : 1000;
      const wait = Math.max(0, Date.parse(at) - Date.now()) + margin;
      await sleep(wait);
      const again = await release(job, github, limits);
      if (again.exitCode !== 0) throw new Error(`the re-run failed:\n${again.stdout.slice(-3000)}`);
      const wrong = lostOrDoubled(await assetNames(github), assets);
      if (wrong) throw new Error(`after the re-run the release holds ${wrong}`);
      const uploadedAgain = (JSON.parse(again.outputs.uploaded ?? '[]') as string[]).length;
      rows.push({
        name: `release past GitHub's hourly limit: ${assets} assets, ${limits.perHour}/h, windows ${limits.scale}x faster`,
        ours: `stopped after ${first.seconds.toFixed(1)} s with ${onRelease} assets up; re-run ${(wait / 1000).toFixed(1)} s later as told, done in ${again.seconds.toFixed(1)} s`,
        peer: 'the limit',
        ratio: `${uploadedAgain} uploaded by the re-run, ${assets - uploadedAgain} skipped`,
        target: 'stops cleanly saying when; re-run completes, nothing doubled',
        met: onRelease + uploadedAgain <= assets + 1,
        note: `the first run's error: ${error.replace(/%0A/g, ' ').slice(0, 600)}`,
      });
    } finally {
      await github.close();
      await close();
    }
    return rows;
  },
};
