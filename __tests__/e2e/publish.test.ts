import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRun } from '../../sandbox/index.ts';
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
import { buildCase, PYPI_CASES, type PypiCase } from '../../fixtures/pypi-cases.ts';

const FILES = [HATCH_WHEEL, HATCH_PLATFORM_WHEEL, HATCH_SDIST];
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

let pipeline: Pipeline;
let testpypi: Warehouse;
let pypi: Warehouse;
let signer: Job;

beforeAll(async () => {
  pipeline = await startPipeline();
  const options = {
    verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
    trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
  };
  testpypi = await startWarehouse({ name: 'testpypi', ...options });
  pypi = await startWarehouse({ name: 'pypi', ...options });
  for (const index of [testpypi, pypi]) {
    index.createProject('hatch-demo');
    index.addTrustedPublisher({
      project: 'hatch-demo',
      repository: 'octo-org/octo-repo',
      workflow: 'release.yml',
      environment: 'publish',
    });
  }
  const builds = await Promise.all(FILES.map((f, i) => pipeline.job('build', [f], `pub-${i}`)));
  for (const job of builds) expect((await job.run({ step: 'collect' })).exitCode).toBe(0);
  signer = await pipeline.job('sign');
  expect(
    (await signer.run({ step: 'provenance', ...sigstoreInputs(pipeline) }, { idToken: true }))
      .exitCode,
  ).toBe(0);
  const released = await signer.run({ step: 'release' });
  expect(released.exitCode, released.stdout).toBe(0);
});
afterAll(async () => {
  await testpypi?.close();
  await pypi?.close();
  await pipeline?.close();
});

function publishInputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    step: 'publish',
    'repository-url': `${testpypi.uploadUrl}\n${pypi.uploadUrl}`,
    'trusted-root': pipeline.trustedRootPath,
    'oidc-audience': SANDBOX_AUDIENCE,
    ...sigstoreInputs(pipeline),
    ...extra,
  };
}

async function publish(
  extra: Record<string, string> = {},
  identity: Record<string, unknown> = { environment: 'publish' },
): Promise<ActionRun> {
  const job = await pipeline.job('publish');
  return job.run(publishInputs(extra), { idToken: identity });
}

describe('publish from the draft release to TestPyPI then PyPI', () => {
  it('uploads every file with attestations, pip downloads them intact, and a re-run is a no-op', async () => {
    const run = await publish();
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    for (const index of [testpypi, pypi]) {
      const files = index.files('hatch-demo');
      expect(files.map((f) => f.filename).sort()).toEqual([...FILES].sort());
      for (const file of files) {
        expect(file.sha256).toBe(
          sha256(await readFile(join(signer.workspace, 'dist', file.filename))),
        );
        expect(file.attestations).toHaveLength(1);
      }
      const sdist = files.find((f) => f.filename === HATCH_SDIST);
      expect(sdist?.fields.requires_dist).toEqual(['packaging>=21']);
      expect(sdist?.fields.classifiers).toEqual(['Programming Language :: Python :: 3']);
    }
    // sdist first, then the wheels
    const uploads = pypi.requests.filter((r) => r.method === 'POST' && r.path === '/legacy/');
    expect(uploads).toHaveLength(3);
    const published = JSON.parse(run.outputs.published ?? '[]') as Array<{ result: string }>;
    expect(published).toHaveLength(6);
    expect(published.every((p) => p.result === 'uploaded')).toBe(true);

    for (const index of [testpypi, pypi]) {
      const dir = await mkdtemp(join(tmpdir(), 'pip-'));
      try {
        const pip = (args: string[]) =>
          promisify(execFile)(
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
              dir,
              ...args,
            ],
            {
              env: { PATH: process.env.PATH, HOME: process.env.HOME, PIP_CONFIG_FILE: '/dev/null' },
              timeout: 60_000,
            },
          );
        await pip(['hatch-demo==0.1.0']);
        await pip(['--no-binary', ':all:', '--no-build-isolation', 'hatch-demo==0.1.0']);
        for (const name of await readdir(dir)) {
          expect(sha256(await readFile(join(dir, name)))).toBe(
            sha256(await readFile(join(signer.workspace, 'dist', name))),
          );
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }

    const again = await publish();
    expect(again.exitCode, again.stdout).toBe(0);
    expect(
      (JSON.parse(again.outputs.published ?? '[]') as Array<{ result: string }>).every(
        (p) => p.result === 'already there',
      ),
    ).toBe(true);
    expect(pypi.files('hatch-demo')).toHaveLength(3);

    // No minted token and no OIDC token shows up in any log of these runs.
    const secrets = [...testpypi.minted, ...pypi.minted, ...pipeline.sandbox.oidc.issued];
    expect(secrets.length).toBeGreaterThan(0);
    for (const r of [run, again]) {
      const visible =
        r.stdout
          .split('\n')
          .filter((l) => !l.startsWith('::add-mask::'))
          .join('\n') +
        r.stderr +
        r.summary +
        JSON.stringify(r.outputs);
      for (const secret of secrets) expect(visible).not.toContain(secret);
    }
  });
});

describe('publish refuses', () => {
  it('a job outside the protected environment', async () => {
    const run = await publish({}, {});
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/environment: publish/);
  });

  it('a token with contents: read, telling that drafts are invisible to it and what to grant', async () => {
    const readOnly = pipeline.sandbox.github.token(['contents:read']);
    const run = await publish({ 'github-token': readOnly });
    expect(run.exitCode).toBe(1);
    const error = errorOf(run);
    expect(error).toMatch(/[Dd]raft releases are invisible to tokens that cannot write/);
    expect(error).toMatch(/contents: read/);
    expect(error).toMatch(/contents: write/);
    expect(error).not.toMatch(/Unexpected error/);
  });

  it('several drafts for the tag, naming them, publishing nothing', async () => {
    const github = pipeline.sandbox.github;
    const repository = 'octo-org/two-drafts';
    const drafts = [1, 2].map(() =>
      github.createRelease(repository, { tag_name: 'v1.0.0', draft: true }),
    );
    const job = await pipeline.job('publish');
    const run = await job.run(publishInputs(), {
      idToken: { environment: 'publish' },
      env: { GITHUB_REPOSITORY: repository },
    });
    expect(run.exitCode).toBe(1);
    const error = errorOf(run);
    expect(error).toMatch(/lists 2 draft releases for tag "v1\.0\.0"/);
    for (const draft of drafts) expect(error).toContain(String(draft.id));
    expect(error).toMatch(/step: release/);
  });

  it('a job without id-token: write, with the permissions publishing needs (not contents: read)', async () => {
    const job = await pipeline.job('no-oidc');
    const run = await job.run(publishInputs());
    expect(run.exitCode).toBe(1);
    const error = errorOf(run);
    expect(error).toMatch(/id-token: write/);
    expect(error).toMatch(/contents: write/);
    expect(error).not.toMatch(/contents: read/);
    const fromFolder = await job.run(publishInputs({ from: 'folder' }));
    expect(errorOf(fromFolder)).toMatch(/id-token: write/);
    expect(errorOf(fromFolder)).not.toMatch(/contents: read/);
  });

  it('a file changed in the draft release after provenance, uploading nothing', async () => {
    const local = await startPipeline();
    const index = await startWarehouse({
      name: 'pypi',
      verifyToken: (t: string) => local.sandbox.oidc.verify(t),
      trustedRoot: local.sandbox.sigstore.trustedRoot,
    });
    try {
      index.createProject('hatch-demo');
      index.addTrustedPublisher({
        project: 'hatch-demo',
        repository: 'octo-org/octo-repo',
        workflow: 'release.yml',
        environment: 'publish',
      });
      const build = await local.job('build', [HATCH_SDIST, HATCH_WHEEL]);
      expect((await build.run({ step: 'collect' })).exitCode).toBe(0);
      expect(
        (await build.run({ step: 'provenance', ...sigstoreInputs(local) }, { idToken: true }))
          .exitCode,
      ).toBe(0);
      expect((await build.run({ step: 'release' })).exitCode).toBe(0);
      const [release] = local.sandbox.github.releases('octo-org/octo-repo');
      const asset = release?.assets.find((a) => a.name === HATCH_WHEEL);
      // Someone with write access swaps the wheel in the draft.
      await fetch(
        `${local.sandbox.github.url}/repos/octo-org/octo-repo/releases/assets/${asset?.id}`,
        {
          method: 'DELETE',
          headers: { authorization: `Bearer ${local.sandbox.github.token(['contents:write'])}` },
        },
      );
      await local.sandbox.github.uploadAsset(
        'octo-org/octo-repo',
        release?.id ?? 0,
        HATCH_WHEEL,
        Buffer.from('PK evil wheel'),
      );
      const job = await local.job('publish');
      const run = await job.run(
        {
          step: 'publish',
          'repository-url': index.uploadUrl,
          'oidc-audience': SANDBOX_AUDIENCE,
          'trusted-root': local.trustedRootPath,
          ...sigstoreInputs(local),
        },
        { idToken: { environment: 'publish' } },
      );
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toContain(HATCH_WHEEL);
      expect(errorOf(run)).toMatch(/Nothing was uploaded/);
      expect(index.files('hatch-demo')).toEqual([]);
    } finally {
      await index.close();
      await local.close();
    }
  });

  it('explains a trusted-publishing failure with the error code, the cause and the claims', async () => {
    const other = await startWarehouse({
      name: 'pypi',
      verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
      trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
    });
    try {
      other.createProject('hatch-demo');
      const run = await publish({ 'repository-url': other.uploadUrl });
      expect(run.exitCode).toBe(1);
      const message = errorOf(run);
      expect(message).toMatch(/invalid-publisher/);
      expect(message).toMatch(/workflow file name/);
      expect(message).toMatch(
        /job_workflow_ref: "octo-org\/octo-repo\/\.github\/workflows\/release\.yml@refs\/tags\/v1\.0\.0"/,
      );
      expect(message).toMatch(/for debugging only/);
      expect(other.files('hatch-demo')).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('new files for a release older than 14 days, before uploading anything; dry-run uploads nothing', async () => {
    const old = await startWarehouse({
      name: 'pypi',
      verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
      trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
    });
    try {
      old.createProject('hatch-demo');
      old.addTrustedPublisher({
        project: 'hatch-demo',
        repository: 'octo-org/octo-repo',
        workflow: 'release.yml',
        environment: 'publish',
      });
      const dry = await publish({ 'repository-url': old.uploadUrl, 'dry-run': 'true' });
      expect(dry.exitCode, dry.stdout).toBe(0);
      expect(old.files('hatch-demo')).toEqual([]);
      const apiToken = 'pypi-canary-api-token';
      old.addApiToken(apiToken);
      const sdistOnly = await pipeline.job('seed', [HATCH_SDIST]);
      expect((await sdistOnly.run({ step: 'collect', 'upload-artifact': 'false' })).exitCode).toBe(
        0,
      );
      const seeded = await sdistOnly.run({
        step: 'publish',
        from: 'folder',
        'require-provenance': 'false',
        password: apiToken,
        environment: '',
        attestations: 'false',
        'repository-url': old.uploadUrl,
      });
      expect(seeded.exitCode, seeded.stdout + seeded.stderr).toBe(0);
      expect(
        seeded.stdout
          .split('\n')
          .filter((l) => !l.startsWith('::add-mask::'))
          .join('\n'),
      ).not.toContain(apiToken);
      old.ageRelease('hatch-demo', '0.1.0', 20);
      const run = await publish({ 'repository-url': old.uploadUrl });
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toMatch(/more than 14 days ago/);
      expect(old.files('hatch-demo')).toHaveLength(1);
    } finally {
      await old.close();
    }
  });
});

describe('publish explains the identity problems it recognises', () => {
  it('a pull request from a fork gets no OIDC token, and says so', async () => {
    const job = await pipeline.job('fork');
    const run = await job.run(publishInputs(), {
      env: { GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' },
      event: {
        pull_request: { number: 7, head: { repo: { fork: true, full_name: 'someone/octo-repo' } } },
      },
    });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/pull request from a fork/);
  });

  it('a reusable workflow is named as the likely cause of a trusted-publishing failure', async () => {
    const fresh = await startWarehouse({
      name: 'pypi',
      verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
      trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
    });
    fresh.createProject('hatch-demo');
    fresh.addTrustedPublisher({
      project: 'hatch-demo',
      repository: 'octo-org/octo-repo',
      workflow: 'release.yml',
      environment: 'publish',
    });
    const run = await publish(
      { 'repository-url': fresh.uploadUrl },
      {
        environment: 'publish',
        jobWorkflowRef: 'octo-org/shared/.github/workflows/publish.yml@refs/heads/main',
      },
    ).finally(() => fresh.close());
    expect(run.exitCode).toBe(1);
    expect(
      run.annotations.some((a) => a.level === 'warning' && /reusable workflow/.test(a.message)),
    ).toBe(true);
    expect(errorOf(run)).toMatch(/reusable workflow/);
    expect(errorOf(run)).toMatch(/invalid-publisher/);
  });
});

describe("publish applies PyPI's upload rules to the whole set first", () => {
  it('uploads nothing to any index when one file would be refused', async () => {
    const indexes = await Promise.all(
      (['testpypi', 'pypi'] as const).map((name) =>
        startWarehouse({
          name,
          verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
          trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
        }),
      ),
    );
    try {
      const apiToken = 'pypi-rules-api-token';
      for (const index of indexes) {
        index.createProject('hatch-demo');
        index.addApiToken(apiToken);
      }
      const job = await pipeline.job('rules', [HATCH_SDIST]);
      const refused = PYPI_CASES.find((c) => c.id === 'classifier-private') as PypiCase;
      await buildCase(
        { ...refused, name: 'hatch-demo', version: '0.1.0' },
        join(job.workspace, 'dist'),
      );
      // A private index takes it: collect is told so; publish still checks for PyPI.
      const collected = await job.run({
        step: 'collect',
        'upload-artifact': 'false',
        'index-rules': 'none',
      });
      expect(collected.exitCode, errorOf(collected)).toBe(0);
      const run = await job.run({
        step: 'publish',
        from: 'folder',
        'require-provenance': 'false',
        password: apiToken,
        environment: '',
        attestations: 'false',
        'repository-url': indexes.map((i) => i.uploadUrl).join('\n'),
      });
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toContain(
        `hatch_demo-0.1.0-py3-none-any.whl: PyPI answers ${JSON.stringify(refused.message)}`,
      );
      expect(errorOf(run)).toContain('nothing was uploaded to any index');
      for (const index of indexes) expect(index.files('hatch-demo')).toEqual([]);
    } finally {
      await Promise.all(indexes.map((i) => i.close()));
    }
  });
});

/** The audiences of the OIDC tokens the sandbox issued from `from` on. */
function audiencesIssued(from: number): string[] {
  return pipeline.sandbox.oidc.issued
    .slice(from)
    .map(
      (t) =>
        (JSON.parse(Buffer.from(t.split('.')[1] ?? '', 'base64url').toString()) as { aud: string })
          .aud,
    );
}

describe("the OIDC audience: no index but PyPI gets a token for PyPI's audience", () => {
  let lure: Warehouse;
  beforeAll(async () => {
    // An index on another host that claims PyPI's audience, hoping for a token PyPI accepts.
    lure = await startWarehouse({
      name: 'pypi',
      audience: 'pypi',
      verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
      trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
    });
    lure.createProject('hatch-demo');
    lure.addTrustedPublisher({
      project: 'hatch-demo',
      repository: 'octo-org/octo-repo',
      workflow: 'release.yml',
      environment: 'publish',
    });
  });
  afterAll(() => lure?.close());

  const mintRequests = () => lure.requests.filter((r) => r.path.startsWith('/_/oidc/'));

  it('refuses an index other than PyPI or TestPyPI without `oidc-audience`, asking it nothing', async () => {
    const before = pipeline.sandbox.oidc.issued.length;
    const run = await publish({ 'repository-url': lure.uploadUrl, 'oidc-audience': '' });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/Input "oidc-audience" is required for trusted publishing/);
    expect(audiencesIssued(before)).not.toContain('pypi');
    expect(mintRequests()).toEqual([]);
  });

  it("refuses PyPI's or TestPyPI's audience as `oidc-audience`", async () => {
    for (const audience of ['pypi', 'testpypi']) {
      const run = await publish({ 'repository-url': lure.uploadUrl, 'oidc-audience': audience });
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toMatch(/Input "oidc-audience" cannot be/);
    }
    expect(mintRequests()).toEqual([]);
  });

  it('refuses an index that announces another audience than `oidc-audience`, minting nothing', async () => {
    const before = pipeline.sandbox.oidc.issued.length;
    const run = await publish({ 'repository-url': lure.uploadUrl });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/announces the OIDC audience "pypi"/);
    expect(audiencesIssued(before)).not.toContain('pypi');
    expect(lure.requests.some((r) => r.path === '/_/oidc/mint-token')).toBe(false);
    expect(lure.files('hatch-demo')).toEqual([]);
  });
});

describe('trusted publishing as PyPI does it', () => {
  it('asks the runner for a fresh OIDC token when an exchange fails with a 5xx (PyPI refuses a seen token)', async () => {
    const flaky = await startWarehouse({
      name: 'pypi',
      verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
      trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
    });
    try {
      flaky.createProject('hatch-demo');
      flaky.addTrustedPublisher({
        project: 'hatch-demo',
        repository: 'octo-org/octo-repo',
        workflow: 'release.yml',
        environment: 'publish',
      });
      flaky.failNextMints(1);
      flaky.failNextUploads(1);
      const run = await publish({ 'repository-url': flaky.uploadUrl });
      expect(run.exitCode, errorOf(run)).toBe(0);
      const mints = flaky.requests.filter((r) => r.path === '/_/oidc/mint-token');
      expect(mints.map((r) => r.status)).toEqual([503, 200]);
      const uploads = flaky.requests.filter((r) => r.path === '/legacy/');
      expect(uploads.map((r) => r.status).filter((s) => s !== 200)).toEqual([503]);
      expect(flaky.files('hatch-demo')).toHaveLength(3);
      // Each retry is one warning line: what failed, why, and what comes next.
      const host = new URL(flaky.uploadUrl).host;
      const retries = run.annotations
        .filter((a) => a.level === 'warning' && /; attempt \d+ of \d+ in /.test(a.message))
        .map((a) => a.message.replace(/"[^"]+\.(whl|tar\.gz)"/, '"<file>"'));
      expect(retries).toEqual([
        `Could not exchange the OIDC token at ${flaky.url}/_/oidc/mint-token: ${host} answered 503 "Service Unavailable"; attempt 2 of 5 in 20 ms.`,
        `${host} answered 503 "Service Unavailable" to the upload of "<file>"; attempt 2 of 5 in 20 ms.`,
      ]);
    } finally {
      await flaky.close();
    }
  });
});

describe('skip-existing never ends green on a conflict', () => {
  it('fails before uploading without it; with it, publishes the other files and still fails naming the conflict', async () => {
    const held = await startWarehouse({
      name: 'pypi',
      verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
      trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
    });
    const dir = await mkdtemp(join(tmpdir(), 'conflict-'));
    try {
      held.createProject('hatch-demo');
      held.addTrustedPublisher({
        project: 'hatch-demo',
        repository: 'octo-org/octo-repo',
        workflow: 'release.yml',
        environment: 'publish',
      });
      held.addApiToken('pypi-conflict-token');
      // The same sdist, gzipped again: other bytes under the same name (CPython writes it).
      const other = join(dir, HATCH_SDIST);
      await promisify(execFile)('/usr/bin/python3', [
        '-c',
        'import gzip,sys; d=gzip.decompress(open(sys.argv[1],"rb").read()); open(sys.argv[2],"wb").write(gzip.compress(d, mtime=1))',
        join(signer.workspace, 'dist', HATCH_SDIST),
        other,
      ]);
      await promisify(execFile)(
        '/usr/bin/twine',
        [
          'upload',
          '--repository-url',
          held.uploadUrl,
          '-u',
          '__token__',
          '-p',
          'pypi-conflict-token',
          '--non-interactive',
          '--disable-progress-bar',
          other,
        ],
        { env: { PATH: process.env.PATH, HOME: process.env.HOME } },
      );
      const heldSha = sha256(await readFile(other));

      const strict = await publish({ 'repository-url': held.uploadUrl });
      expect(strict.exitCode).toBe(1);
      expect(errorOf(strict)).toMatch(/^Conflict: /);
      expect(errorOf(strict)).toContain(heldSha);
      expect(held.files('hatch-demo')).toHaveLength(1);

      const skipping = await publish({ 'repository-url': held.uploadUrl, 'skip-existing': 'true' });
      expect(skipping.exitCode).toBe(1);
      expect(errorOf(skipping)).toMatch(/^Conflict: /);
      expect(errorOf(skipping)).toContain(HATCH_SDIST);
      expect(errorOf(skipping)).toContain('the other files were published');
      const files = held.files('hatch-demo');
      expect(files.map((f) => f.filename).sort()).toEqual([...FILES].sort());
      expect(files.find((f) => f.filename === HATCH_SDIST)?.sha256).toBe(heldSha);
    } finally {
      await held.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('dry-run proves what a real run would meet; attestations come after the exchange', () => {
  const freshIndex = async (withPublisher: boolean): Promise<Warehouse> => {
    const index = await startWarehouse({
      name: 'pypi',
      verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
      trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
    });
    index.createProject('hatch-demo');
    if (withPublisher)
      index.addTrustedPublisher({
        project: 'hatch-demo',
        repository: 'octo-org/octo-repo',
        workflow: 'release.yml',
        environment: 'publish',
      });
    return index;
  };
  const signingRequests = () => {
    const { fulcio, rekor } = pipeline.sandbox.sigstore.requests;
    return fulcio + rekor;
  };
  const exchanges = (index: Warehouse) =>
    index.requests.filter((r) => r.path === '/_/oidc/mint-token').map((r) => r.status);

  it('a dry run exchanges the token, then signs and uploads nothing', async () => {
    const index = await freshIndex(true);
    try {
      const before = signingRequests();
      const run = await publish({ 'repository-url': index.uploadUrl, 'dry-run': 'true' });
      expect(run.exitCode, errorOf(run)).toBe(0);
      expect(exchanges(index)).toEqual([200]);
      expect(run.stdout).toMatch(/trusted-publishing exchange succeeded; the token is dropped/);
      expect(index.files('hatch-demo')).toEqual([]);
      expect(signingRequests()).toBe(before);
    } finally {
      await index.close();
    }
  });

  it('a dry run fails as the real run would on a publisher that does not match', async () => {
    const index = await freshIndex(false);
    try {
      const run = await publish({ 'repository-url': index.uploadUrl, 'dry-run': 'true' });
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toMatch(/invalid-publisher/);
    } finally {
      await index.close();
    }
  });

  it('a real run with a misconfigured publisher asks Sigstore for nothing', async () => {
    const index = await freshIndex(false);
    try {
      const before = signingRequests();
      const run = await publish({ 'repository-url': index.uploadUrl });
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toMatch(/invalid-publisher/);
      expect(signingRequests()).toBe(before);
    } finally {
      await index.close();
    }
  });
});

describe('an index without the JSON API, with a user name (devpi, Artifactory)', () => {
  it('uploads with `user` and `password`, confirms through the simple API, and a re-run recognises its files', async () => {
    const plain = await startWarehouse({
      name: 'pypi',
      jsonApi: false,
      verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
      trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
    });
    try {
      plain.addUser('ci-bot', 'devpi-password');
      const inputs = {
        'repository-url': plain.uploadUrl,
        user: 'ci-bot',
        password: 'devpi-password',
        'oidc-audience': '',
      };
      const run = await publish(inputs);
      expect(run.exitCode, errorOf(run)).toBe(0);
      expect(
        plain
          .files('hatch-demo')
          .map((f) => f.filename)
          .sort(),
      ).toEqual([...FILES].sort());
      expect(plain.requests.some((r) => r.path.startsWith('/pypi/') && r.status === 404)).toBe(
        true,
      );
      expect(plain.requests.some((r) => r.path === '/simple/hatch-demo/')).toBe(true);
      const again = await publish(inputs);
      expect(again.exitCode, errorOf(again)).toBe(0);
      const rows = JSON.parse(again.outputs.published ?? '[]') as Array<{ result: string }>;
      expect(rows.map((r) => r.result)).toEqual([
        'already there',
        'already there',
        'already there',
      ]);
      expect(plain.files('hatch-demo')).toHaveLength(3);
    } finally {
      await plain.close();
    }
  });
});

describe('a project named like a standard-library module, new on an index', () => {
  const API_TOKEN = 'pypi-stdlib-api-token';
  const startIndexes = () =>
    Promise.all(
      (['testpypi', 'pypi'] as const).map(async (name) => {
        const index = await startWarehouse({
          name,
          verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
          trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
        });
        index.addApiToken(API_TOKEN);
        return index;
      }),
    );
  /** Publishes the case's wheel from a folder with an API token to `urls`. */
  const publishCase = async (c: PypiCase, urls: string[]) => {
    const job = await pipeline.job(`stdlib-${c.id}`);
    await buildCase(c, join(job.workspace, 'dist'));
    return job.run({
      step: 'publish',
      from: 'folder',
      'require-provenance': 'false',
      password: API_TOKEN,
      environment: '',
      attestations: 'false',
      'repository-url': urls.join('\n'),
    });
  };
  const uploads = (index: Warehouse) =>
    index.requests.filter((r) => r.method === 'POST' && r.path === '/legacy/');

  it.each(['stdlib-name-new-project', 'stdlib-dotted-prefix-new-project'])(
    "%s: refused with PyPI's message before the first upload to any index",
    async (id) => {
      const c = PYPI_CASES.find((x) => x.id === id) as PypiCase;
      const [test, live] = (await startIndexes()) as [Warehouse, Warehouse];
      try {
        // TestPyPI has the project already; PyPI does not: nothing may go to either.
        test.createProject(c.name as string);
        const run = await publishCase(c, [test.uploadUrl, live.uploadUrl]);
        expect(run.exitCode, run.stdout).toBe(1);
        expect(errorOf(run)).toContain(`PyPI answers ${JSON.stringify(c.message)}`);
        expect(errorOf(run)).toContain(
          `nothing was uploaded to any index (${c.name} is a new project on ${live.uploadUrl})`,
        );
        expect(errorOf(run)).toMatch(/Choose another project name/);
        expect(run.stdout).toContain(`${test.uploadUrl} already has the project`);
        for (const index of [test, live]) {
          expect(uploads(index)).toEqual([]);
          expect(index.requests.some((r) => r.path === `/simple/${c.name}/`)).toBe(true);
        }
      } finally {
        await Promise.all([test.close(), live.close()]);
      }
    },
  );

  it('goes ahead when every index already has the project, without the warning', async () => {
    const c = PYPI_CASES.find((x) => x.id === 'stdlib-name-new-project') as PypiCase;
    const indexes = await startIndexes();
    try {
      for (const index of indexes) index.createProject(c.name as string);
      const run = await publishCase(
        c,
        indexes.map((i) => i.uploadUrl),
      );
      expect(run.exitCode, errorOf(run)).toBe(0);
      for (const index of indexes) expect(index.files(c.name)).toHaveLength(1);
      expect(
        run.annotations.filter((a) => a.level === 'warning').map((a) => a.message),
      ).not.toEqual(expect.arrayContaining([expect.stringMatching(/Standard Library/)]));
    } finally {
      await Promise.all(indexes.map((i) => i.close()));
    }
  });

  it('stops before any upload when an index cannot say whether it has the project', async () => {
    const c = PYPI_CASES.find((x) => x.id === 'stdlib-name-new-project') as PypiCase;
    const [first, gone] = (await startIndexes()) as [Warehouse, Warehouse];
    await gone.close();
    try {
      first.createProject(c.name as string);
      const run = await publishCase(c, [first.uploadUrl, gone.uploadUrl]);
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toContain(
        `Could not establish whether asyncio exists on ${gone.uploadUrl}`,
      );
      expect(errorOf(run)).toContain('Nothing was uploaded to any index.');
      expect(uploads(first)).toEqual([]);
    } finally {
      await first.close();
    }
  });
});

describe('a devpi index: uploads to <user>/<index>/, pages at <user>/<index>/+simple/', () => {
  const startDevpi = async () => {
    const index = await startWarehouse({
      name: 'pypi',
      devpi: 'ci/prod',
      verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
      trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
    });
    index.addUser('ci-bot', 'devpi-password');
    return index;
  };
  const publishFolder = async (index: Warehouse, files: string[], extra = {}) => {
    const job = await pipeline.job('devpi', files);
    return job.run({
      step: 'publish',
      from: 'folder',
      'require-provenance': 'false',
      user: 'ci-bot',
      password: 'devpi-password',
      environment: '',
      attestations: 'false',
      'repository-url': index.uploadUrl,
      ...extra,
    });
  };

  it('with simple-url: confirms there, and warns that PEP 503 pages give no upload time', async () => {
    const index = await startDevpi();
    try {
      const simple = { 'simple-url': index.simpleUrl };
      const first = await publishFolder(index, [HATCH_SDIST], simple);
      expect(first.exitCode, errorOf(first)).toBe(0);
      const rows = JSON.parse(first.outputs.published ?? '[]') as Array<{ url: string }>;
      // The file's own address, as the simple page links it.
      expect(rows[0]?.url).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/ci\/prod\/.+\/hatch_demo-0\.1\.0\.tar\.gz$/,
      );
      // The sdist is there without an upload time: the 14-day window cannot be checked.
      const second = await publishFolder(index, [HATCH_SDIST, HATCH_WHEEL], simple);
      expect(second.exitCode, errorOf(second)).toBe(0);
      expect(
        index
          .files('hatch-demo')
          .map((f) => f.filename)
          .sort(),
      ).toEqual([HATCH_SDIST, HATCH_WHEEL].sort());
      const warnings = second.annotations.filter((a) => a.level === 'warning');
      expect(warnings.map((a) => a.message).join('\n')).toContain(
        `${index.uploadUrl} lists 1 file(s) of this release without an upload time ("${HATCH_SDIST}"`,
      );
      expect(warnings.map((a) => a.message).join('\n')).toMatch(
        /older than 14 days could not be established/,
      );
      expect(index.requests.some((r) => r.path.startsWith('/pypi/'))).toBe(false);
      expect(index.requests.some((r) => r.path === '/ci/prod/+simple/hatch-demo/')).toBe(true);
    } finally {
      await index.close();
    }
  });

  it('without simple-url: the guess misses, and the failed confirmation says to set it', async () => {
    const index = await startDevpi();
    try {
      const run = await publishFolder(index, [HATCH_SDIST]);
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toMatch(/does not list it/);
      expect(errorOf(run)).toMatch(/set `simple-url`/);
    } finally {
      await index.close();
    }
  });

  it('refuses a simple-url list that does not pair with repository-url', async () => {
    const index = await startDevpi();
    try {
      const run = await publishFolder(index, [HATCH_SDIST], {
        'simple-url': `${index.simpleUrl}\n${index.simpleUrl}`,
      });
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toMatch(/Input "simple-url" has 2 URL\(s\) but "repository-url" has 1/);
      expect(index.requests).toEqual([]);
    } finally {
      await index.close();
    }
  });
});
