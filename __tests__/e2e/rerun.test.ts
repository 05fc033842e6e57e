// "Re-run failed jobs": one build leg of a matrix of three runs again in a later attempt and
// builds a wheel of the same name that is not bit-reproducible. The artifact service lists the
// artifacts of every attempt; provenance takes the latest attempt's file per build job.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  FIXTURES,
  HATCH_PLATFORM_WHEEL,
  HATCH_SDIST,
  HATCH_WHEEL,
  sigstoreInputs,
  startPipeline,
  type Job,
  type Pipeline,
} from '../../sandbox/pipeline.ts';

const LEGS = [HATCH_WHEEL, HATCH_PLATFORM_WHEEL, HATCH_SDIST];
const PROVENANCE = 'hatch_demo-0.1.0.intoto.jsonl';

const sha256 = (path: string): string =>
  execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0] as string;

/**
 * The fixture wheel rebuilt as a non-reproducible build would: the same members, RECORD and
 * name, other zip timestamps (CPython's zipfile writes it, an independent writer).
 */
function rebuildWheel(target: string, year: number): void {
  const script = [
    'import sys, zipfile',
    'src, dst, year = sys.argv[1], sys.argv[2], int(sys.argv[3])',
    'with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:',
    '    for info in zin.infolist():',
    '        out = zipfile.ZipInfo(info.filename, (year, 1, 2, 3, 4, 6))',
    '        out.external_attr = info.external_attr',
    '        out.compress_type = zipfile.ZIP_DEFLATED',
    '        zout.writestr(out, zin.read(info.filename))',
  ].join('\n');
  execFileSync('/usr/bin/python3', [
    '-c',
    script,
    join(FIXTURES, HATCH_PLATFORM_WHEEL),
    target,
    String(year),
  ]);
}

/** Whether GitHub refuses to serve earlier attempts' artifacts (listed all the same). */
let earlierAttemptsGone = false;
let pipeline: Pipeline;
const firstNames: string[] = [];

async function rerunLeg(attempt: number): Promise<{ name: string; sha: string }> {
  const leg = await pipeline.job('build', [], 'leg-1', attempt);
  const wheel = join(leg.workspace, 'dist', HATCH_PLATFORM_WHEEL);
  rebuildWheel(wheel, 2000 + attempt);
  const run = await leg.run({ step: 'collect' });
  expect(run.exitCode, run.stdout).toBe(0);
  return { name: run.outputs['artifact-name'] ?? '', sha: sha256(wheel) };
}

async function provenance(
  attempt: number,
): Promise<{ job: Job; run: Awaited<ReturnType<Job['run']>> }> {
  const job = await pipeline.job('sign', [], undefined, attempt);
  const run = await job.run(
    { step: 'provenance', ...sigstoreInputs(pipeline) },
    { idToken: { runAttempt: String(attempt) } },
  );
  return { job, run };
}

beforeAll(async () => {
  pipeline = await startPipeline({
    artifacts: { earlierAttemptNotFound: () => earlierAttemptsGone },
  });
  const legs = await Promise.all(LEGS.map((f, i) => pipeline.job('build', [f], `leg-${i}`)));
  for (const leg of legs) {
    const run = await leg.run({ step: 'collect' });
    expect(run.exitCode, run.stdout).toBe(0);
    firstNames.push(run.outputs['artifact-name'] ?? '');
  }
});
afterAll(async () => {
  await pipeline?.close();
});

describe('re-running one failed build leg', () => {
  it("takes the re-run's wheel, names the superseded artifact, and a second re-run adds no problem", async () => {
    const second = await rerunLeg(2);
    expect(second.name).not.toBe(firstNames[1]);
    expect(second.sha).not.toBe(sha256(join(FIXTURES, HATCH_PLATFORM_WHEEL)));
    expect(pipeline.sandbox.artifacts.list()).toHaveLength(4);

    const signed = await provenance(2);
    expect(signed.run.exitCode, signed.run.stdout + signed.run.stderr).toBe(0);
    const dist = join(signed.job.workspace, 'dist');
    expect(sha256(join(dist, HATCH_PLATFORM_WHEEL))).toBe(second.sha);
    expect(signed.run.stdout).toContain(`Ignored workflow artifact "${firstNames[1]}"`);
    expect(signed.run.stdout).toContain(`superseded by "${second.name}" (attempt 2)`);
    // The reviewer sees it too, in the job summary.
    expect(signed.run.summary).toContain(`Ignored, superseded by a re-run: ${firstNames[1]}`);
    const statement = JSON.parse(
      Buffer.from(
        JSON.parse(await readFile(join(dist, PROVENANCE), 'utf8')).dsseEnvelope.payload,
        'base64',
      ).toString(),
    );
    const subject = statement.subject.find(
      (s: { name: string }) => s.name === HATCH_PLATFORM_WHEEL,
    );
    expect(subject.digest.sha256).toBe(second.sha);

    const third = await rerunLeg(3);
    expect(pipeline.sandbox.artifacts.list()).toHaveLength(5);
    const again = await provenance(3);
    expect(again.run.exitCode, again.run.stdout + again.run.stderr).toBe(0);
    expect(sha256(join(again.job.workspace, 'dist', HATCH_PLATFORM_WHEEL))).toBe(third.sha);
    expect(again.run.stdout).toContain(`Ignored workflow artifact "${firstNames[1]}"`);
    expect(again.run.stdout).toContain(`Ignored workflow artifact "${second.name}"`);
    expect(
      again.run.annotations.filter((a) => a.level === 'error' || a.level === 'warning'),
    ).toEqual([]);
  });

  it('a later attempt claimed by a job of an earlier attempt is refused before signing', async () => {
    // Provenance in attempt 1 cannot see artifacts of attempt 2 or 3: nothing supersedes.
    const before = pipeline.sandbox.sigstore.requests.fulcio;
    const { run } = await provenance(1);
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/Could not establish which attempt uploaded workflow artifact/);
    expect(errorOf(run)).toMatch(/this job runs in attempt 1/);
    expect(pipeline.sandbox.sigstore.requests.fulcio).toBe(before);
  });

  it('an earlier attempt that GitHub lists but no longer serves stops the step, naming the way around', async () => {
    earlierAttemptsGone = true;
    try {
      const { run } = await provenance(3);
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toMatch(/workflow run not found/);
      expect(errorOf(run)).toMatch(/whether the re-run superseded it, cannot be established/);
      expect(errorOf(run)).toMatch(/artifact-name/);
    } finally {
      earlierAttemptsGone = false;
    }
  });
});
