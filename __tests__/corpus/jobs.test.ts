// The held-back corpus, jobs: wrong folders and files in packages-dir, files swapped while
// collect reads them, missing permissions and tokens, a draft asset replaced between release
// and publish, a collected file replaced before provenance. Each run of dist/index.js ends
// within its bound, refused with one typed error naming the file or input, or accepted.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, readdir, rename, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSdist, writeWheel } from '../../fixtures/archives.ts';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { FIXTURES } from '../../sandbox/pipeline.ts';
import { startWarehouse, type Warehouse } from '../../sandbox/warehouse.ts';
import { RUN_DEFAULTS } from '../../sandbox/harness.ts';
import {
  caseFolder,
  expectVerdict,
  leaks,
  runIn,
  startHostile,
  type CaseFolder,
  type HostileHandler,
  type Verdict,
} from './world.ts';
import { SANDBOX_AUDIENCE } from '../../sandbox/warehouse.ts';

// Under load (the full corpus on two shared cores) a publish that fails its exchange takes ~30 s.
const TIME_BOUND_MS = 50_000;
const WHEEL = 'hatch_demo-0.1.0-py3-none-any.whl';
const SDIST = 'hatch_demo-0.1.0.tar.gz';
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

let sandbox: Sandbox;
let pypi: Warehouse;
const folders: CaseFolder[] = [];
beforeAll(async () => {
  sandbox = await startSandbox();
  sandbox.github.createTag(RUN_DEFAULTS.repository, {
    tag: 'v1.0.0',
    commit: RUN_DEFAULTS.sha,
    date: new Date('2026-11-01T12:00:00Z'),
    annotated: true,
  });
  pypi = await startWarehouse({
    name: 'pypi',
    verifyToken: (t: string) => sandbox.oidc.verify(t),
    trustedRoot: sandbox.sigstore.trustedRoot,
  });
  pypi.createProject('hatch-demo');
  pypi.addTrustedPublisher({
    project: 'hatch-demo',
    repository: 'octo-org/octo-repo',
    workflow: 'release.yml',
    environment: 'publish',
  });
});
afterAll(async () => {
  await Promise.all(folders.map((f) => f.remove()));
  await pypi?.close();
  await sandbox?.close();
});

async function folderWith(files: string[] = []): Promise<CaseFolder> {
  const folder = await caseFolder();
  folders.push(folder);
  await mkdir(join(folder.workspace, 'dist'), { recursive: true });
  for (const f of files) await copyFile(join(FIXTURES, f), join(folder.workspace, 'dist', f));
  return folder;
}

/** A run in `folder` as a job of the sandbox's workflow run, with or without `id-token: write`. */
function step(
  folder: CaseFolder,
  inputs: Record<string, string>,
  options: {
    idToken?: boolean;
    env?: Record<string, string | undefined>;
    token?: string;
    ref?: string;
  } = {},
) {
  const ref = options.ref ?? RUN_DEFAULTS.ref;
  return runIn(folder, {
    inputs,
    env: {
      ...sandbox.runnerEnv({ job: 'corpus' }),
      ...(options.idToken ? sandbox.idTokenEnv({ environment: 'publish', ref }) : {}),
      GITHUB_API_URL: sandbox.github.url,
      RELEASE_ACTION_GITHUB_UPLOAD_URL: sandbox.github.uploadUrl,
      GITHUB_REF: ref,
      ...options.env,
    },
    githubToken: options.token ?? sandbox.github.token(['contents:write', 'attestations:write']),
    timeoutMs: TIME_BOUND_MS,
  });
}
const sigstore = () => ({ 'fulcio-url': sandbox.sigstore.url, 'rekor-url': sandbox.sigstore.url });

interface FolderCase {
  name: string;
  /** Fills packages-dir (`dist/` in the workspace) and gives the inputs. */
  setup(dist: string, folder: CaseFolder): Promise<Record<string, string> | void>;
  verdict: Verdict;
  names?: string | RegExp;
}

const FOLDER_CASES: FolderCase[] = [
  {
    name: 'a FIFO named like a wheel',
    setup: async (dist) => {
      execFileSync('/usr/bin/mkfifo', [join(dist, 'demo-1.0-py3-none-any.whl')]);
    },
    verdict: { refused: /regular file|not a file|link|folder/ },
    names: 'demo-1.0-py3-none-any.whl',
  },
  {
    name: 'a link to /etc/passwd named like a wheel',
    setup: (dist) => symlink('/etc/passwd', join(dist, 'demo-1.0-py3-none-any.whl')),
    verdict: { refused: /link/ },
    names: 'demo-1.0-py3-none-any.whl',
  },
  {
    name: 'a link to a real wheel outside the workspace',
    setup: (dist) => symlink(join(FIXTURES, WHEEL), join(dist, WHEEL)),
    verdict: { refused: /link/ },
    names: WHEEL,
  },
  {
    name: 'a folder named like a wheel',
    setup: (dist) => mkdir(join(dist, 'demo-1.0-py3-none-any.whl')),
    verdict: { refused: /folder|regular file|not a file/ },
    names: 'demo-1.0-py3-none-any.whl',
  },
  {
    name: 'packages-dir is a link out of the workspace',
    setup: async (_dist, folder) => {
      await symlink(FIXTURES, join(folder.workspace, 'elsewhere'));
      return { 'packages-dir': 'elsewhere' };
    },
    verdict: { refused: /packages-dir/ },
    names: 'packages-dir',
  },
  {
    name: 'packages-dir does not exist',
    setup: async () => ({ 'packages-dir': 'wheelhouse' }),
    verdict: { refused: /packages-dir/ },
    names: 'wheelhouse',
  },
  {
    name: 'packages-dir is a file',
    setup: async (_dist, folder) => {
      await writeFile(join(folder.workspace, 'notes.txt'), 'x');
      return { 'packages-dir': 'notes.txt' };
    },
    verdict: { refused: /packages-dir/ },
    names: 'notes.txt',
  },
  {
    name: 'packages-dir climbs out of the workspace',
    setup: async () => ({ 'packages-dir': '../../..' }),
    verdict: { refused: /packages-dir/ },
    names: 'packages-dir',
  },
  {
    name: 'an empty packages-dir',
    setup: async () => undefined,
    verdict: { refused: /no wheel|No wheel|nothing|no distribution/i },
    names: 'packages-dir',
  },
  {
    name: 'only a README and a .tar.bz2',
    setup: async (dist) => {
      await writeFile(join(dist, 'README.md'), '# x');
      await writeFile(join(dist, 'demo-1.0.tar.bz2'), 'BZh');
    },
    verdict: { refused: /./ },
    names: /demo-1\.0\.tar\.bz2|packages-dir/,
  },
  {
    name: 'a wheel and an sdist of different versions',
    setup: async (dist) => {
      await writeWheel(join(dist, 'demo-1.0-py3-none-any.whl'), 'demo', '1.0');
      await writeSdist(join(dist, 'demo-1.1.tar.gz'), 'demo', '1.1');
    },
    verdict: { refused: /version/ },
    names: /1\.1/,
  },
  {
    name: 'two projects in one folder',
    setup: async (dist) => {
      await writeWheel(join(dist, 'demo-1.0-py3-none-any.whl'), 'demo', '1.0');
      await writeWheel(join(dist, 'other-1.0-py3-none-any.whl'), 'other', '1.0');
    },
    verdict: { refused: /project|name/ },
    names: /other/,
  },
  {
    name: 'a version other than expected-version',
    setup: async (dist) => {
      await writeWheel(join(dist, 'demo-1.0-py3-none-any.whl'), 'demo', '1.0');
      return { 'expected-version': '2.0' };
    },
    verdict: { refused: /expected-version/ },
    names: /2\.0/,
  },
  {
    name: 'a file name carrying a workflow command',
    setup: async (dist) => {
      await writeWheel(join(dist, 'demo-1.0-py3-none-any.whl'), 'demo', '1.0');
      await writeFile(join(dist, 'x\n::error::pwned-1.0-py3-none-any.whl'), 'x');
    },
    verdict: { refused: /./ },
    names: /pwned/,
  },
];

describe.concurrent('packages-dir that is wrong or hostile', () => {
  it.each(FOLDER_CASES.map((c) => [c.name, c] as const))('%s', async (_n, c) => {
    const folder = await folderWith();
    const inputs = (await c.setup(join(folder.workspace, 'dist'), folder)) ?? {};
    const { run } = await runIn(folder, {
      inputs: { step: 'collect', 'upload-artifact': 'false', ...inputs },
      timeoutMs: TIME_BOUND_MS,
    });
    await expectVerdict(c.name, run, folder, c.verdict, c.names);
    expect(run.stdout).not.toMatch(/^::error::pwned/m);
  });
});

/** Swaps `dist/name` with each of `others` in turn, as fast as it can, until stopped. */
function swapper(dist: string, name: string, others: string[]) {
  const script = `
    const fs = require('node:fs');
    const [dist, name, ...others] = process.argv.slice(1);
    for (let i = 0; ; i++) {
      try { fs.renameSync(others[i % others.length], dist + '/.swap'); fs.renameSync(dist + '/' + name, others[i % others.length]); fs.renameSync(dist + '/.swap', dist + '/' + name); } catch {}
    }`;
  const child = spawn(process.execPath, ['-e', script, dist, name, ...others], { stdio: 'ignore' });
  return () => child.kill('SIGKILL');
}

describe.concurrent('a file swapped in packages-dir while collect reads it', () => {
  const kinds: Array<[string, (spare: string) => Promise<void>]> = [
    ['another valid wheel of the same name', (p) => writeWheel(p, 'hatch-demo', '0.1.0')],
    ['a link to /etc/passwd', (p) => symlink('/etc/passwd', p)],
    ['a FIFO', async (p) => void execFileSync('/usr/bin/mkfifo', [p])],
  ];
  it.each(kinds)('%s: one reading or a refusal, never a hang', async (_n, makeSpare) => {
    const folder = await folderWith([WHEEL]);
    const dist = join(folder.workspace, 'dist');
    // The swapper's spare lives in the workspace: the action's folder, not a stray write.
    const spare = join(folder.workspace, 'spare');
    await makeSpare(spare);
    const stop = swapper(dist, WHEEL, [spare]);
    try {
      const { run } = await runIn(folder, {
        inputs: { step: 'collect', 'upload-artifact': 'false' },
        timeoutMs: TIME_BOUND_MS,
      });
      stop();
      const verdict: Verdict =
        run.exitCode === 0
          ? { accepted: true }
          : { refused: /changed|link|folder|file|zip|No wheels/ };
      await expectVerdict(_n, run, folder, verdict);
      if (run.exitCode === 0) {
        // What was recorded is what was staged, and it is one of the two whole files.
        const staged = join(folder.runnerTemp, 'release-action', 'collect');
        const [artifact] = await readdir(staged);
        const bytes = await readFile(join(staged, artifact as string, WHEEL));
        const manifest = await readFile(
          join(staged, artifact as string, 'release-manifest.json'),
          'utf8',
        );
        expect(manifest).toContain(sha256(bytes));
        expect(bytes.includes(Buffer.from('PK\x05\x06'))).toBe(true);
      }
    } finally {
      stop();
    }
  });
});

describe.concurrent('missing permissions and tokens', () => {
  it('collect without the artifact service (no ACTIONS_RUNTIME_TOKEN)', async () => {
    const folder = await folderWith([WHEEL]);
    const { run } = await step(
      folder,
      { step: 'collect' },
      { env: { ACTIONS_RUNTIME_TOKEN: undefined } },
    );
    await expectVerdict(
      'no runtime token',
      run,
      folder,
      { refused: /ACTIONS_RUNTIME_TOKEN|artifact/ },
      /upload-artifact|ACTIONS_RUNTIME_TOKEN/,
    );
  });
  it('provenance without id-token: write', async () => {
    const folder = await folderWith([WHEEL]);
    expect((await step(folder, { step: 'collect', 'upload-artifact': 'false' })).run.exitCode).toBe(
      0,
    );
    const { run } = await step(folder, { step: 'provenance', from: 'folder', ...sigstore() });
    await expectVerdict('no id-token', run, folder, { refused: /id-token: write/ }, /id-token/);
  });
  it('release without a GitHub token', async () => {
    const folder = await folderWith([WHEEL]);
    const { run } = await step(folder, { step: 'release', 'github-token': '' });
    await expectVerdict('no token', run, folder, { refused: /github-token|token/ }, /github-token/);
  });
  it('release with a read-only token', async () => {
    const folder = await folderWith([WHEEL]);
    expect((await step(folder, { step: 'collect', 'upload-artifact': 'false' })).run.exitCode).toBe(
      0,
    );
    expect(
      (await step(folder, { step: 'provenance', from: 'folder', ...sigstore() }, { idToken: true }))
        .run.exitCode,
    ).toBe(0);
    const { run } = await step(
      folder,
      { step: 'release' },
      { token: sandbox.github.token(['contents:read']) },
    );
    await expectVerdict(
      'read-only',
      run,
      folder,
      { refused: /contents: write|403|permission/ },
      /contents/,
    );
  });
  it('publish without id-token: write and without a password', async () => {
    const folder = await folderWith();
    const { run } = await step(folder, {
      step: 'publish',
      'repository-url': pypi.uploadUrl,
      'oidc-audience': SANDBOX_AUDIENCE,
    });
    await expectVerdict(
      'no publish identity',
      run,
      folder,
      { refused: /id-token|password/ },
      /id-token|password/,
    );
  });
  it('index without a GitHub token', async () => {
    const folder = await folderWith();
    const { run } = await step(folder, { step: 'index', 'github-token': '' });
    await expectVerdict(
      'index no token',
      run,
      folder,
      { refused: /github-token|token/ },
      /github-token/,
    );
  });
});

const json =
  (body: unknown, status = 200): HostileHandler =>
  (_req, res) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const html: HostileHandler = (_req, res) =>
  res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sign in</body></html>');
const drip: HostileHandler = (_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  const timer = setInterval(() => res.write(' '), 200);
  res.on('close', () => clearInterval(timer));
};
/** An index that answers `path` (a prefix) with `answer` and 404 elsewhere, like an empty PyPI. */
const index =
  (answers: Record<string, HostileHandler>): HostileHandler =>
  (req, res, body) => {
    const url = req.url ?? '';
    const hit = Object.keys(answers).find((prefix) => url.startsWith(prefix));
    if (hit) return (answers[hit] as HostileHandler)(req, res, body);
    if (url.startsWith('/_/oidc/audience'))
      return json({ audience: 'hostile-index' })(req, res, body);
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
  };
const MINTED = { success: true, token: 'pypi-corpusMintedToken0123456789', expires: 2e9 };
const PYPI_CASES: Array<[string, HostileHandler, Verdict]> = [
  [
    'the audience endpoint answers HTML',
    index({ '/_/oidc/audience': html }),
    { refused: /audience|trusted publishing|index/i },
  ],
  [
    'the token exchange answers HTML',
    index({ '/_/oidc/mint-token': html }),
    { refused: /token|trusted publishing/i },
  ],
  [
    'the token exchange answers a wrong shape',
    index({ '/_/oidc/mint-token': json({ token: 42 }) }),
    { refused: /token|trusted publishing/i },
  ],
  [
    'the token exchange drips',
    index({ '/_/oidc/mint-token': drip }),
    { refused: /token|trusted publishing|time/i },
  ],
  [
    'the JSON API answers HTML',
    index({ '/_/oidc/mint-token': json(MINTED), '/pypi/': html }),
    { refused: /./ },
  ],
  [
    'the upload answers an HTML page with 200',
    index({ '/_/oidc/mint-token': json(MINTED), '/legacy/': html }),
    { refused: /upload|confirm|index/i },
  ],
  [
    'the audience endpoint answers null',
    index({ '/_/oidc/audience': json(null) }),
    { refused: /OIDC audience endpoint at .* answered null where a JSON object belongs/ },
  ],
  [
    'the JSON API answers {"urls": [null]}',
    index({ '/_/oidc/mint-token': json(MINTED), '/pypi/': json({ urls: [null] }) }),
    { refused: /JSON API at .* answered JSON of the wrong shape \("urls" item 0 is null/ },
  ],
  [
    'the simple API answers {"files": "abc"}',
    index({
      '/_/oidc/mint-token': json(MINTED),
      '/simple/': (_req, res) =>
        res
          .writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v1+json' })
          .end('{"files": "abc"}'),
    }),
    { refused: /simple API at .* answered JSON of the wrong shape \("files" is a string/ },
  ],
  [
    'the upload answer drips',
    index({ '/_/oidc/mint-token': json(MINTED), '/legacy/': drip }),
    { refused: /upload .*timed out \(the index's answer was not whole within 1\.5 s\)/ },
  ],
  [
    'the upload answers 500 every time',
    index({ '/_/oidc/mint-token': json(MINTED), '/legacy/': json({ message: 'boom' }, 500) }),
    { refused: /500|upload/i },
  ],
];

describe('hostile index answers to publish', () => {
  const ref = 'refs/tags/v0.1.0';
  let signed: CaseFolder;
  let trustedRoot: string;
  beforeAll(async () => {
    sandbox.github.createTag(RUN_DEFAULTS.repository, {
      tag: 'v0.1.0',
      commit: RUN_DEFAULTS.sha,
      date: new Date('2026-11-01T12:00:00Z'),
      annotated: true,
    });
    signed = await folderWith([WHEEL]);
    expect(
      (await step(signed, { step: 'collect', 'upload-artifact': 'false' }, { ref })).run.exitCode,
    ).toBe(0);
    const sign = await step(
      signed,
      { step: 'provenance', from: 'folder', ...sigstore() },
      { idToken: true, ref },
    );
    expect(sign.run.exitCode, sign.run.stdout).toBe(0);
    const release = await step(signed, { step: 'release' }, { ref });
    expect(release.run.exitCode, release.run.stdout).toBe(0);
    trustedRoot = join(signed.runnerTemp, 'trusted-root.json');
    await writeFile(trustedRoot, JSON.stringify(sandbox.sigstore.trustedRoot));
  }, 90_000);

  it.concurrent.each(PYPI_CASES)('%s', async (name, handler, verdict) => {
    const hostile = await startHostile('index');
    try {
      hostile.handle(handler);
      const folder = await folderWith();
      const token = sandbox.github.token(['contents:write']);
      const { run } = await step(
        folder,
        {
          step: 'publish',
          'repository-url': `${hostile.url}/legacy/`,
          'oidc-audience': 'hostile-index',
          'trusted-root': trustedRoot,
          ...sigstore(),
        },
        { idToken: true, ref, token, env: { RELEASE_ACTION_TIMEOUT_MS: '1500' } },
      );
      await expectVerdict(name, run, folder, verdict);
      // The index sees the OIDC token (to exchange it) and the minted one, never GitHub's.
      expect(
        leaks(hostile.requests, [token]),
        `${name}: the GitHub token reached the index`,
      ).toEqual([]);
    } finally {
      await hostile.close();
    }
  });
});

describe('files replaced between the steps', () => {
  it('a collected wheel replaced before provenance is refused naming it', async () => {
    const folder = await folderWith([WHEEL]);
    expect((await step(folder, { step: 'collect', 'upload-artifact': 'false' })).run.exitCode).toBe(
      0,
    );
    await writeWheel(join(folder.workspace, 'dist', `${WHEEL}.new`), 'hatch-demo', '0.1.0');
    await rename(
      join(folder.workspace, 'dist', `${WHEEL}.new`),
      join(folder.workspace, 'dist', WHEEL),
    );
    const { run } = await step(
      folder,
      { step: 'provenance', from: 'folder', ...sigstore() },
      { idToken: true },
    );
    await expectVerdict(
      'replaced before provenance',
      run,
      folder,
      { refused: /digest|sha256|changed|does not match/ },
      WHEEL,
    );
  });

  it('a draft asset replaced between release and publish is refused, nothing uploaded', async () => {
    const repo = 'octo-org/octo-repo';
    const folder = await folderWith([WHEEL, SDIST]);
    expect((await step(folder, { step: 'collect', 'upload-artifact': 'false' })).run.exitCode).toBe(
      0,
    );
    const signed = await step(
      folder,
      { step: 'provenance', from: 'folder', ...sigstore() },
      { idToken: true },
    );
    expect(signed.run.exitCode, signed.run.stdout).toBe(0);
    const released = await step(folder, { step: 'release' });
    expect(released.run.exitCode, released.run.stdout).toBe(0);
    const [release] = sandbox.github.releases(repo);
    const asset = release?.assets.find((a) => a.name === WHEEL);
    await fetch(`${sandbox.github.url}/repos/${repo}/releases/assets/${asset?.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${sandbox.github.token(['contents:write'])}` },
    });
    const other = join(folder.runnerTemp, 'other.whl');
    await writeWheel(other, 'hatch-demo', '0.1.0');
    await sandbox.github.uploadAsset(repo, release?.id ?? 0, WHEEL, await readFile(other));
    const trustedRoot = join(folder.runnerTemp, 'trusted-root.json');
    await writeFile(trustedRoot, JSON.stringify(sandbox.sigstore.trustedRoot));
    const published = await step(
      folder,
      {
        step: 'publish',
        'repository-url': pypi.uploadUrl,
        'oidc-audience': SANDBOX_AUDIENCE,
        'trusted-root': trustedRoot,
        ...sigstore(),
      },
      { idToken: true },
    );
    await expectVerdict(
      'asset swapped',
      published.run,
      folder,
      { refused: /Nothing was uploaded/ },
      WHEEL,
    );
    expect(pypi.files('hatch-demo')).toEqual([]);
  });
});
