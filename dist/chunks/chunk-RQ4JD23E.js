import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createMessage,
  readKey,
  readSignature,
  verify
} from "./chunk-USV4ZTXE.js";

// src/provenance/gpg-verify.ts
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { Readable } from "node:stream";
async function verifyDetachedSignature(path, ascPath, armoredPublicKey) {
  try {
    const verificationKeys = await readKey({ armoredKey: armoredPublicKey });
    const signature = await readSignature({
      armoredSignature: await readFile(ascPath, "utf8")
    });
    const binary = Readable.toWeb(createReadStream(path));
    const message = await createMessage({ binary });
    const result = await verify({
      message,
      signature,
      verificationKeys,
      expectSigned: false
    });
    for await (const _chunk of result.data) void _chunk;
    const [first] = result.signatures;
    if (!first) return `${basename(ascPath)} holds no signature`;
    await first.verified;
    return void 0;
  } catch (error) {
    return `${basename(ascPath)} does not verify: ${error.message}`;
  }
}

export {
  verifyDetachedSignature
};
