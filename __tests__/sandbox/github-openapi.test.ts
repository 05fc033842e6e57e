/**
 * The GitHub stand-in answers as GitHub's own OpenAPI description says GitHub does: the
 * pipeline's GitHub-facing steps run against it (prepare, provenance with a GitHub attestation,
 * release with a broken upload and re-runs, rate limits and server errors, publish's download
 * from the draft, verify with the tag and repository ids, index, refused tokens), and every
 * answer it gave is then checked against the description (`helpers/github-openapi.ts`), on
 * github.com and, in GHES mode, against those of GitHub Enterprise Server 3.17 to 3.19.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUN_DEFAULTS } from '../../sandbox/harness.ts';
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
import { SANDBOX_AUDIENCE, startWarehouse, type Warehouse } from '../../sandbox/warehouse.ts';
import type { GitHubSandbox, RequestRecord } from '../../sandbox/github.ts';
import {
  checkAnswer,
  deviations,
  findOperation,
  GHES_VERSIONS,
  type Description,
} from '../helpers/github-openapi.ts';

const FILES = [HATCH_WHEEL, HATCH_PLATFORM_WHEEL, HATCH_SDIST];

/** The GitHub operations the pipeline's steps call, in the description's terms. */
const ACTION_CALLS = [
  'DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}',
  'DELETE /repos/{owner}/{repo}/releases/{release_id}',
  'GET /repos/{owner}/{repo}',
  'GET /repos/{owner}/{repo}/commits/{ref}',
  'GET /repos/{owner}/{repo}/git/ref/{ref}',
  'GET /repos/{owner}/{repo}/git/tags/{tag_sha}',
  'GET /repos/{owner}/{repo}/releases',
  'GET /repos/{owner}/{repo}/releases/assets/{asset_id}',
  'GET /repos/{owner}/{repo}/releases/tags/{tag}',
  'GET /repos/{owner}/{repo}/releases/{release_id}',
  'GET /repos/{owner}/{repo}/releases/{release_id}/assets',
  'PATCH /repos/{owner}/{repo}/releases/{release_id}',
  'POST /repos/{owner}/{repo}/attestations',
  'POST /repos/{owner}/{repo}/releases',
  'POST /repos/{owner}/{repo}/releases/{release_id}/assets',
];

/** A job whose workspace is a detached checkout of the run's commit. */
async function checkedOut(pipeline: Pipeline, name: string, files: string[]): Promise<Job> {
  const job = await pipeline.job(name, files);
  await mkdir(join(job.workspace, '.git'), { recursive: true });
  await writeFile(join(job.workspace, '.git', 'HEAD'), `${RUN_DEFAULTS.sha}\n`);
  return job;
}

/** The operations `records` answered, as `METHOD template`. */
function operations(description: Description, records: RequestRecord[]): string[] {
  const seen = records
    .filter((r) => r.host !== 'web')
    .map((r) => `${r.method} ${findOperation(description, r.method, r.path)?.template ?? r.path}`);
  return [...new Set(seen)].sort();
}

/** Every answer checked; the methods and statuses seen, to show what was covered. */
function expectFaithful(description: Description, records: RequestRecord[]): Set<string> {
  expect(deviations(description, records)).toEqual([]);
  return new Set(records.filter((r) => r.host !== 'web').map((r) => `${r.method} ${r.status}`));
}

describe('the validator', () => {
  const record = (over: Partial<RequestRecord>): RequestRecord => ({
    host: 'api',
    method: 'GET',
    path: '/repos/o/r/releases/1',
    query: '',
    status: 404,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ message: 'Not Found', documentation_url: 'https://docs.github.com' }),
    ...over,
  });

  it('refuses endpoints, hosts, statuses and shapes GitHub does not have', () => {
    expect(checkAnswer('api.github.com', record({}))).toEqual([]);
    expect(
      checkAnswer('api.github.com', record({ path: '/repos/o/r/releases/1/nope', status: 200 })),
    ).toEqual(['GitHub has no such endpoint']);
    expect(
      checkAnswer(
        'api.github.com',
        record({ method: 'POST', path: '/repos/o/r/releases/1/assets', status: 201 }),
      ),
    ).toContainEqual(expect.stringMatching(/^answered by the API host, but GitHub serves/));
    expect(checkAnswer('api.github.com', record({ query: '?per_page=100' }))).toEqual([
      'GitHub documents no query parameter `per_page` for GET /repos/{owner}/{repo}/releases/{release_id}',
    ]);
    expect(checkAnswer('api.github.com', record({ status: 207, body: undefined }))).toEqual([
      expect.stringMatching(/^status 207 is not one GitHub documents/),
    ]);
    expect(
      checkAnswer('api.github.com', record({ headers: { 'content-type': 'text/plain' } })),
    ).toEqual(['content-type is text/plain, not JSON']);
    expect(checkAnswer('api.github.com', record({ body: '{"error":"x"}' }))).toEqual([
      'the error JSON has no string `message`',
      'the error JSON has no string `documentation_url`',
    ]);
    const asset = {
      url: 'https://api.github.com/repos/o/r/releases/assets/1',
      browser_download_url: 'https://github.com/o/r/releases/download/v1/a',
      id: 1,
      node_id: 'RA_1',
      name: 'a',
      label: null,
      state: 'starter',
      content_type: 'text/plain',
      size: 1,
      digest: null,
      download_count: 0,
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '2026-01-01T00:00:00Z',
      uploader: null,
    };
    const answer = (body: unknown) =>
      checkAnswer(
        'api.github.com',
        record({ path: '/repos/o/r/releases/assets/1', status: 200, body: JSON.stringify(body) }),
      );
    expect(answer(asset)).toEqual([expect.stringMatching(/^\/state must be equal to one of/)]);
    expect(answer({ ...asset, state: 'open' })).toEqual([]);
    // Through references: the uploader is a `nullable-simple-user`.
    expect(answer({ ...asset, state: 'open', uploader: { login: 'x' } })).toContainEqual(
      expect.stringMatching(/^\/uploader must have required property 'avatar_url'/),
    );
    const noDigest: Record<string, unknown> = { ...asset, state: 'uploaded' };
    delete noDigest.digest;
    expect(answer(noDigest)).toEqual([
      expect.stringMatching(/must have required property 'digest'/),
    ]);
  });
});

/**
 * Refusals the steps only meet on a misconfigured run, asked directly: an unknown token, one
 * without write access, a tag, release or endpoint that does not exist, bodies GitHub refuses,
 * an upload to the API host, a duplicate asset name.
 */
async function refusals(github: GitHubSandbox): Promise<void> {
  const writer = github.token(['contents:write']);
  const repo = `${github.url}/repos/octo-org/refusals`;
  const call = (url: string, method = 'GET', body?: string, token = writer) =>
    fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body }),
    }).then(async (r) => [r.status, await r.text()] as const);
  const [, created] = await call(`${repo}/releases`, 'POST', '{"tag_name":"v1","draft":true}');
  const { id, upload_url } = JSON.parse(created) as { id: number; upload_url: string };
  const upload = upload_url.replace(/\{.*\}$/, '?name=a.txt');
  const answers = await Promise.all([
    call(`${repo}/releases`, 'GET', undefined, 'ghs_unknown'),
    call(`${repo}/releases`, 'POST', '{"tag_name":"v2"}', github.token(['contents:read'])),
    call(`${repo}/git/ref/tags%2Fv9.9.9`),
    call(`${repo}/releases/999999`),
    call(`${repo}/nope`),
    call(`${repo}/releases`, 'POST', '{}'),
    call(`${repo}/releases`, 'POST', 'not json'),
    call(`${repo}/releases/${id}`, 'PATCH', '{"make_latest":true}'),
    call(`${repo}/releases/${id}/assets?name=a.txt`, 'POST', 'a'),
  ]);
  expect(answers.map(([status]) => status)).toEqual([401, 403, 404, 404, 404, 422, 400, 422, 404]);
  expect((await call(upload, 'POST', 'a'))[0]).toBe(201);
  expect((await call(upload, 'POST', 'a'))[0]).toBe(422);
}

describe('on github.com', () => {
  let pipeline: Pipeline;
  let pypi: Warehouse;
  beforeAll(async () => {
    pipeline = await startPipeline();
    pypi = await startWarehouse({
      name: 'pypi',
      verifyToken: (t) => pipeline.sandbox.oidc.verify(t),
      trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
    });
    pypi.createProject('hatch-demo');
    pypi.addTrustedPublisher({
      project: 'hatch-demo',
      repository: RUN_DEFAULTS.repository,
      workflow: 'release.yml',
      environment: 'publish',
    });
  });
  afterAll(async () => {
    await pypi?.close();
    await pipeline?.close();
  });

  it('answers the whole release as GitHub describes it', async () => {
    const { github } = pipeline.sandbox;
    const job = await checkedOut(pipeline, 'build', FILES);
    const prepared = await job.run({ step: 'prepare', tag: 'v1.0.0' });
    expect(prepared.exitCode, errorOf(prepared)).toBe(0);
    expect((await job.run({ step: 'collect', 'upload-artifact': 'false' })).exitCode).toBe(0);
    const signed = await job.run(
      {
        step: 'provenance',
        from: 'folder',
        'github-attestation': 'true',
        ...sigstoreInputs(pipeline),
      },
      { idToken: true },
    );
    expect(signed.exitCode, errorOf(signed)).toBe(0);

    // A broken upload (left `open`) and a secondary limit.
    github.breakNextUpload();
    github.rateLimitNext(1, 'secondary', 1);
    const released = await job.run({ step: 'release' });
    expect(released.exitCode, errorOf(released)).toBe(0);

    // Two drafts for one tag (GitHub's listings lag) in another repository: the release
    // merges them into one.
    const twin = 'octo-org/twin';
    const drafts = [1, 2].map(() =>
      github.createRelease(twin, { tag_name: 'v1.0.0', draft: true }),
    );
    const sdist = await readFile(join(job.workspace, 'dist', HATCH_SDIST));
    await github.uploadAsset(twin, drafts[1]?.id ?? 0, HATCH_SDIST, sdist);
    const publisher = await pipeline.job('publish');
    const [published, verified, merged] = await Promise.all([
      publisher.run(
        {
          step: 'publish',
          'repository-url': pypi.uploadUrl,
          'oidc-audience': SANDBOX_AUDIENCE,
          'trusted-root': pipeline.trustedRootPath,
          ...sigstoreInputs(pipeline),
        },
        { idToken: { environment: 'publish' } },
      ),
      // With no GITHUB_REPOSITORY_ID, verify asks GitHub for the repository's ids.
      job.run(
        { step: 'verify', 'trusted-root': pipeline.trustedRootPath, ref: RUN_DEFAULTS.ref },
        { env: { GITHUB_REPOSITORY_ID: '' } },
      ),
      job.run({ step: 'release' }, { env: { GITHUB_REPOSITORY: twin } }),
    ]);
    expect(published.exitCode, errorOf(published)).toBe(0);
    expect(verified.exitCode, errorOf(verified)).toBe(0);
    expect(merged.exitCode, errorOf(merged)).toBe(0);
    expect(github.releases(twin)).toHaveLength(1);

    // A re-run through a server error and a primary limit, publishing the release.
    github.failNext(1, 502);
    github.rateLimitNext(1, 'primary', 1, { status: 429 });
    const made = await job.run({ step: 'release', 'publish-release': 'true' });
    expect(made.exitCode, errorOf(made)).toBe(0);
    const indexed = await (await pipeline.job('pages')).run({ step: 'index' });
    expect(indexed.exitCode, errorOf(indexed)).toBe(0);

    // Every call the steps make (a new one belongs here, and in the stand-in's model).
    expect(operations('api.github.com', github.requests)).toEqual(ACTION_CALLS);
    await refusals(github);
    const seen = expectFaithful('api.github.com', github.requests);
    for (const answer of [
      'POST 201',
      'PATCH 200',
      'DELETE 204',
      'GET 302',
      'POST 502',
      'GET 401',
      'POST 422',
      'POST 400',
    ])
      expect(seen).toContain(answer);
    expect([...seen].some((s) => / 4(03|29)$/.test(s))).toBe(true);
  }, 60_000);
});

describe('on GitHub Enterprise Server', () => {
  const GHES = 'https://ghes.example';
  let pipeline: Pipeline;
  beforeAll(async () => {
    pipeline = await startPipeline({ enterprise: GHES });
  });
  afterAll(async () => {
    await pipeline?.close();
  });

  it('answers each build job’s collect, provenance and release as GHES 3.17 to 3.19 describe it', async () => {
    const { github } = pipeline.sandbox;
    const job = await checkedOut(pipeline, 'build', [HATCH_WHEEL, HATCH_SDIST]);
    const onGhes = { GITHUB_SERVER_URL: GHES };
    const issuer = { issuer: `${GHES}/_services/token` };
    const run = (inputs: Record<string, string>, idToken = false) =>
      job.run(inputs, { env: onGhes, ...(idToken ? { idToken: issuer } : {}) });
    expect((await run({ step: 'prepare', tag: 'v1.0.0' })).exitCode).toBe(0);
    expect((await run({ step: 'collect', 'upload-artifact': 'false' })).exitCode).toBe(0);
    const signed = await run(
      { step: 'provenance', from: 'folder', ...sigstoreInputs(pipeline) },
      true,
    );
    expect(signed.exitCode, errorOf(signed)).toBe(0);
    expect((await run({ step: 'release' })).exitCode).toBe(0);
    // GHES has no attestations API: what `github-attestation: true` would be answered.
    const attestation = await fetch(`${github.url}/repos/${RUN_DEFAULTS.repository}/attestations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${github.token(['attestations:write'])}` },
      body: '{"bundle":{}}',
    });
    expect(attestation.status).toBe(404);
    for (const version of GHES_VERSIONS) expectFaithful(version, github.requests);
  }, 60_000);
});
