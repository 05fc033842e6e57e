import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcIssuer, type OidcIssuer } from '../../sandbox/oidc-issuer.ts';
import { FIXTURES, HATCH_SDIST, HATCH_WHEEL } from '../../sandbox/pipeline.ts';
import { startWarehouse, type Warehouse } from '../../sandbox/warehouse.ts';

const run = promisify(execFile);
const env = { PATH: process.env.PATH, HOME: process.env.HOME, PIP_CONFIG_FILE: '/dev/null' };
let oidc: OidcIssuer;
let index: Warehouse;
let dir: string;

beforeAll(async () => {
  oidc = await startOidcIssuer();
  index = await startWarehouse({
    name: 'pypi',
    audience: 'pypi',
    verifyToken: (t) => oidc.verify(t),
    trustedRoot: {},
  });
  index.addApiToken('pypi-real-twine-token');
  dir = await mkdtemp(join(tmpdir(), 'twine-'));
});
afterAll(async () => {
  await index?.close();
  await oidc?.close();
  await rm(dir, { recursive: true, force: true });
});

const twine = (files: string[], extra: string[] = [], to: Warehouse = index) =>
  run(
    '/usr/bin/twine',
    [
      'upload',
      '--repository-url',
      to.uploadUrl,
      '-u',
      '__token__',
      '-p',
      'pypi-real-twine-token',
      '--non-interactive',
      '--disable-progress-bar',
      ...extra,
      ...files,
    ],
    { env, timeout: 60_000 },
  );

describe('the index stand-in takes what real clients send', () => {
  it('accepts twine uploads, an identical re-upload, and refuses changed bytes as PyPI does', async () => {
    const files = [HATCH_SDIST, HATCH_WHEEL].map((f) => join(FIXTURES, f));
    await twine(files);
    expect(
      index
        .files('hatch-demo')
        .map((f) => f.filename)
        .sort(),
    ).toEqual([HATCH_WHEEL, HATCH_SDIST].sort());
    const sdist = index.files('hatch-demo').find((f) => f.filename === HATCH_SDIST);
    expect(sdist?.fields.requires_dist).toEqual(['packaging>=21']);
    await twine(files);
    const changed = join(dir, HATCH_WHEEL);
    await copyFile(join(FIXTURES, 'hatch_demo-0.1.0-1-py3-none-any.whl'), changed);
    const refused = (await twine([changed]).catch((e: unknown) => e)) as {
      stdout?: string;
      stderr?: string;
    };
    expect(`${refused.stdout}${refused.stderr}`).toMatch(/File already exists/);
    await twine([changed], ['--skip-existing']);
  });

  it('serves pip', async () => {
    const out = await mkdtemp(join(tmpdir(), 'pip-'));
    try {
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
        (await readFile(join(out, HATCH_WHEEL))).equals(
          await readFile(join(FIXTURES, HATCH_WHEEL)),
        ),
      ).toBe(true);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  it('answers trusted-publishing exchanges with Warehouse error codes', async () => {
    const mint = (token: string) =>
      fetch(`${index.url}/_/oidc/mint-token`, {
        method: 'POST',
        body: JSON.stringify({ token }),
      }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { errors?: Array<{ code: string }>; token?: string },
      }));
    expect((await fetch(`${index.url}/_/oidc/audience`).then((r) => r.json())) as unknown).toEqual({
      audience: 'pypi',
    });
    expect((await mint('garbage')).body.errors?.[0]?.code).toBe('invalid-payload');
    expect((await mint(oidc.mint('pypi'))).body.errors?.[0]?.code).toBe('invalid-publisher');
    index.addTrustedPublisher({
      project: 'hatch-demo',
      repository: 'octo-org/octo-repo',
      workflow: 'release.yml',
    });
    const token = oidc.mint('pypi');
    const ok = await mint(token);
    expect(ok.status).toBe(200);
    expect(ok.body.token).toMatch(/^pypi-/);
    expect((await mint(token)).body.errors?.[0]?.code).toBe('invalid-reuse-token');
    expect((await mint(oidc.mint('testpypi'))).body.errors?.[0]?.code).toBe('invalid-token');
  });

  it('matches publishers as PyPI does: repository, owner and workflow exactly, environment in any case', async () => {
    const local = await startWarehouse({
      name: 'pypi',
      audience: 'pypi',
      verifyToken: (t) => oidc.verify(t),
      trustedRoot: {},
    });
    try {
      const code = async (identity: Record<string, unknown>) => {
        const r = await fetch(`${local.url}/_/oidc/mint-token`, {
          method: 'POST',
          body: JSON.stringify({ token: oidc.mint('pypi', identity) }),
        });
        return ((await r.json()) as { errors?: Array<{ code: string }> }).errors?.[0]?.code ?? 'ok';
      };
      local.addTrustedPublisher({
        project: 'hatch-demo',
        repository: 'Octo-Org/Octo-Repo',
        workflow: 'Release.yml',
        environment: 'PyPI',
        ownerId: '1001',
      });
      const wf = (repo: string, file: string) => ({
        repository: repo,
        jobWorkflowRef: `${repo}/.github/workflows/${file}@refs/tags/v1.0.0`,
        ref: 'refs/tags/v1.0.0',
      });
      expect(await code({ ...wf('Octo-Org/Octo-Repo', 'Release.yml'), environment: 'pypi' })).toBe(
        'ok',
      );
      expect(await code({ ...wf('octo-org/octo-repo', 'Release.yml'), environment: 'pypi' })).toBe(
        'invalid-publisher',
      );
      expect(await code({ ...wf('Octo-Org/Octo-Repo', 'release.yml'), environment: 'pypi' })).toBe(
        'invalid-publisher',
      );
      expect(await code({ ...wf('Octo-Org/Octo-Repo', 'Release.yml') })).toBe('invalid-publisher');
      // A reusable workflow in the same repository signs as the called file.
      expect(
        await code({
          repository: 'Octo-Org/Octo-Repo',
          jobWorkflowRef: 'Octo-Org/Octo-Repo/.github/workflows/publish.yml@refs/tags/v1.0.0',
          environment: 'PyPI',
        }),
      ).toBe('invalid-publisher');
      local.addTrustedPublisher({
        project: 'hatch-demo',
        repository: 'Octo-Org/Octo-Repo',
        workflow: 'Release.yml',
        ownerId: '999',
      });
      expect(await code({ ...wf('Octo-Org/Octo-Repo', 'Release.yml') })).toBe('invalid-publisher');
    } finally {
      await local.close();
    }
  });
});
