import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { loadSigningKey } from '../../src/provenance/gpg.ts';
import { verifyDetachedSignature } from '../../src/provenance/gpg-verify.ts';

let dir: string;
let key: { privateKey: string; publicKey: string };
const passphrase = 'correct horse battery staple';

const makeKey = (options: Partial<Parameters<typeof openpgp.generateKey>[0]> = {}) =>
  openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: 'Release Bot', email: 'release@example.org' }],
    format: 'armored',
    ...options,
  } as Parameters<typeof openpgp.generateKey>[0]) as unknown as Promise<{
    privateKey: string;
    publicKey: string;
    revocationCertificate: string;
  }>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gpg-'));
  key = await makeKey({ passphrase });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function gpg(home: string, args: string[]): string {
  return execFileSync('gpg', ['--homedir', home, '--batch', '--no-tty', ...args], {
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

describe('GPG signatures', () => {
  it('writes .asc files that GnuPG 2.2 verifies, and catches a tampered file', async () => {
    const signer = await loadSigningKey(key.privateKey, passphrase);
    const file = join(dir, 'demo-1.0-py3-none-any.whl');
    await writeFile(file, Buffer.alloc(3 * 1024 * 1024, 7));
    const asc = await signer.signFile(file);
    expect(asc).toBe(`${file}.asc`);
    expect(await readFile(asc, 'utf8')).toMatch(/^-----BEGIN PGP SIGNATURE-----/);

    const home = await mkdtemp(join(tmpdir(), 'gnupg-'));
    try {
      await writeFile(join(home, 'key.asc'), key.publicKey);
      gpg(home, ['--import', join(home, 'key.asc')]);
      expect(() => gpg(home, ['--verify', asc, file])).not.toThrow();
      expect(await verifyDetachedSignature(file, asc, key.publicKey)).toBeUndefined();
      await writeFile(file, Buffer.alloc(3 * 1024 * 1024, 8));
      expect(() => gpg(home, ['--verify', asc, file])).toThrow();
      expect(await verifyDetachedSignature(file, asc, key.publicKey)).toMatch(/does not verify/);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });

  it.each([
    [
      'a wrong passphrase',
      async () => [key.privateKey, 'wrong'],
      'gpg-passphrase',
      /does not unlock/,
    ],
    [
      'a locked key without passphrase',
      async () => [key.privateKey, undefined],
      'gpg-passphrase',
      /protected by a passphrase/,
    ],
    [
      'a public key',
      async () => [key.publicKey, passphrase],
      'gpg-private-key',
      /holds a public key/,
    ],
    [
      'garbage',
      async () => ['not a key', undefined],
      'gpg-private-key',
      /not an armored OpenPGP private key/,
    ],
    [
      'an expired key',
      async () => [
        (await makeKey({ date: new Date(Date.now() - 3 * 86_400_000), keyExpirationTime: 86_400 }))
          .privateKey,
        undefined,
      ],
      'gpg-private-key',
      /expired|no valid signing/,
    ],
    [
      'a revoked key',
      async () => {
        const generated = await makeKey();
        const privateKey = await openpgp.readPrivateKey({ armoredKey: generated.privateKey });
        const { privateKey: revoked } = await openpgp.revokeKey({
          key: privateKey,
          format: 'armored',
        });
        return [revoked, undefined];
      },
      'gpg-private-key',
      /revoked/,
    ],
  ] as const)('refuses %s before signing anything', async (_name, make, subject, message) => {
    const [armored, pass] = await make();
    const error = await loadSigningKey(armored as string, pass as string | undefined).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).subject).toBe(subject);
    expect((error as InputError).message).toMatch(message);
  });
});
