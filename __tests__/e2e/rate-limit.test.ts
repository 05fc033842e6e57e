/**
 * `release` under GitHub's secondary limit on content creation (sandbox/github-limits.ts): it
 * waits out the per-minute window as `retry-after` says, with no failure reaching the user; past
 * the hourly budget it stops cleanly, says when to re-run, and the re-run finishes the release
 * without uploading anything twice. The stand-in's clock runs 600 times faster (a minute lasts
 * 100 ms, an hour 6 s) and the action's waits are scaled alike.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, HATCH_WHEEL, startPipeline, type Pipeline } from '../../sandbox/pipeline.ts';
import { startGitHub, type GitHubSandbox } from '../../sandbox/github.ts';
import type { ContentLimitOptions } from '../../sandbox/github-limits.ts';

const SCALE = 600;
const REPO = 'octo-org/limited';
const SIGNATURES = 10;

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => {
  await pipeline?.close();
});

/** A GitHub stand-in enforcing `limits`, and a job with a wheel and signatures collected. */
async function limitedRelease(limits: ContentLimitOptions) {
  const github = await startGitHub({ contentLimits: { ...limits, scale: SCALE } });
  const job = await pipeline.job('release', [HATCH_WHEEL]);
  for (let i = 1; i <= SIGNATURES; i++)
    await writeFile(join(job.workspace, 'dist', `sig-${i}.txt.asc`), `signature ${i}\n`);
  const collected = await job.run({ step: 'collect', 'upload-artifact': 'false' });
  expect(collected.exitCode, collected.stdout).toBe(0);
  const release = () =>
    job.run(
      { step: 'release', 'github-token': github.token(['contents:write']) },
      {
        env: {
          GITHUB_API_URL: github.url,
          RELEASE_ACTION_GITHUB_UPLOAD_URL: github.uploadUrl,
          GITHUB_REPOSITORY: REPO,
          GITHUB_REF: 'refs/tags/v0.1.0',
          RELEASE_ACTION_RETRY_DELAY_MS: String(1000 / SCALE),
        },
      },
    );
  return { github, release };
}

function assetNames(github: GitHubSandbox): string[] {
  const releases = github.releases(REPO);
  expect(releases).toHaveLength(1);
  return (releases[0]?.assets ?? []).map((a) => a.name);
}

describe('release under GitHub content-creation limits', () => {
  it('waits out the per-minute limit: every file arrives once and the step succeeds', async () => {
    const { github, release } = await limitedRelease({ perMinute: 4 });
    try {
      const run = await release();
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      expect(github.contentLimitStats?.refused).toBeGreaterThan(0);
      const names = assetNames(github);
      expect(names).toHaveLength(SIGNATURES + 2); // the wheel, the signatures, SHA256SUMS
      expect(new Set(names).size).toBe(names.length);
      // Refusals were waited out, never surfaced.
      expect(run.stdout).not.toMatch(/::error/);
    } finally {
      await github.close();
    }
  });

  it('past the hourly budget stops, says when to re-run, and the re-run completes', async () => {
    const { github, release } = await limitedRelease({ perMinute: 100, perHour: 8 });
    try {
      const first = await release();
      expect(first.exitCode).toBe(1);
      const error = errorOf(first);
      expect(error).toMatch(/secondary rate limit/);
      expect(error).toMatch(/\d+ of 11 files are on the release/);
      const at = /Re-run the job after (\S+Z)/.exec(first.stdout)?.[1];
      expect(at, first.stdout).toBeDefined();
      const resume = Date.parse(at ?? '');
      // An hour on the stand-in's clock is 6 s: the time stated lies within it.
      expect(resume - Date.now()).toBeLessThanOrEqual(6000);
      const before = assetNames(github);
      expect(before.length).toBeLessThan(SIGNATURES + 2);

      await new Promise((resolve) => setTimeout(resolve, Math.max(0, resume - Date.now())));
      const again = await release();
      expect(again.exitCode, again.stdout + again.stderr).toBe(0);
      const names = assetNames(github);
      expect(names).toHaveLength(SIGNATURES + 2);
      expect(new Set(names).size).toBe(names.length);
      // Nothing uploaded by the first run went up again.
      const skipped = JSON.parse(again.outputs.skipped ?? '[]') as string[];
      for (const name of before.filter((n) => n !== 'SHA256SUMS')) expect(skipped).toContain(name);
    } finally {
      await github.close();
    }
  }, 30_000);
});
