/**
 * `prepare` with `tag-signers`: the annotated tag's OpenPGP signature over the tag object is
 * checked against the allowed keys before anything is built; and `release-action verify
 * --tag-signers` checks the same on a consumer's machine, where the repository's ids come from
 * GitHub's API (a look-alike repository's certificate is refused). Keys and signatures come
 * from the real gpg (a throwaway GNUPGHOME), the tag objects from the GitHub stand-in, which
 * serves `verification: {verified, reason, signature, payload}` as GitHub does.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tagPayload, type TagRecord } from '../../sandbox/github-git.ts';
import {
  errorOf,
  HATCH_WHEEL,
  sigstoreInputs,
  startPipeline,
  type Job,
  type Pipeline,
} from '../../sandbox/pipeline.ts';

const REPO = 'octo-org/signed';
const COMMIT = 'c'.repeat(40);
const DATE = new Date('2026-11-01T12:00:00Z');

let pipeline: Pipeline;
let gnupg: string;
let maintainerKey: string;
let someoneKey: string;

/** The primary key's fingerprint, as gpg prints it. */
function fingerprint(uid: string): string {
  const fpr = gpg(['--with-colons', '--fingerprint', uid])
    .split('\n')
    .find((line) => line.startsWith('fpr:'));
  return fpr?.split(':')[9] ?? '';
}

function gpg(args: string[], input?: string): string {
  return execFileSync('gpg', ['--batch', '--no-tty', ...args], {
    env: { ...process.env, GNUPGHOME: gnupg },
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

function signedBy(uid: string, record: TagRecord): TagRecord {
  const signature = gpg(['--local-user', uid, '--detach-sign', '--armor'], tagPayload(record));
  return { ...record, signature };
}

beforeAll(async () => {
  gnupg = await mkdtemp(join(tmpdir(), 'gnupg-'));
  for (const uid of ['Maintainer <maintainer@example.com>', 'Someone <someone@example.com>'])
    gpg(['--passphrase', '', '--quick-gen-key', uid, 'ed25519', 'sign', 'never']);
  maintainerKey = gpg(['--armor', '--export', 'maintainer@example.com']);
  someoneKey = gpg(['--armor', '--export', 'someone@example.com']);
  pipeline = await startPipeline();
  const tag = (name: string, annotated = true): TagRecord => ({
    tag: name,
    commit: COMMIT,
    date: DATE,
    annotated,
  });
  const github = pipeline.sandbox.github;
  github.createTag(REPO, signedBy('maintainer@example.com', tag('v2.0.0')));
  github.createTag(REPO, tag('v2.0.1'));
  github.createTag(REPO, tag('v2.0.2', false));
  github.createTag(REPO, {
    ...signedBy('someone@example.com', tag('v2.0.3')),
    githubVerified: true,
  });
  // The maintainer's signature of another tag's object, attached to this one.
  const replayed = signedBy('maintainer@example.com', tag('v2.0.0'));
  github.createTag(REPO, { ...tag('v2.0.4'), signature: replayed.signature as string });
});
afterAll(async () => {
  await pipeline?.close();
  await rm(gnupg, { recursive: true, force: true });
});

async function prepare(tag: string, signers = maintainerKey) {
  const job = await pipeline.job('build');
  await mkdir(join(job.workspace, '.git'), { recursive: true });
  await writeFile(join(job.workspace, '.git', 'HEAD'), `${COMMIT}\n`);
  return job.run(
    { step: 'prepare', tag, 'tag-signers': signers },
    { env: { GITHUB_REPOSITORY: REPO } },
  );
}

describe('prepare with tag-signers', () => {
  it('passes a tag signed by an allowed key, naming the key that signed', async () => {
    const run = await prepare('v2.0.0', `${someoneKey}\n${maintainerKey}`);
    expect(run.exitCode, errorOf(run)).toBe(0);
    expect(run.stdout).toContain(
      `Tag v2.0.0 is signed by an allowed key (${fingerprint('maintainer@example.com')})`,
    );
    expect(run.stdout).not.toContain(fingerprint('someone@example.com'));
    expect(run.outputs.sha).toBe(COMMIT);
  });

  it('takes the key from a file in the workspace too', async () => {
    const job = await pipeline.job('build');
    await mkdir(join(job.workspace, '.git'), { recursive: true });
    await writeFile(join(job.workspace, '.git', 'HEAD'), `${COMMIT}\n`);
    await writeFile(join(job.workspace, 'maintainer.asc'), maintainerKey);
    const run = await job.run(
      { step: 'prepare', tag: 'v2.0.0', 'tag-signers': 'maintainer.asc' },
      { env: { GITHUB_REPOSITORY: REPO } },
    );
    expect(run.exitCode, errorOf(run)).toBe(0);
  });

  it.each([
    ['v2.0.1', /it is not signed/],
    ['v2.0.2', /lightweight tag/],
    ['v2.0.3', /does not verify with the allowed keys/],
    // GitHub gives the tag's own payload: another tag's signature does not verify over it.
    ['v2.0.4', /does not verify with the allowed keys/],
  ])('stops before the build on %s', async (tag, reason) => {
    const run = await prepare(tag);
    expect(run.exitCode).not.toBe(0);
    expect(errorOf(run)).toMatch(
      new RegExp(`Tag "${tag.replace(/\./g, '\\.')}" is not signed by an allowed key`),
    );
    expect(errorOf(run)).toMatch(reason);
    expect(run.outputs.sha).toBeUndefined();
  });

  it('refuses a tag-signers entry that is no key', async () => {
    const run = await prepare('v2.0.0', 'missing.asc');
    expect(run.exitCode).not.toBe(0);
    expect(errorOf(run)).toMatch(/Input "tag-signers" has an entry/);
  });
});

/**
 * SSH-signed tags (`gpg.format=ssh`): keys and signatures from the real ssh-keygen, whose
 * `-Y sign -n git` is what git runs over the tag payload; checked without ssh-keygen.
 */
describe('prepare with SSH keys in tag-signers', () => {
  let sshDir: string;
  let allowedLine: string;

  function sshSigned(key: string, record: TagRecord): TagRecord {
    const signature = execFileSync('ssh-keygen', ['-Y', 'sign', '-n', 'git', '-f', key], {
      cwd: sshDir,
      input: tagPayload(record),
      encoding: 'utf8',
    });
    return { ...record, signature };
  }

  beforeAll(async () => {
    sshDir = await mkdtemp(join(tmpdir(), 'ssh-signers-'));
    for (const key of ['maintainer', 'someone'])
      execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', key, '-f', key], {
        cwd: sshDir,
      });
    // The public key line, as `ssh-keygen -y` derives it from the private key.
    const publicKey = execFileSync('ssh-keygen', ['-y', '-f', 'maintainer'], {
      cwd: sshDir,
      encoding: 'utf8',
    });
    allowedLine = `maintainer@example.com namespaces="git" ${publicKey.trim()}`;
    const tag = (name: string): TagRecord => ({
      tag: name,
      commit: COMMIT,
      date: DATE,
      annotated: true,
    });
    const github = pipeline.sandbox.github;
    github.createTag(REPO, sshSigned('maintainer', tag('v3.0.0')));
    github.createTag(REPO, { ...sshSigned('someone', tag('v3.0.1')), githubVerified: true });
  });
  afterAll(async () => {
    await rm(sshDir, { recursive: true, force: true });
  });

  it('passes a tag signed by an allowed SSH key, next to OpenPGP keys', async () => {
    const run = await prepare('v3.0.0', `${maintainerKey}\n${allowedLine}`);
    expect(run.exitCode, errorOf(run)).toBe(0);
    expect(run.stdout).toMatch(
      /Tag v3\.0\.0 is signed by an allowed key \(ssh-ed25519 SHA256:\S+ \(maintainer@example\.com\)\)/,
    );
    expect(run.outputs.sha).toBe(COMMIT);
  });

  it('stops before the build on a tag signed by another SSH key', async () => {
    const run = await prepare('v3.0.1', `${maintainerKey}\n${allowedLine}`);
    expect(run.exitCode).not.toBe(0);
    expect(errorOf(run)).toMatch(
      /Tag "v3\.0\.1" is not signed by an allowed key: it is signed by the SSH key ssh-ed25519 SHA256:\S+, which is not one of the allowed keys/,
    );
    expect(run.outputs.sha).toBeUndefined();
  });

  it('stops on an OpenPGP-signed tag when only SSH keys are allowed', async () => {
    const run = await prepare('v2.0.0', allowedLine);
    expect(run.exitCode).not.toBe(0);
    expect(errorOf(run)).toMatch(/signed with OpenPGP, and tag-signers holds no OpenPGP key/);
  });
});

describe('release-action verify --tag-signers on a consumer machine', () => {
  let consumer: Job;

  beforeAll(async () => {
    // The tag push of v2.0.0: one wheel, signed into provenance from the tag's commit.
    const env = { GITHUB_REPOSITORY: REPO, GITHUB_REF: 'refs/tags/v2.0.0', GITHUB_SHA: COMMIT };
    consumer = await pipeline.job('release', [HATCH_WHEEL]);
    const steps: Array<Record<string, string>> = [
      { step: 'collect', 'upload-artifact': 'false' },
      { step: 'provenance', from: 'folder', ...sigstoreInputs(pipeline) },
    ];
    for (const inputs of steps) {
      const run = await consumer.run(inputs, {
        env,
        idToken: { repository: REPO, ref: 'refs/tags/v2.0.0', sha: COMMIT },
      });
      expect(run.exitCode, errorOf(run)).toBe(0);
    }
    await writeFile(join(consumer.workspace, 'maintainer.asc'), maintainerKey);
    await writeFile(join(consumer.workspace, 'someone.asc'), someoneKey);
  });

  /** README's consumer command; the ids come from GitHub's API (no --repository-id, no env). */
  function verify(signers: string) {
    return promisify(execFile)(
      process.execPath,
      [
        join(import.meta.dirname, '../../dist/cli.js'),
        'verify',
        '--packages-dir',
        'dist',
        '--repository',
        REPO,
        '--workflow',
        'release.yml',
        '--ref',
        'refs/tags/v2.0.0',
        '--tag-signers',
        signers,
        '--trusted-root',
        pipeline.trustedRootPath,
      ],
      {
        cwd: consumer.workspace,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          GITHUB_WORKSPACE: consumer.workspace,
          GITHUB_API_URL: pipeline.sandbox.github.url,
          // A consumer's read token (`gh auth token`): the stand-in answers no anonymous call.
          GITHUB_TOKEN: pipeline.sandbox.github.token(['contents:read']),
          RELEASE_ACTION_RETRY_DELAY_MS: '20',
        },
      },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, output: stdout + stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({
        code: error.code ?? 1,
        output: (error.stdout ?? '') + (error.stderr ?? ''),
      }),
    );
  }

  it('passes a tag signed by the maintainer, naming the key that signed', async () => {
    const run = await verify('maintainer.asc');
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain(
      `✔ tag v2.0.0 is signed by ${fingerprint('maintainer@example.com')}`,
    );
    expect(run.output).toContain(`✔ ${HATCH_WHEEL}: verified by`);
  });

  it('refuses the tag when the allowed key is another one', async () => {
    const run = await verify('someone.asc');
    expect(run.code).toBe(1);
    expect(run.output).toMatch(
      /error: Tag "v2\.0\.0" is not signed by an allowed key: its signature does not verify with the allowed keys/,
    );
    expect(run.output).toContain('Do not install or publish its files.');
    expect(run.output).toContain(fingerprint('someone@example.com'));
    expect(run.output).not.toContain('verified by');
  });

  it("refuses a certificate whose repository id differs from GitHub's answer for the name", async () => {
    // The name deleted and registered again: GitHub now answers other ids for it.
    pipeline.sandbox.github.setRepositoryIds(REPO, { repositoryId: 3003, ownerId: 1001 });
    try {
      const run = await verify('maintainer.asc');
      expect(run.code).toBe(1);
      expect(run.output).toContain(
        `signed by repository id "2002", but ${REPO} is repository id "3003"`,
      );
      const asked = pipeline.sandbox.github.requests.filter(
        (r) => r.method === 'GET' && r.path === `/repos/${REPO}`,
      );
      expect(asked.length).toBeGreaterThan(0);
    } finally {
      pipeline.sandbox.github.setRepositoryIds(REPO, { repositoryId: 2002, ownerId: 1001 });
    }
  });
});
