/**
 * `release-action sign` against the sandbox, with the real gpg: a throwaway GNUPGHOME whose
 * key has a passphrase, given through gpg-agent's loopback pinentry. The `.asc` files it leaves
 * on the draft are checked by `gpg --verify` and by `verify --asc`, and `publish` with
 * `public-key` requires them (refusing before the token exchange without them); a re-run
 * checks them with the key's public key and signs nothing (a gpg that cannot sign is never
 * asked to), a missing one is signed alone, and a conflicting signature already on the draft
 * is refused before anything is signed or uploaded.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  HATCH_WHEEL,
  sigstoreInputs,
  startPipeline,
  type Job,
  type Pipeline,
} from '../../sandbox/pipeline.ts';
import { SANDBOX_AUDIENCE, startWarehouse, type Warehouse } from '../../sandbox/warehouse.ts';

const CLI = join(import.meta.dirname, '../../dist/cli.js');
const PROVENANCE = 'hatch_demo-0.1.0.intoto.jsonl';
const DATE = new Date('2026-11-01T12:00:00Z');

let pipeline: Pipeline;
let pypi: Warehouse;
let gnupg: string;
let publicKey: string;

function gpg(args: string[]): string {
  return execFileSync('gpg', args, {
    env: { ...process.env, GNUPGHOME: gnupg },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A tag-push release of one wheel in `repository`, as the workflow makes it. */
async function release(repository: string): Promise<Job> {
  pipeline.sandbox.github.createTag(repository, {
    tag: 'v1.0.0',
    commit: 'a'.repeat(40),
    date: DATE,
    annotated: true,
  });
  const job = await pipeline.job('release', [HATCH_WHEEL]);
  const env = { GITHUB_REPOSITORY: repository };
  const steps: Array<Record<string, string>> = [
    { step: 'collect', 'upload-artifact': 'false' },
    { step: 'provenance', from: 'folder', ...sigstoreInputs(pipeline) },
    { step: 'release' },
  ];
  for (const inputs of steps) {
    const run = await job.run(inputs, { env, idToken: { repository } });
    expect(run.exitCode, errorOf(run)).toBe(0);
  }
  return job;
}

/**
 * A `gpg` first on PATH that logs each call to `log` and, when `refuse`, fails every signing
 * call, as an agent whose passphrase or smartcard is not there would.
 */
async function gpgWrapper(refuse: boolean): Promise<{ path: string; log: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'gpg-wrapper-'));
  const log = join(dir, 'calls.log');
  const real = execFileSync('/bin/sh', ['-c', 'command -v gpg'], { encoding: 'utf8' }).trim();
  await writeFile(log, '');
  await writeFile(
    join(dir, 'gpg'),
    `#!/bin/sh
echo "$*" >> '${log}'
for arg in "$@"; do
  if [ "$arg" = --detach-sign ] && [ ${refuse ? 1 : 0} = 1 ]; then
    echo 'gpg: signing failed: No pinentry' >&2; exit 2
  fi
done
exec '${real}' "$@"
`,
    { mode: 0o755 },
  );
  return { path: `${dir}:${process.env.PATH}`, log };
}

async function signCalls(log: string): Promise<string[]> {
  return (await readFile(log, 'utf8')).split('\n').filter((l) => l.includes('--detach-sign'));
}

async function sign(repository: string, ...extra: string[]) {
  return signWith(process.env.PATH, repository, '--local-user', 'maintainer@example.com', ...extra);
}

async function signWith(path: string | undefined, repository: string, ...extra: string[]) {
  const temp = await mkdtemp(join(tmpdir(), 'sign-'));
  return promisify(execFile)(
    process.execPath,
    [
      CLI,
      'sign',
      '--tag',
      'v1.0.0',
      '--repository',
      repository,
      '--trusted-root',
      pipeline.trustedRootPath,
      ...extra,
    ],
    {
      env: {
        PATH: path,
        HOME: process.env.HOME,
        GNUPGHOME: gnupg,
        RUNNER_TEMP: temp,
        GITHUB_TOKEN: pipeline.sandbox.github.token(['contents:write']),
        GITHUB_API_URL: pipeline.sandbox.github.url,
        RELEASE_ACTION_GITHUB_UPLOAD_URL: pipeline.sandbox.github.uploadUrl,
        RELEASE_ACTION_RETRY_DELAY_MS: '20',
      },
    },
  ).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }),
  );
}

/** The gated publish job of `repository`'s tag, with the maintainer's key when `key` is set. */
async function publish(repository: string, key: boolean) {
  const job = await pipeline.job('publish');
  await writeFile(join(job.workspace, 'maintainer.asc'), publicKey);
  return job.run(
    {
      step: 'publish',
      'repository-url': pypi.uploadUrl,
      'oidc-audience': SANDBOX_AUDIENCE,
      'trusted-root': pipeline.trustedRootPath,
      ...sigstoreInputs(pipeline),
      ...(key ? { 'public-key': 'maintainer.asc' } : {}),
    },
    { env: { GITHUB_REPOSITORY: repository }, idToken: { repository, environment: 'publish' } },
  );
}

function assets(repository: string) {
  const [draft] = pipeline.sandbox.github.releases(repository);
  return draft?.assets ?? [];
}

async function download(repository: string, name: string): Promise<Buffer> {
  const asset = assets(repository).find((a) => a.name === name);
  if (!asset) throw new Error(`no asset ${name}`);
  const response = await fetch(
    `${pipeline.sandbox.github.url}/repos/${repository}/releases/assets/${asset.id}`,
    {
      headers: {
        accept: 'application/octet-stream',
        authorization: `Bearer ${pipeline.sandbox.github.token(['contents:write'])}`,
      },
    },
  );
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

beforeAll(async () => {
  gnupg = await mkdtemp(join(tmpdir(), 'gnupg-'));
  const passphraseFile = join(gnupg, 'passphrase');
  await writeFile(passphraseFile, 'correct horse battery staple\n');
  await writeFile(join(gnupg, 'gpg-agent.conf'), 'allow-loopback-pinentry\n');
  // The loopback pinentry stands in for the agent's pinentry or a smartcard prompt.
  await writeFile(
    join(gnupg, 'gpg.conf'),
    `batch\npinentry-mode loopback\npassphrase-file ${passphraseFile}\n`,
  );
  gpg(['--quick-gen-key', 'Maintainer <maintainer@example.com>', 'ed25519', 'sign', 'never']);
  publicKey = gpg(['--armor', '--export', 'maintainer@example.com']);
  pipeline = await startPipeline();
  pypi = await startWarehouse({
    name: 'pypi',
    verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
    trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
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
  await pypi?.close();
  await pipeline?.close();
  try {
    execFileSync('gpgconf', ['--kill', 'gpg-agent'], { env: { ...process.env, GNUPGHOME: gnupg } });
  } catch {
    // no agent left running
  }
  await rm(gnupg, { recursive: true, force: true });
});

describe('release-action sign', () => {
  it('documents itself', () => {
    const help = execFileSync(process.execPath, [CLI, 'sign', '--help'], { encoding: 'utf8' });
    expect(help).toMatch(/Usage: release-action sign --tag <tag>/);
    expect(help).toContain('--local-user');
    // What it reads from the environment, GitHub Enterprise Server included.
    expect(help).toMatch(/^ {2}GITHUB_API_URL /m);
    expect(help).toContain('sign has no --repository-id');
  });

  it('leaves .asc files on the draft that gpg --verify and verify --asc accept', async () => {
    const repository = 'octo-org/octo-repo';
    const job = await release(repository);
    // Before `sign`: publish with the maintainer's key refuses, before the token exchange.
    const unsigned = await publish(repository, true);
    expect(unsigned.exitCode).not.toBe(0);
    expect(errorOf(unsigned)).toContain(
      `"${HATCH_WHEEL}" (${HATCH_WHEEL}.asc is missing). Nothing was uploaded.`,
    );
    expect(errorOf(unsigned)).toContain('release-action sign --tag v1.0.0');
    expect(pypi.minted).toHaveLength(0);
    expect(pypi.files()).toHaveLength(0);

    const run = await sign(repository);
    expect(run.code, run.stderr + run.stdout).toBe(0);
    expect(run.stdout).toContain('2 signature(s) uploaded');
    const names = assets(repository).map((a) => a.name);
    expect(names).toEqual(expect.arrayContaining([`${HATCH_WHEEL}.asc`, `${PROVENANCE}.asc`]));

    // What is on the draft, checked by gpg itself and by the verify step.
    for (const name of [HATCH_WHEEL, PROVENANCE]) {
      await writeFile(
        join(job.workspace, 'dist', `${name}.asc`),
        await download(repository, `${name}.asc`),
      );
      gpg([
        '--verify',
        join(job.workspace, 'dist', `${name}.asc`),
        join(job.workspace, 'dist', name),
      ]);
    }
    await writeFile(join(job.workspace, 'maintainer.asc'), publicKey);
    const verified = await job.run({
      step: 'verify',
      'trusted-root': pipeline.trustedRootPath,
      'public-key': 'maintainer.asc',
      ref: 'refs/tags/v1.0.0',
    });
    expect(verified.exitCode, errorOf(verified)).toBe(0);

    // After `sign`: the same publish goes through; the .asc stays on GitHub (PyPI takes none).
    const published = await publish(repository, true);
    expect(published.exitCode, errorOf(published)).toBe(0);
    expect(published.stdout).toMatch(
      /Every distribution has a \.asc signature by key [0-9A-F]{40}/,
    );
    const [uploaded, ...others] = pypi.files('hatch-demo');
    expect(others).toHaveLength(0);
    expect(uploaded?.filename).toBe(HATCH_WHEEL);
    expect(Object.keys(uploaded?.fields ?? {})).not.toContain('gpg_signature');
    // Without the key, the signatures are named as not checked, in one line.
    const unchecked = await publish(repository, false);
    expect(unchecked.exitCode, errorOf(unchecked)).toBe(0);
    expect(unchecked.stdout).toContain(
      '2 .asc signature(s) came with the files and were not checked (no `public-key`)',
    );

    // A re-run signs nothing: with a gpg that can no longer sign, and gpg's default key (no
    // --local-user), it checks the signatures on the draft with the key's public key and keeps them.
    const refusing = await gpgWrapper(true);
    const again = await signWith(refusing.path, repository);
    expect(again.code, again.stderr + again.stdout).toBe(0);
    expect(await signCalls(refusing.log)).toEqual([]);
    const fingerprint = gpg(['--with-colons', '--fingerprint', 'maintainer@example.com'])
      .split('\n')
      .find((l) => l.startsWith('fpr:'))
      ?.split(':')[9];
    for (const name of [HATCH_WHEEL, PROVENANCE]) {
      expect(again.stdout).toContain(`${name}.asc: already signed by ${fingerprint}`);
    }
    expect(again.stdout).toContain('0 signature(s) uploaded');
    expect(again.stdout).toContain('2 already there');

    // One signature gone from the draft: only that file is signed again.
    const provenanceAsc = assets(repository).find((a) => a.name === `${PROVENANCE}.asc`);
    await fetch(
      `${pipeline.sandbox.github.url}/repos/${repository}/releases/assets/${provenanceAsc?.id}`,
      {
        method: 'DELETE',
        headers: { authorization: `Bearer ${pipeline.sandbox.github.token(['contents:write'])}` },
      },
    );
    const counting = await gpgWrapper(false);
    const partial = await signWith(
      counting.path,
      repository,
      '--local-user',
      'maintainer@example.com',
    );
    expect(partial.code, partial.stderr + partial.stdout).toBe(0);
    const calls = await signCalls(counting.log);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toContain(PROVENANCE);
    expect(partial.stdout).toContain('1 signature(s) uploaded');
    expect(partial.stdout).toContain('1 already there');
    expect(assets(repository).map((a) => a.name)).toContain(`${PROVENANCE}.asc`);
  });

  it('refuses a conflicting signature on the draft and uploads nothing', async () => {
    const repository = 'octo-org/conflict';
    await release(repository);
    const [draft] = pipeline.sandbox.github.releases(repository);
    // A signature by another key, under the wheel's .asc name.
    const otherHome = await mkdtemp(join(tmpdir(), 'gnupg-other-'));
    const other = (args: string[], input?: string) =>
      execFileSync('gpg', ['--batch', '--passphrase', '', ...args], {
        env: { ...process.env, GNUPGHOME: otherHome },
        encoding: 'utf8',
        ...(input === undefined ? {} : { input }),
      });
    other(['--quick-gen-key', 'Other <other@example.com>', 'ed25519', 'sign', 'never']);
    const foreign = other(['--armor', '--detach-sign'], 'not the wheel');
    await pipeline.sandbox.github.uploadAsset(
      repository,
      draft?.id ?? 0,
      `${HATCH_WHEEL}.asc`,
      foreign,
    );
    await rm(otherHome, { recursive: true, force: true });

    // Refused before anything is signed: a gpg that cannot sign is never asked to.
    const refusing = await gpgWrapper(true);
    const run = await signWith(refusing.path, repository, '--local-user', 'maintainer@example.com');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(
      new RegExp(`${HATCH_WHEEL.replace(/\./g, '\\.')}\\.asc is already on release "v1\\.0\\.0"`),
    );
    expect(await signCalls(refusing.log)).toEqual([]);
    expect(assets(repository).map((a) => a.name)).not.toContain(`${PROVENANCE}.asc`);
  });

  it('refuses a draft whose files do not verify against the provenance', async () => {
    const repository = 'octo-org/tampered';
    await release(repository);
    const [draft] = pipeline.sandbox.github.releases(repository);
    const wheel = draft?.assets.find((a) => a.name === HATCH_WHEEL);
    // Someone with write access swaps the wheel on the draft.
    await fetch(`${pipeline.sandbox.github.url}/repos/${repository}/releases/assets/${wheel?.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${pipeline.sandbox.github.token(['contents:write'])}` },
    });
    await pipeline.sandbox.github.uploadAsset(
      repository,
      draft?.id ?? 0,
      HATCH_WHEEL,
      'other bytes',
    );
    const run = await sign(repository);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/does not verify against its provenance/);
    expect(run.stderr).toContain('Nothing was signed');
    expect(assets(repository).some((a) => a.name.endsWith('.asc'))).toBe(false);
  });

  it('refuses a published immutable release up front', async () => {
    const repository = 'octo-org/immutable';
    await release(repository);
    pipeline.sandbox.github.setImmutableReleases(repository, true);
    const [draft] = pipeline.sandbox.github.releases(repository);
    pipeline.sandbox.github.updateRelease(repository, draft?.id ?? 0, { draft: false });
    const run = await sign(repository);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/published and immutable: no signatures can be added/);
  });
});
