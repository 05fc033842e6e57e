// GitHub's release listings lag behind a publish: for minutes the list may still show the
// published release as the draft it was, or not show it at all (release-drafter#1727). The
// steps that look for a tag's release after it was published (a backfill appending to it,
// `index`, `publish` from the release) go by the release as it is, never by the stale entry:
// no second release for a released tag, no uploads towards an immutable one, nothing left out.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  HATCH_PLATFORM_WHEEL,
  HATCH_WHEEL,
  sigstoreInputs,
  startPipeline,
  type Pipeline,
} from '../../sandbox/pipeline.ts';
import { SANDBOX_AUDIENCE } from '../../sandbox/warehouse.ts';

const REPO = 'octo-org/octo-repo';
const TAG = 'v1.0.0';
/** Longer than the whole test: every listing after the publish is stale. */
const LAG_MS = 10 * 60_000;

// Missing from the list: a step that trusted it would create a second release for the tag,
// and publish would find none. Still a draft in the list: a step that trusted it would upload
// towards an immutable release, and index would leave it out.
const CASES = [
  { view: 'missing', immutable: false },
  { view: 'draft', immutable: true },
] as const;

describe.each(CASES)('listed as $view after the publish (immutable: $immutable)', (c) => {
  let pipeline: Pipeline;

  beforeAll(async () => {
    pipeline = await startPipeline();
    const { github } = pipeline.sandbox;
    github.publishListingLag(LAG_MS, 3, LAG_MS, c.view);
    github.setImmutableReleases(REPO, c.immutable);
    const job = await pipeline.job('tag-push', [HATCH_WHEEL]);
    const steps: Array<Record<string, string>> = [
      { step: 'collect', 'upload-artifact': 'false' },
      { step: 'provenance', from: 'folder', ...sigstoreInputs(pipeline) },
      { step: 'release', 'publish-release': 'true' },
    ];
    for (const inputs of steps) {
      const run = await job.run(inputs, { idToken: true });
      expect(run.exitCode, errorOf(run)).toBe(0);
    }
    // The model is in force: the list is stale, the release by id is not.
    const listed = (await (
      await fetch(`${github.url}/repos/${REPO}/releases`, {
        headers: { authorization: `Bearer ${github.token(['contents:write'])}` },
      })
    ).json()) as Array<{ tag_name: string; draft: boolean }>;
    const entry = listed.find((r) => r.tag_name === TAG);
    if (c.view === 'missing') expect(entry).toBeUndefined();
    else expect(entry?.draft).toBe(true);
    expect(github.releases(REPO).map((r) => r.draft)).toEqual([false]);
  }, 60_000);
  afterAll(async () => {
    await pipeline?.close();
  });

  it('a backfill appends to the published release, or refuses an immutable one up front', async () => {
    const { github } = pipeline.sandbox;
    const job = await pipeline.job('backfill', [HATCH_PLATFORM_WHEEL]);
    expect((await job.run({ step: 'collect', 'upload-artifact': 'false' })).exitCode).toBe(0);
    const signed = await job.run(
      {
        step: 'provenance',
        from: 'folder',
        'provenance-name': 'cp311.intoto.jsonl',
        ...sigstoreInputs(pipeline),
      },
      { idToken: true },
    );
    expect(signed.exitCode, errorOf(signed)).toBe(0);
    const uploadsBefore = github.requests.filter((r) => r.method === 'POST').length;
    const run = await job.run({ step: 'release', tag: TAG });
    // Exactly one release for the tag, still published, whatever the list said.
    const releases = github.releases(REPO).filter((r) => r.tag_name === TAG);
    expect(releases.map((r) => r.draft)).toEqual([false]);
    const names = releases[0]?.assets.map((a) => a.name) ?? [];
    if (c.immutable) {
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toMatch(/Release "v1\.0\.0" is published and immutable/);
      // Refused before sending anything: no create, no upload.
      expect(github.requests.filter((r) => r.method === 'POST')).toHaveLength(uploadsBefore);
      expect(names).not.toContain(HATCH_PLATFORM_WHEEL);
    } else {
      expect(run.exitCode, errorOf(run)).toBe(0);
      expect(run.stdout).toContain('Appending to the published release');
      expect(names).toEqual(expect.arrayContaining([HATCH_PLATFORM_WHEEL, 'cp311.intoto.jsonl']));
    }
  });

  it('index lists the run’s release, which the list does not show as published', async () => {
    const job = await pipeline.job('pages');
    const run = await job.run({ step: 'index' });
    expect(run.exitCode, errorOf(run)).toBe(0);
    const page = await readFile(join(job.workspace, 'simple', 'hatch-demo', 'index.html'), 'utf8');
    expect(page).toContain(HATCH_WHEEL);
    if (!c.immutable) expect(page).toContain(HATCH_PLATFORM_WHEEL);
  });

  it.skipIf(c.immutable)('publish takes the files from the published release', async () => {
    const { pypi } = pipeline.sandbox;
    pypi.createProject('hatch-demo');
    pypi.addTrustedPublisher({
      project: 'hatch-demo',
      repository: REPO,
      workflow: 'release.yml',
      environment: 'publish',
    });
    const job = await pipeline.job('publish');
    const run = await job.run(
      {
        step: 'publish',
        'repository-url': pypi.uploadUrl,
        'oidc-audience': SANDBOX_AUDIENCE,
        'trusted-root': pipeline.trustedRootPath,
        ...sigstoreInputs(pipeline),
      },
      { idToken: { environment: 'publish' } },
    );
    expect(run.exitCode, errorOf(run)).toBe(0);
    expect(run.stdout).toMatch(/Downloaded \d+ asset\(s\) of published release/);
    expect(
      pypi
        .files('hatch-demo')
        .map((f) => f.filename)
        .sort(),
    ).toEqual([HATCH_PLATFORM_WHEEL, HATCH_WHEEL].sort());
  });
});
