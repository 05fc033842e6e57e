/**
 * Signing with the maintainer's own `gpg` on their machine (`release-action sign`), never on a
 * runner: its agent holds the key, so pinentry, smartcards and hardware keys work as they do
 * for `git tag -s`. Detached, armored signatures as twine makes them (`gpg --detach-sign -a`).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import * as openpgp from 'openpgp';
import { EnvironmentError } from '../core/errors.ts';

const run = promisify(execFile);

function gpgFailure(what: string, error: unknown): EnvironmentError {
  const stderr = String((error as { stderr?: unknown }).stderr ?? (error as Error).message);
  return new EnvironmentError(`gpg could not ${what}: ${stderr.trim().split('\n').pop()}`, {
    subject: 'local-user',
    cause: error,
    hint: 'Check `gpg --list-secret-keys` (and `--local-user <key id>`); the agent asks for the passphrase or the smartcard.',
  });
}

/** Writes `output`, an armored detached signature of `path`, with the agent's key. */
export async function gpgDetachSign(
  path: string,
  output: string,
  localUser: string | undefined,
): Promise<void> {
  const args = ['--armor', '--detach-sign', '--yes', '--output', output];
  if (localUser) args.push('--local-user', localUser);
  try {
    await run('gpg', [...args, '--', path], { maxBuffer: 1 << 20 });
  } catch (error) {
    throw gpgFailure(`sign ${path}`, error);
  }
}

/** The fingerprint (upper-case hex) of the key that made an armored signature. */
export async function signerFingerprint(armoredSignature: string): Promise<string> {
  const signature = await openpgp.readSignature({ armoredSignature });
  const packet = signature.packets[0];
  const fingerprint = packet?.issuerFingerprint;
  if (fingerprint) return Buffer.from(fingerprint).toString('hex').toUpperCase();
  return (packet?.issuerKeyID.toHex() ?? '').toUpperCase();
}

/** The armored public key of `keyId`, exported from the local keyring. */
export async function gpgExportPublicKey(keyId: string): Promise<string> {
  try {
    const { stdout } = await run('gpg', ['--armor', '--export', '--', keyId], {
      maxBuffer: 1 << 22,
    });
    if (!stdout.includes('PUBLIC KEY BLOCK')) throw new Error(`no public key for ${keyId}`);
    return stdout;
  } catch (error) {
    throw gpgFailure(`export the public key ${keyId}`, error);
  }
}
