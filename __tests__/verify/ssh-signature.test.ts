/**
 * SSH tag signatures checked with node:crypto, against `ssh-keygen -Y verify` as the oracle:
 * keys and signatures come from the real ssh-keygen (a throwaway directory), and every case
 * asserts that ssh-keygen reaches the same verdict. Signatures ssh-keygen cannot make here
 * (SHA-1 RSA, rsa-sha2-256, security keys) are assembled from node:crypto signatures and
 * judged by ssh-keygen all the same.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedTag } from '../../src/github/git-data.ts';
import { readSshSignerLine } from '../../src/verify/allowed-signers.ts';
import { sshString } from '../../src/verify/ssh-signature.ts';
import { loadTagSigners, tagSignatureProblem } from '../../src/verify/tag-signature.ts';

const COMMIT = 'c'.repeat(40);
const WHEN = 1_793_534_400; // 2026-11-01T12:00:00Z
const TYPES = ['ed25519', 'ecdsa-256', 'ecdsa-384', 'ecdsa-521', 'rsa'] as const;

let dir: string;
const pub: Record<string, string> = {};

function payloadOf(tag: string, message = `Release ${tag}`): string {
  return `object ${COMMIT}\ntype commit\ntag ${tag}\ntagger Octo Cat <octocat@example.com> ${WHEN} +0000\n\n${message}\n`;
}

function keygen(args: string[], input?: string) {
  return spawnSync('ssh-keygen', args, { cwd: dir, encoding: 'utf8', input: input ?? '' });
}

/** `ssh-keygen -Y sign` of `payload` with key `name`, in `namespace`. */
async function sshSign(name: string, payload: string, namespace = 'git', extra: string[] = []) {
  await writeFile(join(dir, 'payload'), payload);
  await rm(join(dir, 'payload.sig'), { force: true });
  const run = keygen(['-Y', 'sign', '-n', namespace, '-f', name, ...extra, 'payload']);
  expect(run.status, run.stderr).toBe(0);
  return readFile(join(dir, 'payload.sig'), 'utf8');
}

/** The oracle: does `ssh-keygen -Y verify` accept it, at the tagger's time, as git asks it? */
async function oracle(allowed: string, payload: string, signature: string): Promise<boolean> {
  await writeFile(join(dir, 'allowed'), `${allowed}\n`);
  await writeFile(join(dir, 'check.sig'), signature);
  const when = new Date(WHEN * 1000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
  const run = keygen(
    ['-Y', 'verify', '-f', 'allowed', '-I', 'maintainer@example.com', '-n', 'git'].concat([
      '-O',
      `verify-time=${when}Z`,
      '-s',
      'check.sig',
    ]),
    payload,
  );
  return run.status === 0;
}

function resolved(tag: string, payload: string, signature: string): ResolvedTag {
  return {
    tag,
    commit: COMMIT,
    annotated: {
      sha: 'f'.repeat(40),
      verification: { verified: false, reason: 'unknown_key', signature, payload },
    },
  };
}

/** Our verdict and ssh-keygen's, for the tag `tag` whose object is `payload` + `signature`. */
async function judge(allowed: string, payload: string, signature: string, tag = 'v1.0.0') {
  const signers = await loadTagSigners([allowed], dir);
  const problem = await tagSignatureProblem(resolved(tag, payload, signature), signers);
  return { problem, sshKeygen: await oracle(allowed, payload, signature) };
}

const line = (name: string, options = '') =>
  `maintainer@example.com ${options ? `${options} ` : ''}${pub[name]}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sshsig-'));
  for (const type of TYPES) {
    for (const who of ['maintainer', 'someone']) {
      const [algorithm, bits] = type.split('-');
      const size = bits ? ['-b', bits] : algorithm === 'rsa' ? ['-b', '2048'] : [];
      const name = `${who}-${type}`;
      execFileSync(
        'ssh-keygen',
        ['-q', '-t', algorithm as string, ...size, '-N', '', '-C', who, '-f', name],
        { cwd: dir },
      );
      pub[name] = (await readFile(join(dir, `${name}.pub`), 'utf8')).trim();
    }
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(TYPES)('an SSH tag signature with %s', (type) => {
  const key = `maintainer-${type}`;
  const payload = payloadOf('v1.0.0');

  it('passes when signed by the allowed key, as ssh-keygen agrees', async () => {
    const verdict = await judge(line(key), payload, await sshSign(key, payload));
    expect(verdict).toEqual({ problem: undefined, sshKeygen: true });
  });

  it('is refused in another namespace', async () => {
    const verdict = await judge(line(key), payload, await sshSign(key, payload, 'file'));
    expect(verdict.sshKeygen).toBe(false);
    expect(verdict.problem).toMatch(/for namespace "file", not "git"/);
  });

  it('is refused when another key signed', async () => {
    const verdict = await judge(line(key), payload, await sshSign(`someone-${type}`, payload));
    expect(verdict.sshKeygen).toBe(false);
    expect(verdict.problem).toMatch(
      /signed by the SSH key .* which is not one of the allowed keys/,
    );
  });

  it('is refused over a tampered payload', async () => {
    const signature = await sshSign(key, payload);
    const verdict = await judge(line(key), payloadOf('v1.0.0', 'Release v1.0.0!'), signature);
    expect(verdict.sshKeygen).toBe(false);
    expect(verdict.problem).toMatch(/does not match the signed payload/);
  });
});

/** An SSHSIG blob around `sig`, armored as ssh-keygen armors it. */
function armor(
  publicKey: Buffer,
  namespace: string,
  hash: 'sha256' | 'sha512',
  sig: (data: Buffer) => Buffer,
  payload: string,
) {
  const digest = createHash(hash).update(payload).digest();
  const data = Buffer.concat([
    Buffer.from('SSHSIG'),
    sshString(namespace),
    sshString(''),
    sshString(hash),
    sshString(digest),
  ]);
  const version = Buffer.alloc(4);
  version.writeUInt32BE(1);
  const blob = Buffer.concat([
    Buffer.from('SSHSIG'),
    version,
    sshString(publicKey),
    sshString(namespace),
    sshString(''),
    sshString(hash),
    sshString(sig(data)),
  ]);
  const lines = blob.toString('base64').match(/.{1,70}/g) ?? [];
  return `-----BEGIN SSH SIGNATURE-----\n${lines.join('\n')}\n-----END SSH SIGNATURE-----\n`;
}

function mpint(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  return sshString(
    (trimmed[0] as number) & 0x80 ? Buffer.concat([Buffer.alloc(1), trimmed]) : trimmed,
  );
}

describe('SSH signatures assembled from node:crypto, judged by ssh-keygen too', () => {
  const payload = payloadOf('v1.0.0');
  let rsa: KeyObject;
  let rsaBlob: Buffer;

  beforeAll(async () => {
    // ssh-keygen rewrites the private key as PEM, which node:crypto reads.
    execFileSync(
      'ssh-keygen',
      ['-q', '-p', '-N', '', '-P', '', '-m', 'PEM', '-f', 'maintainer-rsa'],
      { cwd: dir },
    );
    rsa = createPrivateKey(await readFile(join(dir, 'maintainer-rsa'), 'utf8'));
    rsaBlob = Buffer.from((pub['maintainer-rsa'] as string).split(' ')[1] as string, 'base64');
  });

  it.each([
    ['rsa-sha2-256', 'sha256', true],
    ['rsa-sha2-512', 'sha512', true],
    ['ssh-rsa', 'sha1', false],
  ] as const)('an RSA signature %s: accepted %s', async (algorithm, hash, accepted) => {
    const signature = armor(
      rsaBlob,
      'git',
      'sha256',
      (data) => Buffer.concat([sshString(algorithm), sshString(sign(hash, data, rsa))]),
      payload,
    );
    const verdict = await judge(line('maintainer-rsa'), payload, signature);
    expect(verdict.sshKeygen).toBe(accepted);
    if (accepted) expect(verdict.problem).toBeUndefined();
    else expect(verdict.problem).toMatch(/SHA-1 \(ssh-rsa\), which is not accepted/);
  });

  /** A security-key key pair, its public blob and a signer of the u2f structure. */
  function securityKey(kind: 'ed25519' | 'ecdsa') {
    const { publicKey, privateKey } =
      kind === 'ed25519'
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    const type =
      kind === 'ed25519' ? 'sk-ssh-ed25519@openssh.com' : 'sk-ecdsa-sha2-nistp256@openssh.com';
    const point =
      kind === 'ed25519'
        ? sshString(Buffer.from(jwk.x as string, 'base64url'))
        : Buffer.concat([
            sshString('nistp256'),
            sshString(
              Buffer.concat([
                Buffer.from([4]),
                Buffer.from(jwk.x as string, 'base64url'),
                Buffer.from(jwk.y as string, 'base64url'),
              ]),
            ),
          ]);
    const blob = Buffer.concat([sshString(type), point, sshString('ssh:')]);
    const signer = (flags: number) => (data: Buffer) => {
      const sha256 = (b: Buffer) => createHash('sha256').update(b).digest();
      const tail = Buffer.from([flags, 0, 0, 0, 7]);
      const signed = Buffer.concat([sha256(Buffer.from('ssh:')), tail, sha256(data)]);
      const raw =
        kind === 'ed25519'
          ? sshString(sign(null, signed, privateKey))
          : (() => {
              const rs = sign('sha256', signed, { key: privateKey, dsaEncoding: 'ieee-p1363' });
              return sshString(Buffer.concat([mpint(rs.subarray(0, 32)), mpint(rs.subarray(32))]));
            })();
      return Buffer.concat([sshString(type), raw, tail]);
    };
    return { line: `maintainer@example.com ${type} ${blob.toString('base64')}`, blob, signer };
  }

  it.each(['ed25519', 'ecdsa'] as const)(
    'a security key (%s) signature with user presence passes',
    async (kind) => {
      const sk = securityKey(kind);
      const verdict = await judge(
        sk.line,
        payload,
        armor(sk.blob, 'git', 'sha512', sk.signer(0x01), payload),
      );
      expect(verdict).toEqual({ problem: undefined, sshKeygen: true });
    },
  );

  it.each(['ed25519', 'ecdsa'] as const)(
    'a security key (%s) signature without user presence is refused',
    async (kind) => {
      const sk = securityKey(kind);
      const verdict = await judge(
        sk.line,
        payload,
        armor(sk.blob, 'git', 'sha512', sk.signer(0x00), payload),
      );
      // Stricter than ssh-keygen 9.2, which takes it: without a touch, malware on the maintainer's
      // machine could sign with a plugged-in key (a no-touch-required key is refused here).

      expect(verdict.problem).toMatch(/does not report user presence/);
    },
  );

  it('a security key signature over other bytes is refused', async () => {
    const sk = securityKey('ed25519');
    const signature = armor(sk.blob, 'git', 'sha512', sk.signer(0x01), payloadOf('v0.9.0'));
    const verdict = await judge(sk.line, payload, signature);
    expect(verdict.sshKeygen).toBe(false);
    expect(verdict.problem).toMatch(/does not match the signed payload/);
  });
});

describe('allowed-signers options, as ssh-keygen honours them', () => {
  const key = 'maintainer-ed25519';
  const payload = payloadOf('v1.0.0');

  it.each([
    ['namespaces="git"', true],
    ['namespaces="g*,file"', true],
    ['namespaces="file"', false],
    ['namespaces="*,!git"', false],
    ['valid-after="20260101Z"', true],
    ['valid-after="20261101120001Z"', false],
    ['valid-before="20261101120000Z"', true],
    ['valid-before="202611011159Z"', false],
    ['namespaces="git",valid-after="20250101",valid-before="20270101"', true],
    ['valid-before="202611011159UTC"', false],
  ])('%s: accepted %s', async (options, accepted) => {
    const verdict = await judge(line(key, options), payload, await sshSign(key, payload));
    expect(verdict.sshKeygen).toBe(accepted);
    if (accepted) expect(verdict.problem).toBeUndefined();
    else
      expect(verdict.problem).toMatch(
        /not allowed to sign in namespace|is valid only (from|until)/,
      );
  });

  it.each([
    ['cert-authority', /cert-authority line, and SSH certificates are not checked/],
    ['no-touch-required', /option "no-touch-required" is not one of/],
    ['valid-before=20270101', /option "valid-before=20270101" is not one of/],
    ['valid-before="20271301"', /valid-before "20271301" is not a time/],
  ])('refuses the line with %s, which ssh-keygen does not accept either', async (options, why) => {
    const signature = await sshSign(key, payload);
    expect(await oracle(line(key, options), payload, signature)).toBe(false);
    await expect(loadTagSigners([line(key, options)], dir)).rejects.toThrow(why);
  });

  it('passes a message hashed with sha256 (`-O hashalg=sha256`)', async () => {
    const signature = await sshSign(key, payload, 'git', ['-O', 'hashalg=sha256']);
    expect(await judge(line(key), payload, signature)).toEqual({
      problem: undefined,
      sshKeygen: true,
    });
  });

  it.each([
    ['namespaces="file"', 'namespaces="git"', true],
    ['namespaces="file"', 'valid-before="20260101Z"', false],
  ])('takes any of the lines of one key: %s, then %s: accepted %s', async (a, b, accepted) => {
    const signature = await sshSign(key, payload);
    const verdict = await judge(`${line(key, a)}\n${line(key, b)}`, payload, signature);
    expect(verdict.sshKeygen).toBe(accepted);
    if (accepted) expect(verdict.problem).toBeUndefined();
    else expect(verdict.problem).toMatch(/namespace "git" .*; .* is valid only until/);
  });

  it('takes a bare public key line (a .pub file) for any namespace and time', async () => {
    const verdict = await judge(pub[key] as string, payload, await sshSign(key, payload));
    expect(verdict.problem).toBeUndefined();
  });

  it('reads a file mixing comments, allowed_signers and public key lines', async () => {
    await writeFile(
      join(dir, 'allowed_signers'),
      `# maintainers\n\n"maintainer@example.com,ci@example.com" namespaces="git" ${pub['maintainer-ecdsa-256']}\n${pub['maintainer-rsa']}\n`,
    );
    const signers = await loadTagSigners(['allowed_signers'], dir);
    expect(signers.ssh.map((s) => [s.keyType, s.principals, s.origin])).toEqual([
      ['ecdsa-sha2-nistp256', 'maintainer@example.com,ci@example.com', 'allowed_signers:3'],
      ['ssh-rsa', undefined, 'allowed_signers:4'],
    ]);
    const signature = await sshSign('maintainer-ecdsa-256', payload);
    expect(
      await tagSignatureProblem(resolved('v1.0.0', payload, signature), signers),
    ).toBeUndefined();
  });

  it('names the file and line of an entry that is no key', async () => {
    await writeFile(join(dir, 'signers'), `${pub[key]}\nnot a key\n`);
    await expect(loadTagSigners(['signers'], dir)).rejects.toThrow(
      /has an entry that is neither .*"signers:2: not a key"/,
    );
  });

  it('refuses unknown key types and certificates by name', () => {
    expect(() => readSshSignerLine('ssh-dss AAAAB3NzaC1kc3M= x', 'here', 'tag-signers')).toThrow(
      /key type "ssh-dss" is not one of/,
    );
    expect(() =>
      readSshSignerLine('ssh-ed25519-cert-v01@openssh.com AAAA x', 'here', 'tag-signers'),
    ).toThrow(/SSH certificate/);
    expect(() =>
      readSshSignerLine(
        'ssh-rsa AAAAC3NzaC1lZDI1NTE5AAAAIBzFNHTSMiixpIhRRoPYOPHZnqXldhSs7K1cijNtjUVl',
        'here',
        'tag-signers',
      ),
    ).toThrow(/"ssh-ed25519" key, not ssh-rsa/);
  });

  it('refuses a malformed signature block', async () => {
    const signers = await loadTagSigners([pub[key] as string], dir);
    const broken = '-----BEGIN SSH SIGNATURE-----\nU1NIU0lHAAAAAg==\n-----END SSH SIGNATURE-----\n';
    expect(await tagSignatureProblem(resolved('v1.0.0', payload, broken), signers)).toMatch(
      /malformed: its version is 2, not 1/,
    );
  });

  it('says when an SSH-signed tag meets only OpenPGP keys, and the other way round', async () => {
    const signature = await sshSign(key, payload);
    expect(
      await tagSignatureProblem(resolved('v1.0.0', payload, signature), { openpgp: [], ssh: [] }),
    ).toMatch(/tag-signers holds no SSH key/);
    const pgp = '-----BEGIN PGP SIGNATURE-----\n\n-----END PGP SIGNATURE-----\n';
    expect(
      await tagSignatureProblem(
        resolved('v1.0.0', payload, pgp),
        await loadTagSigners([pub[key] as string], dir),
      ),
    ).toMatch(/holds no OpenPGP key/);
  });
});

describe('a tag made by `git tag -s` with gpg.format=ssh', () => {
  let repo: string;
  const git = (args: string[], env: Record<string, string> = {}) =>
    spawnSync('git', args, {
      cwd: repo,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_COMMITTER_DATE: `${WHEN} +0000`,
        GIT_AUTHOR_DATE: `${WHEN} +0000`,
        ...env,
      },
    });

  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'ssh-tag-'));
    for (const args of [
      ['init', '-q'],
      ['config', 'user.name', 'Maintainer'],
      ['config', 'user.email', 'maintainer@example.com'],
      ['config', 'gpg.format', 'ssh'],
      ['config', 'user.signingkey', join(dir, 'maintainer-ed25519')],
      ['commit', '-q', '--allow-empty', '-m', 'release'],
      ['tag', '-s', 'v1.2.3', '-m', 'Release v1.2.3'],
    ]) {
      const run = git(args);
      expect(run.status, run.stderr).toBe(0);
    }
  });
  afterAll(async () => {
    await rm(repo, { recursive: true, force: true });
  });

  /** The tag object split as GitHub's git data API splits it: payload, then the signature. */
  function tagFromGit(): ResolvedTag {
    const object = git(['cat-file', 'tag', 'v1.2.3']).stdout;
    const at = object.indexOf('-----BEGIN SSH SIGNATURE-----');
    expect(at).toBeGreaterThan(0);
    const commit = git(['rev-parse', 'HEAD']).stdout.trim();
    return {
      ...resolved('v1.2.3', object.slice(0, at), object.slice(at)),
      commit,
    };
  }

  it.each([
    ['maintainer-ed25519', true],
    ['someone-ed25519', false],
  ])('with %s allowed: accepted %s, as `git verify-tag` agrees', async (allowed, accepted) => {
    await writeFile(join(dir, 'git-allowed'), `${line(allowed)}\n`);
    const verifyTag = git([
      '-c',
      `gpg.ssh.allowedSignersFile=${join(dir, 'git-allowed')}`,
      'verify-tag',
      'v1.2.3',
    ]);
    expect(verifyTag.status === 0, verifyTag.stderr).toBe(accepted);
    const problem = await tagSignatureProblem(
      tagFromGit(),
      await loadTagSigners(['git-allowed'], dir),
    );
    if (accepted) expect(problem).toBeUndefined();
    else expect(problem).toMatch(/not one of the allowed keys/);
  });
});
