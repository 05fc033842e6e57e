import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startPipeline, type Job, type Pipeline } from '../../sandbox/pipeline.ts';

const TAG_COMMIT = 'c'.repeat(40);
const MAIN_COMMIT = 'd'.repeat(40);
const TAG_TIME = new Date('2026-11-01T12:00:00Z');

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
  pipeline.sandbox.github.createTag('octo-org/octo-repo', {
    tag: 'v1.2.0',
    commit: TAG_COMMIT,
    date: TAG_TIME,
    annotated: true,
  });
  pipeline.sandbox.github.createTag('octo-org/light', {
    tag: 'v3.0.0rc1',
    commit: TAG_COMMIT,
    date: TAG_TIME,
    annotated: false,
  });
});
afterAll(async () => {
  await pipeline?.close();
});

/** A job whose workspace is a checkout of `commit` (detached, or on a branch via packed-refs). */
async function checkout(commit: string, packed = false): Promise<Job> {
  const job = await pipeline.job('build');
  const git = join(job.workspace, '.git');
  await mkdir(git, { recursive: true });
  if (packed) {
    await writeFile(join(git, 'HEAD'), 'ref: refs/heads/main\n');
    await writeFile(
      join(git, 'packed-refs'),
      `# pack-refs with: peeled fully-peeled sorted\n${commit} refs/heads/main\n`,
    );
  } else {
    await writeFile(join(git, 'HEAD'), `${commit}\n`);
  }
  return job;
}

describe('step: prepare', () => {
  it('resolves tag, version, commit and SOURCE_DATE_EPOCH on a tag push', async () => {
    const job = await checkout(TAG_COMMIT);
    const run = await job.run({ step: 'prepare' }, { env: { GITHUB_REF: 'refs/tags/v1.2.0' } });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({
      tag: 'v1.2.0',
      version: '1.2.0',
      sha: TAG_COMMIT,
      'source-date-epoch': String(TAG_TIME.getTime() / 1000),
      backfill: 'false',
    });
  });

  it('reads a lightweight tag and a branch checkout from packed-refs', async () => {
    const job = await checkout(TAG_COMMIT, true);
    const run = await job.run(
      { step: 'prepare', tag: 'v3.0.0rc1' },
      { env: { GITHUB_REPOSITORY: 'octo-org/light' } },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.version).toBe('3.0.0rc1');
  });

  it('refuses to build main when dispatched for a tag', async () => {
    const job = await checkout(MAIN_COMMIT);
    const run = await job.run(
      { step: 'prepare', tag: 'v1.2.0' },
      { env: { GITHUB_EVENT_NAME: 'workflow_dispatch', GITHUB_REF: 'refs/heads/main' } },
    );
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toContain(MAIN_COMMIT);
    expect(errorOf(run)).toContain(TAG_COMMIT);
    expect(errorOf(run)).toMatch(/ref: \$\{\{ inputs\.tag \}\}/);
  });

  it('refuses a tag that does not exist, one that is not a version, and a missing checkout', async () => {
    const job = await checkout(TAG_COMMIT);
    expect(errorOf(await job.run({ step: 'prepare', tag: 'v9.9.9' }))).toMatch(/does not exist/);
    expect(errorOf(await job.run({ step: 'prepare', tag: 'nightly' }))).toMatch(/PEP 440/);
    const bare = await pipeline.job('nogit');
    expect(errorOf(await bare.run({ step: 'prepare', tag: 'v1.2.0' }))).toMatch(/no git checkout/);
  });

  it('recognises a backfill and refuses an immutable release up front', async () => {
    const repo = 'octo-org/backfill';
    pipeline.sandbox.github.createTag(repo, {
      tag: 'v1.2.0',
      commit: TAG_COMMIT,
      date: TAG_TIME,
      annotated: false,
    });
    pipeline.sandbox.github.createRelease(repo, { tag_name: 'v1.2.0', draft: true });
    const job = await checkout(TAG_COMMIT);
    const env = {
      GITHUB_REPOSITORY: repo,
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_REF: 'refs/heads/main',
    };
    const run = await job.run({ step: 'prepare', tag: 'v1.2.0' }, { env });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.backfill).toBe('true');

    const locked = 'octo-org/locked';
    pipeline.sandbox.github.createTag(locked, {
      tag: 'v1.2.0',
      commit: TAG_COMMIT,
      date: TAG_TIME,
      annotated: false,
    });
    pipeline.sandbox.github.setImmutableReleases(locked, true);
    pipeline.sandbox.github.createRelease(locked, { tag_name: 'v1.2.0', draft: false });
    const refused = await job.run(
      { step: 'prepare', tag: 'v1.2.0' },
      { env: { ...env, GITHUB_REPOSITORY: locked } },
    );
    expect(refused.exitCode).toBe(1);
    expect(errorOf(refused)).toMatch(/immutable/);
  });
});
