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

/**
 * The fingerprint (upper-case hex) of the key gpg signs with: the first usable signing secret
 * key `localUser` names, else the one gpg.conf's `default-key` names, else the keyring's first.
 * Read without the agent, so finding it asks for no passphrase and no smartcard touch.
 */
export async function gpgSigningKey(localUser: string | undefined): Promise<string> {
  const name = localUser ?? (await gpgDefaultKey());
  let stdout: string;
  try {
    ({ stdout } = await run(
      'gpg',
      ['--batch', '--with-colons', '--list-secret-keys', ...(name ? ['--', name] : [])],
      { maxBuffer: 1 << 22 },
    ));
  } catch (error) {
    throw gpgFailure(`list the secret key ${name ?? '(default)'}`, error);
  }
  const fingerprint = firstSigningKey(stdout);
  if (!fingerprint) {
    throw new EnvironmentError(
      `gpg has no usable secret signing key${name ? ` for ${JSON.stringify(name)}` : ''}.`,
      {
        subject: 'local-user',
        hint: 'Check `gpg --list-secret-keys` (and `--local-user <key id>`): the key must be able to sign and be neither expired nor revoked.',
      },
    );
  }
  return fingerprint;
}

/** gpg.conf's `default-key`, as gpgconf reads it; undefined when none is set. */
async function gpgDefaultKey(): Promise<string | undefined> {
  let stdout: string;
  try {
    ({ stdout } = await run('gpgconf', ['--list-options', 'gpg'], { maxBuffer: 1 << 20 }));
  } catch (error) {
    throw gpgFailure('tell its default key (gpgconf --list-options gpg)', error);
  }
  const line = stdout.split('\n').find((l) => l.startsWith('default-key:'));
  const value = line?.split(':')[9] ?? '';
  return value.startsWith('"') ? decodeURIComponent(value.slice(1)) || undefined : undefined;
}

/** In `--with-colons --list-secret-keys` output, the first key that can sign, as gpg picks it. */
export function firstSigningKey(colons: string): string | undefined {
  let primary = false;
  for (const line of colons.split('\n')) {
    const fields = line.split(':');
    if (fields[0] === 'sec') {
      // Validity e(xpired), r(evoked), d(isabled), i(nvalid); an upper-case S: the key can sign.
      primary = !/[erdi]/.test(fields[1] ?? '') && (fields[11] ?? '').includes('S');
    } else if (fields[0] === 'fpr') {
      // The first fpr after a sec record is the primary key's; later ones are subkeys'.
      if (primary) return (fields[9] ?? '').toUpperCase();
      primary = false;
    }
  }
  return undefined;
}
