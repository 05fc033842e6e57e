/**
 * The stand-ins run as processes of their own (`node sandbox/<name>.ts`), started with
 * `spawnStandIn`, and real clients talk to them: twine and pip to the Warehouse, fetch to the
 * GitHub REST API, and trusted publishing across the OIDC issuer, Sigstore and index processes.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, HATCH_SDIST, HATCH_WHEEL } from '../../sandbox/pipeline.ts';
import { spawnStandIn, type SpawnedStandIn } from '../../sandbox/spawn.ts';

const run = promisify(execFile);
const env = { PATH: process.env.PATH, HOME: process.env.HOME, PIP_CONFIG_FILE: '/dev/null' };
const TOKEN = 'pypi-process-token';

type Index = SpawnedStandIn<{ url: string; uploadUrl: string; simpleUrl: string }>;
let oidc: SpawnedStandIn<{ url: string; requestEnv: Record<string, string> }>;
let sigstore: SpawnedStandIn<{ url: string; trustedRootPath: string }>;
let index: Index;
let github: SpawnedStandIn<{ url: string; token: string }>;
let dir: string;

beforeAll(async () => {
  oidc = await spawnStandIn('oidc-issuer');
  [sigstore, github] = await Promise.all([
    spawnStandIn<{ url: string; trustedRootPath: string }>('sigstore', [`--oidc-url=${oidc.url}`]),
    spawnStandIn<{ url: string; token: string }>('github'),
  ]);
  index = await spawnStandIn('warehouse', [
    '--name=pypi',
    '--audience=pypi',
    `--oidc-url=${oidc.url}`,
    `--trusted-root=${sigstore.trustedRootPath}`,
    `--api-token=${TOKEN}`,
    '--project=hatch-demo',
    `--trusted-publisher=${JSON.stringify({ project: 'hatch-demo', repository: 'octo-org/octo-repo', workflow: 'release.yml' })}`,
  ]);
  dir = await mkdtemp(join(tmpdir(), 'processes-'));
});
afterAll(async () => {
  await Promise.all([index, github, sigstore].map((s) => s?.close()));
  await oidc?.close();
  await rm(dir, { recursive: true, force: true });
});

const twine = (files: string[]) =>
  run(
    '/usr/bin/twine',
    [
      'upload',
      '--repository-url',
      index.uploadUrl,
      '-u',
      '__token__',
      '-p',
      TOKEN,
      '--non-interactive',
      '--disable-progress-bar',
      ...files,
    ],
    { env, timeout: 60_000 },
  );

describe('stand-ins as processes', () => {
  it('the Warehouse process takes twine uploads, an identical re-upload, refuses changed bytes and serves pip', async () => {
    const files = [HATCH_SDIST, HATCH_WHEEL].map((f) => join(FIXTURES, f));
    await twine(files);
    await twine(files);
    const renamed = join(dir, HATCH_WHEEL);
    await copyFile(join(FIXTURES, 'hatch_demo-0.1.0-1-py3-none-any.whl'), renamed);
    const refused = (await twine([renamed]).catch((e: unknown) => e)) as {
      stdout?: string;
      stderr?: string;
    };
    expect(`${refused.stdout}${refused.stderr}`).toMatch(/File already exists/);
    const json = (await (await fetch(`${index.url}/pypi/hatch-demo/0.1.0/json`)).json()) as {
      urls: Array<{ filename: string }>;
    };
    expect(json.urls.map((u) => u.filename).sort()).toEqual([HATCH_WHEEL, HATCH_SDIST].sort());
    const out = join(dir, 'pip');
    await run(
      '/usr/bin/python3',
      [
        '-m',
        'pip',
        'download',
        '--no-deps',
        '--disable-pip-version-check',
        '--index-url',
        index.simpleUrl,
        '--trusted-host',
        '127.0.0.1',
        '-d',
        out,
        'hatch-demo==0.1.0',
      ],
      { env, timeout: 60_000 },
    );
    expect(
      (await readFile(join(out, HATCH_WHEEL))).equals(await readFile(join(FIXTURES, HATCH_WHEEL))),
    ).toBe(true);
  });

  it('the Warehouse process trusts tokens of the OIDC issuer process (its JWKS)', async () => {
    const { ACTIONS_ID_TOKEN_REQUEST_URL: url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: bearer } =
      oidc.requestEnv;
    const minted = await fetch(`${url}&audience=pypi`, {
      headers: { authorization: `Bearer ${bearer}` },
    });
    const { value } = (await minted.json()) as { value: string };
    const mint = (token: string) =>
      fetch(`${index.url}/_/oidc/mint-token`, {
        method: 'POST',
        body: JSON.stringify({ token }),
      }).then(async (r) => ({ status: r.status, body: (await r.json()) as { token?: string } }));
    const ok = await mint(value);
    expect(ok.status).toBe(200);
    expect(ok.body.token).toMatch(/^pypi-/);
    const [header, payload] = value.split('.');
    expect((await mint(`${header}.${payload}.${'A'.repeat(342)}`)).status).toBe(422);
  });

  it('the GitHub process answers the REST API with the token it announced', async () => {
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${github.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${github.token}`, accept: 'application/vnd.github+json' },
      });
    const created = await api('/repos/octo-org/octo-repo/releases', {
      method: 'POST',
      body: JSON.stringify({ tag_name: 'v0.1.0', name: 'v0.1.0', draft: true }),
    });
    expect(created.status).toBe(201);
    const listed = (await (await api('/repos/octo-org/octo-repo/releases')).json()) as Array<{
      tag_name: string;
      draft: boolean;
    }>;
    expect(listed.map((r) => [r.tag_name, r.draft])).toEqual([['v0.1.0', true]]);
    expect((await fetch(`${github.url}/repos/octo-org/octo-repo/releases`)).status).toBe(401);
  });

  it('the artifact service process lists artifacts for the runtime token it announced', async () => {
    const spare = await spawnStandIn<{
      url: string;
      runBackendId: string;
      runtimeToken: string;
    }>('artifact-service');
    const list = (runBackendId: string) =>
      fetch(`${spare.url}/twirp/github.actions.results.api.v1.ArtifactService/ListArtifacts`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${spare.runtimeToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ workflow_run_backend_id: runBackendId }),
      });
    const listed = await list(spare.runBackendId);
    expect(listed.status).toBe(200);
    expect(await listed.json()).toEqual({ artifacts: [] });
    expect((await list('another-run')).status).toBe(403);
    await spare.close();
    // Stopped: the process is gone and its port refuses.
    expect(() => process.kill(spare.pid, 0)).toThrow();
    await expect(fetch(spare.url)).rejects.toThrow();
  });
});
