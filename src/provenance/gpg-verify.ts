/** Checking detached armored OpenPGP signatures (`<file>.asc`) against a public key. */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import * as openpgp from 'openpgp';
import { InputError } from '../core/errors.ts';
import { inputFilePath } from '../core/workspace-files.ts';

/**
 * The `public-key` input: an armored OpenPGP public key given inline, or the path of a file
 * holding one (relative to the workspace). Anything else refuses, naming the input.
 */
export async function readArmoredPublicKey(value: string, workspace: string): Promise<string> {
  const refuse = (what: string): InputError =>
    new InputError(`Input "public-key" ${what}.`, {
      subject: 'public-key',
      hint: 'Pass the output of `gpg --armor --export <KEYID>`, or the path of a file with it.',
    });
  if (value.includes('-----BEGIN PGP')) {
    if (!value.includes('-----BEGIN PGP PUBLIC KEY BLOCK-----'))
      throw refuse('is an armored OpenPGP block, but not a public key');
    return value;
  }
  const path = inputFilePath(value, workspace);
  const armored = await readFile(path, 'utf8').catch((error: unknown) => {
    throw refuse(
      `is neither an armored OpenPGP public key nor a file that can be read (${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  });
  if (!armored.includes('-----BEGIN PGP PUBLIC KEY BLOCK-----'))
    throw refuse(`names ${path}, which holds no armored OpenPGP public key`);
  return armored;
}

/** The primary key's fingerprint (upper-case hex); a block that holds no key refuses. */
export async function publicKeyFingerprint(armored: string): Promise<string> {
  try {
    return (await openpgp.readKey({ armoredKey: armored })).getFingerprint().toUpperCase();
  } catch (error) {
    throw new InputError(
      `Input "public-key" holds no usable OpenPGP public key: ${(error as Error).message}`,
      {
        subject: 'public-key',
        cause: error,
        hint: 'Pass the output of `gpg --armor --export <KEYID>`, or the path of a file with it.',
      },
    );
  }
}

/** Why `<path>.asc` is missing or does not verify with the key, or undefined when it does. */
export async function ascProblem(
  path: string,
  armoredPublicKey: string,
): Promise<string | undefined> {
  const asc = `${path}.asc`;
  const exists = await stat(asc).then(
    (s) => s.isFile(),
    () => false,
  );
  return exists
    ? verifyDetachedSignature(path, asc, armoredPublicKey)
    : `${basename(asc)} is missing`;
}

/** Returns why the signature does not verify, or undefined when it does. */
export async function verifyDetachedSignature(
  path: string,
  ascPath: string,
  armoredPublicKey: string,
): Promise<string | undefined> {
  try {
    const verificationKeys = await openpgp.readKey({ armoredKey: armoredPublicKey });
    const signature = await openpgp.readSignature({
      armoredSignature: await readFile(ascPath, 'utf8'),
    });
    const binary = Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>;
    const message = await openpgp.createMessage({ binary });
    const result = await openpgp.verify({
      message,
      signature,
      verificationKeys,
      expectSigned: false,
    });
    // Reading the data drives the streamed verification to its end.
    for await (const _chunk of result.data as unknown as AsyncIterable<unknown>) void _chunk;
    const [first] = result.signatures;
    if (!first) return `${basename(ascPath)} holds no signature`;
    await first.verified;
    return undefined;
  } catch (error) {
    return `${basename(ascPath)} does not verify: ${(error as Error).message}`;
  }
}
