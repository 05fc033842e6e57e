import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  DIGEST_CHUNK_BYTES,
  blake2bHasher
} from "./chunks/chunk-47KJ3HN6.js";
import "./chunks/chunk-OHTIYD5V.js";

// src/hash-worker.ts
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import { parentPort } from "node:worker_threads";
var buffer = Buffer.allocUnsafe(DIGEST_CHUNK_BYTES);
async function hash(job) {
  const sha256 = createHash("sha256");
  const blake2b = job.blake2b ? await blake2bHasher() : void 0;
  let fd;
  try {
    fd = openSync(job.path, "r");
    let size = 0;
    for (; ; ) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      const chunk = buffer.subarray(0, n);
      sha256.update(chunk);
      blake2b?.update(chunk);
      size += n;
    }
    return {
      id: job.id,
      size,
      sha256: sha256.digest("hex"),
      ...blake2b ? { blake2b256: blake2b.digest("hex") } : {}
    };
  } catch (error) {
    const { message, code } = error;
    return { id: job.id, error: { message: String(message), ...code ? { code } : {} } };
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
parentPort?.on("message", (job) => {
  void hash(job).then((answer) => parentPort?.postMessage(answer));
});
