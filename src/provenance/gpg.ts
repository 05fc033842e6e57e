/**
 * Optional detached, armored OpenPGP signatures (`<file>.asc`) made with openpgp. The key is
 * checked completely before any signature is written: private, unlocked, not expired, not
 * revoked, able to sign. v4 keys (e.g. EdDSA curve25519Legacy or RSA) verify with GnuPG 2.2.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import * as openpgp from 'openpgp';
import { InputError } from '../core/errors.ts';

export interface GpgSigner {
  /** Upper-case hex fingerprint of the primary key. */
  fingerprint: string;
  userIds: string[];
  /** Writes `<path>.asc` and returns its path. */
  signFile(path: string): Promise<string>;
}

const KEY_INPUT = 'gpg-private-key';
const PASSPHRASE_INPUT = 'gpg-passphrase';

/** Reads, unlocks and checks the key; every problem is an InputError naming the input. */
export async function loadSigningKey(
  armoredKey: string,
  passphrase: string | undefined,
): Promise<GpgSigner> {
  let key: openpgp.PrivateKey;
  try {
    key = await openpgp.readPrivateKey({ armoredKey });
  } catch (error) {
    const isPublic = /PUBLIC KEY BLOCK/.test(armoredKey);
    throw new InputError(
      isPublic
        ? `Input "${KEY_INPUT}" holds a public key; signing needs the private key.`
        : `Input "${KEY_INPUT}" is not an armored OpenPGP private key.`,
      {
        subject: KEY_INPUT,
        cause: error,
        hint: 'Store the output of `gpg --armor --export-secret-keys <KEYID>` in a secret and pass it as `gpg-private-key: ${{ secrets.GPG_PRIVATE_KEY }}`.',
      },
    );
  }
  const unlocked = await unlock(key, passphrase);
  await checkUsable(unlocked);
  return {
    fingerprint: unlocked.getFingerprint().toUpperCase(),
    userIds: unlocked.getUserIDs(),
    signFile: (path) => signFile(unlocked, path),
  };
}

async function unlock(
  key: openpgp.PrivateKey,
  passphrase: string | undefined,
): Promise<openpgp.PrivateKey> {
  if (key.isDecrypted()) return key;
  if (!passphrase) {
    throw new InputError(
      `The key in "${KEY_INPUT}" is protected by a passphrase, and "${PASSPHRASE_INPUT}" is empty.`,
      {
        subject: PASSPHRASE_INPUT,
        hint: 'Pass it as `gpg-passphrase: ${{ secrets.GPG_PASSPHRASE }}`.',
      },
    );
  }
  try {
    return await openpgp.decryptKey({ privateKey: key, passphrase });
  } catch (error) {
    throw new InputError(`Input "${PASSPHRASE_INPUT}" does not unlock the key in "${KEY_INPUT}".`, {
      subject: PASSPHRASE_INPUT,
      cause: error,
      hint: 'Check that the secret holds the passphrase of this very key.',
    });
  }
}

async function checkUsable(key: openpgp.PrivateKey): Promise<void> {
  const fingerprint = key.getFingerprint().toUpperCase();
  const fix =
    'Extend the key (`gpg --quick-set-expire`) or create a new signing key, then update the secret.';
  if (await key.isRevoked()) {
    throw new InputError(`The key ${fingerprint} in "${KEY_INPUT}" is revoked.`, {
      subject: KEY_INPUT,
      hint: fix,
    });
  }
  const expires = await key.getExpirationTime();
  if (expires instanceof Date && expires.getTime() <= Date.now()) {
    throw new InputError(
      `The key ${fingerprint} in "${KEY_INPUT}" expired on ${expires.toISOString()}.`,
      {
        subject: KEY_INPUT,
        hint: fix,
      },
    );
  }
  try {
    await key.getSigningKey();
  } catch (error) {
    throw new InputError(
      `The key ${fingerprint} in "${KEY_INPUT}" has no valid signing (sub)key.`,
      {
        subject: KEY_INPUT,
        cause: error,
        hint: fix,
      },
    );
  }
}

/** Streams the file through the signer and writes the armored signature atomically. */
async function signFile(key: openpgp.PrivateKey, path: string): Promise<string> {
  const binary = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
  const message = await openpgp.createMessage({ binary });
  const signature = await openpgp.sign({
    message,
    signingKeys: key,
    detached: true,
    format: 'armored',
  });
  const target = `${path}.asc`;
  const partial = `${target}.partial`;
  const out = createWriteStream(partial);
  try {
    for await (const chunk of signature as unknown as AsyncIterable<string>) out.write(chunk);
    out.end();
    await finished(out);
    await rename(partial, target);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  return target;
}
