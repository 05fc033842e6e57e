import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWheel } from '../../fixtures/archives.ts';
import {
  errorOf,
  HATCH_PLATFORM_WHEEL,
  HATCH_SDIST,
  HATCH_WHEEL,
  sigstoreInputs,
  startPipeline,
  type Job,
  type Pipeline,
} from '../../sandbox/pipeline.ts';

const REPO = 'octo-org/octo-repo';
const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => {
  await pipeline?.close();
});

/** A job that collected its own files (no artifact), so `release` can check custody. */
async function collectedJob(
  name: string,
  fixtures: string[],
  env: Record<string, string> = {},
): Promise<Job> {
  const job = await pipeline.job(name, fixtures, name);
  const run = await job.run({ step: 'collect', 'upload-artifact': 'false' }, { env });
  expect(run.exitCode, run.stdout).toBe(0);
  return job;
}

function draftsFor(repository: string, tag: string) {
  return pipeline.sandbox.github.releases(repository).filter((r) => r.tag_name === tag);
}

async function sumsOf(repository: string, tag: string): Promise<string> {
  const [release] = draftsFor(repository, tag);
  const asset = release?.assets.find((a) => a.name === 'SHA256SUMS');
  if (!asset) return '';
  const response = await fetch(asset.browser_download_url);
  return response.text();
}

describe('fan-in: provenance and release in one job', () => {
  it('creates one draft with every file, SHA256SUMS, and is a no-op when re-run', async () => {
    const builds = await Promise.all(
      [HATCH_WHEEL, HATCH_SDIST].map((f, i) => pipeline.job('build', [f], `fan-${i}`)),
    );
    for (const job of builds) expect((await job.run({ step: 'collect' })).exitCode).toBe(0);
    const signer = await pipeline.job('sign');
    expect(
      (await signer.run({ step: 'provenance', ...sigstoreInputs(pipeline) }, { idToken: true }))
        .exitCode,
    ).toBe(0);

    const env = { GITHUB_REPOSITORY: 'octo-org/fan-in', GITHUB_REF: 'refs/tags/v0.1.0' };
    const first = await signer.run({ step: 'release' }, { env });
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    const drafts = draftsFor('octo-org/fan-in', 'v0.1.0');
    expect(drafts).toHaveLength(1);
    expect(drafts[0]?.draft).toBe(true);
    const names = drafts[0]?.assets.map((a) => a.name).sort();
    expect(names).toEqual(
      ['SHA256SUMS', HATCH_WHEEL, HATCH_SDIST, 'hatch_demo-0.1.0.intoto.jsonl'].sort(),
    );
    expect(first.outputs['release-id']).toBe(String(drafts[0]?.id));
    expect(JSON.parse(first.outputs.uploaded ?? '[]')).toHaveLength(4);
    const dist = join(signer.workspace, 'dist');
    const expectedSums = [HATCH_WHEEL, HATCH_SDIST]
      .sort()
      .map(async (n) => `${sha256(await readFile(join(dist, n)))}  ${n}\n`);
    expect(await sumsOf('octo-org/fan-in', 'v0.1.0')).toBe(
      (await Promise.all(expectedSums)).join(''),
    );
    for (const asset of drafts[0]?.assets ?? []) {
      if (asset.name === 'SHA256SUMS') continue;
      expect(asset.digest).toBe(`sha256:${sha256(await readFile(join(dist, asset.name)))}`);
    }
    expect(first.summary).toContain(HATCH_SDIST);

    const again = await signer.run({ step: 'release' }, { env });
    expect(again.exitCode, again.stdout).toBe(0);
    expect(JSON.parse(again.outputs.uploaded ?? '')).toEqual([]);
    expect(JSON.parse(again.outputs.skipped ?? '')).toHaveLength(4);
    expect(draftsFor('octo-org/fan-in', 'v0.1.0')).toHaveLength(1);
  });
});

const RACE_PLATFORMS = [
  'manylinux_2_17_x86_64',
  'manylinux_2_17_aarch64',
  'musllinux_1_2_x86_64',
  'win_amd64',
  'win_arm64',
  'macosx_11_0_arm64',
  'macosx_10_9_x86_64',
  'manylinux_2_28_ppc64le',
];
const RACE_REF = { GITHUB_REF: 'refs/tags/v2.0.0' };
let racers: Promise<Job[]> | undefined;

/**
 * Eight jobs that each collected one wheel (no artifact), once for every race below: what
 * `release` checks is the files against the manifest, whichever repository it releases to.
 */
function eightCollected(): Promise<Job[]> {
  racers ??= Promise.all(
    RACE_PLATFORMS.map(async (platform, i) => {
      const job = await pipeline.job(`race${i}`, [], `race-${i}`);
      await writeWheel(
        join(job.workspace, 'dist', `race_demo-2.0.0-cp312-cp312-${platform}.whl`),
        'race_demo',
        '2.0.0',
      );
      const run = await job.run({ step: 'collect', 'upload-artifact': 'false' }, { env: RACE_REF });
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      return job;
    }),
  );
  return racers;
}

/** The eight jobs run `release` at the same moment, into a repository of this race's own. */
async function raceEight(
  repository: string,
  releaseEnv: Record<string, string> = {},
): Promise<Job[]> {
  const env = { GITHUB_REPOSITORY: repository, ...RACE_REF };
  const jobs = await eightCollected();
  const runs = await Promise.all(
    jobs.map((job) => job.run({ step: 'release' }, { env: { ...env, ...releaseEnv } })),
  );
  for (const run of runs) expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  const releases = draftsFor(repository, 'v2.0.0');
  expect(releases).toHaveLength(1);
  const names = releases[0]?.assets.map((a) => a.name) ?? [];
  expect(names).toHaveLength(RACE_PLATFORMS.length + 1);
  expect(new Set(names).size).toBe(names.length);
  expect((await sumsOf(repository, 'v2.0.0')).trim().split('\n')).toHaveLength(
    RACE_PLATFORMS.length,
  );
  return jobs;
}

describe('per-job append', () => {
  it(
    'eight release steps started at the same moment end with one draft holding every asset once',
    { timeout: 180_000 },
    async () => {
      await raceEight('octo-org/race');
    },
  );

  it(
    'ends with one draft when GitHub lists new drafts late, so several jobs create one',
    { timeout: 180_000 },
    async () => {
      const github = pipeline.sandbox.github;
      // Every new draft stays unlisted for 2.5 to 4 s, so the jobs that list before the first
      // draft shows (all of them start together) create their own; backoffs scaled to 250 ms
      // let a creator look for its own draft for longer than the lag.
      github.listingLag(4000, 7, 2500);
      try {
        await raceEight('octo-org/lagging', { RELEASE_ACTION_RETRY_DELAY_MS: '250' });
      } finally {
        github.listingLag(0);
      }
      // The lag made jobs create drafts they could not see: the race really happened.
      const creates = github.requests.filter(
        (r) => r.method === 'POST' && r.path === '/repos/octo-org/lagging/releases',
      );
      expect(creates.length).toBeGreaterThan(1);
    },
  );
});

describe('faults, conflicts and refusals', () => {
  it('a run broken half way converges, when re-run, to the same release as a clean run', async () => {
    const job = await collectedJob('broken', [HATCH_WHEEL, HATCH_PLATFORM_WHEEL, HATCH_SDIST]);
    const clean = await job.run(
      { step: 'release' },
      { env: { GITHUB_REPOSITORY: 'octo-org/clean' } },
    );
    expect(clean.exitCode).toBe(0);

    const env = { GITHUB_REPOSITORY: 'octo-org/broken' };
    pipeline.sandbox.github.breakNextUpload();
    pipeline.sandbox.github.failNext(30, 503);
    const broken = await job.run({ step: 'release' }, { env });
    pipeline.sandbox.github.failNext(0, 503);
    expect(broken.exitCode).toBe(1);
    const rerun = await job.run({ step: 'release' }, { env });
    expect(rerun.exitCode, rerun.stdout + rerun.stderr).toBe(0);
    const shape = (repo: string) =>
      draftsFor(repo, 'v1.0.0').map((r) =>
        r.assets.map((a) => `${a.name} ${a.state} ${a.digest}`).sort(),
      );
    expect(shape('octo-org/broken')).toEqual(shape('octo-org/clean'));
  });

  it('restarts a half-uploaded asset within one run', async () => {
    const job = await collectedJob('starter', [HATCH_SDIST]);
    pipeline.sandbox.github.breakNextUpload();
    const run = await job.run(
      { step: 'release' },
      { env: { GITHUB_REPOSITORY: 'octo-org/starter' } },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    const assets = draftsFor('octo-org/starter', 'v1.0.0')[0]?.assets ?? [];
    expect(assets.every((a) => a.state === 'uploaded')).toBe(true);
    expect(assets.map((a) => a.name).sort()).toEqual(['SHA256SUMS', HATCH_SDIST]);
  });

  it('refuses a conflicting asset before any upload, and overwrite: true replaces it', async () => {
    const env = { GITHUB_REPOSITORY: 'octo-org/conflict' };
    const job = await collectedJob('conflict', [HATCH_WHEEL, HATCH_SDIST]);
    const release = pipeline.sandbox.github.createRelease('octo-org/conflict', {
      tag_name: 'v1.0.0',
      draft: true,
    });
    await pipeline.sandbox.github.uploadAsset(
      'octo-org/conflict',
      release.id,
      HATCH_SDIST,
      Buffer.from('other bytes'),
    );
    const local = sha256(await readFile(join(job.workspace, 'dist', HATCH_SDIST)));
    const refused = await job.run({ step: 'release' }, { env });
    expect(refused.exitCode).toBe(1);
    expect(errorOf(refused)).toContain(HATCH_SDIST);
    expect(errorOf(refused)).toContain(sha256('other bytes'));
    expect(errorOf(refused)).toContain(local);
    expect(draftsFor('octo-org/conflict', 'v1.0.0')[0]?.assets.map((a) => a.name)).toEqual([
      HATCH_SDIST,
    ]);

    const replaced = await job.run({ step: 'release', overwrite: 'true' }, { env });
    expect(replaced.exitCode, replaced.stdout).toBe(0);
    const asset = draftsFor('octo-org/conflict', 'v1.0.0')[0]?.assets.find(
      (a) => a.name === HATCH_SDIST,
    );
    expect(asset?.digest).toBe(`sha256:${local}`);
    expect(replaced.summary).toContain('replaced');
  });

  it('refuses an immutable published release before anything is uploaded', async () => {
    const repo = 'octo-org/immutable';
    pipeline.sandbox.github.setImmutableReleases(repo, true);
    pipeline.sandbox.github.createRelease(repo, { tag_name: 'v1.0.0', draft: false });
    const job = await collectedJob('immutable', [HATCH_SDIST]);
    const run = await job.run({ step: 'release' }, { env: { GITHUB_REPOSITORY: repo } });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/immutable/);
    expect(errorOf(run)).toMatch(/new patch release/);
    expect(draftsFor(repo, 'v1.0.0')[0]?.assets).toEqual([]);
  });

  it('uploads 120 assets across pages and survives rate limits', async () => {
    const job = await collectedJob('many', [HATCH_SDIST]);
    for (let i = 0; i < 119; i++)
      await writeFile(
        join(job.workspace, 'dist', `extra-${String(i).padStart(3, '0')}.txt.asc`),
        `signature ${i}\n`,
      );
    pipeline.sandbox.github.rateLimitNext(2, 'secondary', 1);
    const env = { GITHUB_REPOSITORY: 'octo-org/many' };
    const run = await job.run({ step: 'release', 'upload-concurrency': '8' }, { env });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(draftsFor('octo-org/many', 'v1.0.0')[0]?.assets).toHaveLength(121);
    pipeline.sandbox.github.rateLimitNext(1, 'primary', 1);
    const again = await job.run({ step: 'release' }, { env });
    expect(again.exitCode, again.stdout + again.stderr).toBe(0);
    expect(JSON.parse(again.outputs.skipped ?? '[]')).toHaveLength(121);
  });

  it('retries uploads throttled by a 429 secondary limit without retry-after, each with a fresh body', async () => {
    const job = await collectedJob('throttled', [HATCH_WHEEL, HATCH_SDIST]);
    const github = pipeline.sandbox.github;
    const env = { GITHUB_REPOSITORY: 'octo-org/throttled' };
    // 429 without retry-after: GitHub's minute, scaled by the test knob (20 ms a second).
    github.rateLimitNext(2, 'secondary', null, { status: 429, uploadsOnly: true });
    const first = await job.run({ step: 'release', 'upload-concurrency': '1' }, { env });
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(first.stdout).toMatch(/failed \(429\); attempt 2 of 5 in 1\.2 s/);
    // Each retry is one warning annotation, with the reason and what comes next.
    const retries = first.annotations.filter((a) => /attempt \d+ of/.test(a.message));
    expect(retries.length).toBeGreaterThan(0);
    for (const line of retries) {
      expect(line.level).toBe('warning');
      expect(line.message).toMatch(
        /^Upload of \S+ failed \(429\); attempt \d+ of 5 in [\d.]+ m?s\.$/,
      );
    }
    expect(first.stdout).not.toMatch(/disturbed|locked/i);
    const [release] = draftsFor('octo-org/throttled', 'v1.0.0');
    expect(release?.assets.every((a) => a.state === 'uploaded')).toBe(true);
    expect(release?.assets.map((a) => a.name).sort()).toEqual(
      [HATCH_SDIST, HATCH_WHEEL, 'SHA256SUMS'].sort(),
    );
    const uploads = github.requests.filter(
      (r) => r.method === 'POST' && r.path.startsWith('/repos/octo-org/throttled/releases/'),
    );
    expect(uploads.filter((r) => r.status === 429)).toHaveLength(2);
  });

  it('hashes assets GitHub reports no digest for', async () => {
    const job = await collectedJob('nodigest', [HATCH_SDIST]);
    const env = { GITHUB_REPOSITORY: 'octo-org/nodigest' };
    pipeline.sandbox.github.omitDigests(true);
    try {
      expect((await job.run({ step: 'release' }, { env })).exitCode).toBe(0);
      const again = await job.run({ step: 'release' }, { env });
      expect(again.exitCode).toBe(0);
      expect(JSON.parse(again.outputs.skipped ?? '[]')).toEqual(['SHA256SUMS', HATCH_SDIST]);
    } finally {
      pipeline.sandbox.github.omitDigests(false);
    }
  });

  it('refuses a body over GitHub’s 125,000 characters before sending anything', async () => {
    const job = await collectedJob('long-body', [HATCH_WHEEL]);
    const github = pipeline.sandbox.github;
    const before = github.requests.length;
    const run = await job.run(
      { step: 'release', body: 'x'.repeat(125_001) },
      { env: { GITHUB_REPOSITORY: 'octo-org/long-body' } },
    );
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/125001 characters; GitHub refuses more than 125000/);
    expect(github.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
    expect(draftsFor('octo-org/long-body', 'v1.0.0')).toEqual([]);
  });

  it('refuses a file that is not what collect recorded', async () => {
    const job = await collectedJob('tampered', [HATCH_SDIST]);
    const path = join(job.workspace, 'dist', HATCH_SDIST);
    await writeFile(path, Buffer.concat([await readFile(path), Buffer.from('x')]));
    const run = await job.run(
      { step: 'release' },
      { env: { GITHUB_REPOSITORY: 'octo-org/tampered' } },
    );
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/does not match the digest recorded by `collect`/);
    expect(draftsFor('octo-org/tampered', 'v1.0.0')).toEqual([]);
  });

  it('explains a token without contents: write, and a run with no tag', async () => {
    const job = await collectedJob('perm', [HATCH_SDIST]);
    const readOnly = pipeline.sandbox.github.token(['contents:read']);
    const run = await job.run(
      { step: 'release', 'github-token': readOnly },
      { env: { GITHUB_REPOSITORY: 'octo-org/perm' } },
    );
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/contents: write/);
    const noTag = await job.run({ step: 'release' }, { env: { GITHUB_REF: 'refs/heads/main' } });
    expect(noTag.exitCode).toBe(1);
    expect(errorOf(noTag)).toMatch(/No tag to release/);
    const badTag = await job.run({ step: 'release', tag: 'v1;rm -rf /' });
    expect(errorOf(badTag)).toMatch(/not a usable tag name/);
  });

  it('publishes only when asked, after the uploads', async () => {
    const job = await collectedJob('publish', [HATCH_SDIST]);
    const env = { GITHUB_REPOSITORY: 'octo-org/publish' };
    expect(
      (
        await job.run(
          { step: 'release', 'publish-release': 'true', 'make-latest': 'true' },
          { env },
        )
      ).exitCode,
    ).toBe(0);
    const [release] = draftsFor('octo-org/publish', 'v1.0.0');
    expect(release?.draft).toBe(false);
    expect(release?.assets).toHaveLength(2);
  });
});

void REPO;
