/**
 * The backfill as users run it: one workflow file with both triggers, so the one trusted
 * publisher registered for release.yml covers it; the dispatch run's tokens carry what GitHub
 * gives them (`refs/heads/main`, main's head, `event_name: workflow_dispatch`), and the signed
 * statement names the tag and the tag's commit as the source, from the checkout that `prepare`
 * proved to be the tag's (a dispatch whose checkout is main's stops there). README's consumer
 * command accepts the backfilled wheel; files built from another commit, a moved tag and a
 * look-alike repository are refused by verify and publish.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeWheel } from '../../fixtures/archives.ts';
import { RUN_DEFAULTS } from '../../sandbox/harness.ts';
import { dispatchIdentity } from '../../sandbox/oidc-issuer.ts';
import {
  errorOf,
  HATCH_WHEEL,
  sigstoreInputs,
  startPipeline,
  type Job,
  type Pipeline,
} from '../../sandbox/pipeline.ts';
import { startWarehouse, type Warehouse } from '../../sandbox/warehouse.ts';
import { SANDBOX_AUDIENCE } from '../../sandbox/warehouse.ts';

const TAG = 'v1.0.0';
const GNUPG = mkdtempSync(join(tmpdir(), 'gnupg-'));
const TAG_COMMIT = RUN_DEFAULTS.sha;
const MAIN_HEAD = 'b'.repeat(40);
const CP311 = 'hatch_demo-0.1.0-cp311-cp311-win_amd64.whl';
const DISPATCH_ENV = {
  GITHUB_EVENT_NAME: 'workflow_dispatch',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_SHA: MAIN_HEAD,
};
const DISPATCH_EVENT = {
  inputs: { tag: TAG, python: '3.11' },
  ref: 'refs/heads/main',
  repository: { full_name: RUN_DEFAULTS.repository },
};

// Any armored key will do: the tag carries no signature at all.
execFileSync(
  'gpg',
  [
    '--batch',
    '--passphrase',
    '',
    '--quick-gen-key',
    'M <m@example.com>',
    'ed25519',
    'sign',
    'never',
  ],
  { env: { ...process.env, GNUPGHOME: GNUPG }, stdio: 'ignore' },
);
const PUBLIC_KEY = execFileSync('gpg', ['--armor', '--export', 'm@example.com'], {
  env: { ...process.env, GNUPGHOME: GNUPG },
  encoding: 'utf8',
});

let pipeline: Pipeline;
let pypi: Warehouse;

beforeAll(async () => {
  pipeline = await startPipeline();
  pypi = await startWarehouse({
    name: 'pypi',
    verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
    trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
  });
  pypi.createProject('hatch-demo');
  // One trusted publisher, for the one workflow file that has both triggers.
  pypi.addTrustedPublisher({
    project: 'hatch-demo',
    repository: RUN_DEFAULTS.repository,
    workflow: 'release.yml',
    environment: 'publish',
  });
  // The tag push: released and signed from the tag's commit.
  const tagJob = await pipeline.job('tag-push', [HATCH_WHEEL]);
  await checkout(tagJob, TAG_COMMIT);
  const steps: Array<Record<string, string>> = [
    { step: 'collect', 'upload-artifact': 'false' },
    { step: 'provenance', from: 'folder', ...sigstoreInputs(pipeline) },
    { step: 'release' },
  ];
  for (const inputs of steps) {
    const run = await tagJob.run(inputs, { idToken: true });
    expect(run.exitCode, errorOf(run)).toBe(0);
  }
});
afterAll(async () => {
  await rm(GNUPG, { recursive: true, force: true });
  await pypi?.close();
  await pipeline?.close();
});

async function checkout(job: Job, commit: string): Promise<void> {
  await mkdir(join(job.workspace, '.git'), { recursive: true });
  await writeFile(join(job.workspace, '.git', 'HEAD'), `${commit}\n`);
}

/**
 * A dispatch job as examples/release.yml runs it: checkout of `commit`, `prepare` with the
 * `tag` input, then a cp311 wheel built, collected and signed. `prepare: false` leaves the
 * prepare step out, to show what provenance does on its own.
 */
async function backfillJob(commit: string, { prepare = true } = {}) {
  const job = await pipeline.job('backfill');
  await checkout(job, commit);
  const options = { env: DISPATCH_ENV, event: DISPATCH_EVENT };
  const prepared = prepare ? await job.run({ step: 'prepare', tag: TAG }, options) : undefined;
  if (prepared) expect(prepared.exitCode, errorOf(prepared)).toBe(0);
  await writeWheel(join(job.workspace, 'dist', CP311), 'hatch_demo', '0.1.0');
  const collected = await job.run({ step: 'collect', 'upload-artifact': 'false' }, options);
  expect(collected.exitCode, errorOf(collected)).toBe(0);
  const signed = await job.run(
    {
      step: 'provenance',
      from: 'folder',
      'provenance-name': 'cp311.intoto.jsonl',
      ...sigstoreInputs(pipeline),
    },
    { ...options, idToken: dispatchIdentity(MAIN_HEAD) },
  );
  return { job, prepared, signed, options };
}

/** README's consumer command, as the action's verify step. */
function consumerVerify(job: Job) {
  return job.run({
    step: 'verify',
    'trusted-root': pipeline.trustedRootPath,
    workflow: 'release.yml',
    ref: `refs/tags/${TAG}`,
  });
}

function statementOf(bundleLine: string): {
  predicate: {
    buildDefinition: {
      externalParameters: { workflow: { ref: string }; inputs?: Record<string, unknown> };
      resolvedDependencies: Array<{ uri: string; digest: { gitCommit: string } }>;
    };
  };
} {
  const bundle = JSON.parse(bundleLine) as { dsseEnvelope: { payload: string } };
  return JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString('utf8'));
}

describe('backfill dispatched from main, one workflow file', () => {
  let backfill: Awaited<ReturnType<typeof backfillJob>>;

  it('signs the tag and its commit as the source, next to the dispatch identity', async () => {
    backfill = await backfillJob(TAG_COMMIT);
    // prepare proved the checkout is the tag's commit, and found the release to append to.
    expect(backfill.prepared?.outputs).toMatchObject({
      tag: TAG,
      version: '1.0.0',
      sha: TAG_COMMIT,
      backfill: 'true',
    });
    expect(backfill.signed.exitCode, errorOf(backfill.signed)).toBe(0);
    const line = await readFile(join(backfill.job.workspace, 'dist', 'cp311.intoto.jsonl'), 'utf8');
    const definition = statementOf(line).predicate.buildDefinition;
    expect(definition.resolvedDependencies).toEqual([
      {
        uri: `git+https://github.com/${RUN_DEFAULTS.repository}@refs/tags/${TAG}`,
        digest: { gitCommit: TAG_COMMIT },
      },
    ]);
    expect(definition.externalParameters.workflow.ref).toBe('refs/heads/main');
    expect(definition.externalParameters.inputs).toEqual({ tag: TAG, python: '3.11' });
  });

  it("verifies with README's consumer command", async () => {
    const run = await consumerVerify(backfill.job);
    expect(run.exitCode, errorOf(run)).toBe(0);
    expect(JSON.parse(run.outputs.verified ?? '[]')).toEqual([CP311]);
  });

  it('appends to the release and publishes only the new wheel, with one trusted publisher', async () => {
    const appended = await backfill.job.run({ step: 'release', tag: TAG }, backfill.options);
    expect(appended.exitCode, errorOf(appended)).toBe(0);
    const publisher = await pipeline.job('publish');
    const run = await publisher.run(
      {
        step: 'publish',
        tag: TAG,
        'repository-url': pypi.uploadUrl,
        'oidc-audience': SANDBOX_AUDIENCE,
        'trusted-root': pipeline.trustedRootPath,
        ...sigstoreInputs(pipeline),
      },
      {
        env: DISPATCH_ENV,
        event: DISPATCH_EVENT,
        idToken: { ...dispatchIdentity(MAIN_HEAD), environment: 'publish' },
      },
    );
    expect(run.exitCode, errorOf(run)).toBe(0);
    expect(
      pypi
        .files('hatch-demo')
        .map((f) => f.filename)
        .sort(),
    ).toEqual([CP311, HATCH_WHEEL].sort());
  });

  it('on a consumer machine, tag-signers refuses the tag when it is not signed', async () => {
    const run = await backfill.job.run({
      step: 'verify',
      'trusted-root': pipeline.trustedRootPath,
      ref: `refs/tags/${TAG}`,
      'tag-signers': PUBLIC_KEY,
    });
    expect(run.exitCode).not.toBe(0);
    expect(errorOf(run)).toMatch(
      /Tag "v1\.0\.0" is not signed by an allowed key: it is not signed/,
    );
  });

  it('stops a dispatch whose checkout is main’s commit in prepare, before anything is built', async () => {
    // A backfill dispatched from main must not build main: the checkout left out `ref`.
    const job = await pipeline.job('backfill-main');
    await checkout(job, MAIN_HEAD);
    const run = await job.run(
      { step: 'prepare', tag: TAG },
      { env: DISPATCH_ENV, event: DISPATCH_EVENT },
    );
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toContain(
      `checked-out commit ${MAIN_HEAD} is not the commit of tag "${TAG}" (${TAG_COMMIT})`,
    );
    expect(errorOf(run)).toContain('ref: ${{ inputs.tag }}');
    // No version, commit or epoch for the build steps: the job stops here.
    expect(run.outputs).toEqual({});
  });

  it('refuses to sign a checkout that is not the tag’s commit, even without prepare', async () => {
    const { signed } = await backfillJob(MAIN_HEAD, { prepare: false });
    expect(signed.exitCode).not.toBe(0);
    expect(errorOf(signed)).toMatch(
      new RegExp(
        `checked-out commit ${MAIN_HEAD} is not the commit of tag "${TAG}" \\(${TAG_COMMIT}\\)`,
      ),
    );
  });
});

describe('refused by verify and publish', () => {
  it('a wheel built from another commit', async () => {
    // A run for the tag when it pointed elsewhere: the certificate names the other commit.
    const other = 'e'.repeat(40);
    const job = await pipeline.job('other', [HATCH_WHEEL]);
    await checkout(job, other);
    expect((await job.run({ step: 'collect', 'upload-artifact': 'false' })).exitCode).toBe(0);
    const signed = await job.run(
      { step: 'provenance', from: 'folder', ...sigstoreInputs(pipeline) },
      { idToken: { sha: other } },
    );
    expect(signed.exitCode, errorOf(signed)).toBe(0);
    const verified = await consumerVerify(job);
    expect(verified.exitCode).not.toBe(0);
    expect(verified.stdout).toContain(
      `built from commit ${other}, but refs/tags/${TAG} points at ${TAG_COMMIT}`,
    );
    const published = await job.run(
      {
        step: 'publish',
        from: 'folder',
        'repository-url': pypi.uploadUrl,
        'oidc-audience': SANDBOX_AUDIENCE,
        'trusted-root': pipeline.trustedRootPath,
        ...sigstoreInputs(pipeline),
      },
      { idToken: { environment: 'publish' } },
    );
    expect(published.exitCode).not.toBe(0);
    expect(errorOf(published)).toMatch(
      new RegExp(
        `Tag "${TAG}" now points at commit ${TAG_COMMIT}, but the provenance names commit ${other}`,
      ),
    );
  });

  it('a certificate of another repository with the same name', async () => {
    const job = await pipeline.job('lookalike', [HATCH_WHEEL]);
    expect((await job.run({ step: 'collect', 'upload-artifact': 'false' })).exitCode).toBe(0);
    const signed = await job.run(
      { step: 'provenance', from: 'folder', ...sigstoreInputs(pipeline) },
      { idToken: { repositoryId: '7777', ownerId: '8888' } },
    );
    expect(signed.exitCode, errorOf(signed)).toBe(0);
    const verified = await consumerVerify(job);
    expect(verified.exitCode).not.toBe(0);
    expect(verified.stdout, verified.stdout + verified.stderr).toContain(
      'signed by repository id "7777"',
    );
    const published = await job.run(
      {
        step: 'publish',
        from: 'folder',
        'repository-url': pypi.uploadUrl,
        'oidc-audience': SANDBOX_AUDIENCE,
        'trusted-root': pipeline.trustedRootPath,
        ...sigstoreInputs(pipeline),
      },
      { idToken: { environment: 'publish' } },
    );
    expect(published.exitCode).not.toBe(0);
    expect(published.stdout).toContain('signed by repository id "7777"');
  });

  it('a tag moved after the provenance was signed', async () => {
    const moved = 'f'.repeat(40);
    pipeline.sandbox.github.createTag(RUN_DEFAULTS.repository, {
      tag: TAG,
      commit: moved,
      date: new Date('2026-11-02T12:00:00Z'),
      annotated: true,
    });
    const publisher = await pipeline.job('publish');
    const run = await publisher.run(
      {
        step: 'publish',
        'repository-url': pypi.uploadUrl,
        'oidc-audience': SANDBOX_AUDIENCE,
        'trusted-root': pipeline.trustedRootPath,
        'dry-run': 'true',
      },
      { idToken: { environment: 'publish' } },
    );
    expect(run.exitCode).not.toBe(0);
    expect(errorOf(run)).toMatch(
      new RegExp(
        `Tag "${TAG}" now points at commit ${moved}, but the provenance names commit ${TAG_COMMIT}`,
      ),
    );
  });
});
