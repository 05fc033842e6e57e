/** Checking detached armored OpenPGP signatures (`<file>.asc`) against a public key. */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import * as openpgp from 'openpgp';

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
