import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  DIGEST_CHUNK_BYTES,
  blake2bHasher,
  feedSync
} from "./chunks/chunk-43E5VB6N.js";
import "./chunks/chunk-OHTIYD5V.js";

// src/digests/hash-worker.ts
import { createHash } from "node:crypto";
import { parentPort } from "node:worker_threads";
var buffer = Buffer.allocUnsafe(DIGEST_CHUNK_BYTES);
async function hash(job) {
  const sha256 = createHash("sha256");
  const blake2b = job.blake2b ? await blake2bHasher() : void 0;
  try {
    const size = feedSync(job.path, blake2b ? [sha256, blake2b] : [sha256], buffer);
    return {
      id: job.id,
      size,
      sha256: sha256.digest("hex"),
      ...blake2b ? { blake2b256: blake2b.digest("hex") } : {}
    };
  } catch (error) {
    const { message, code } = error;
    return { id: job.id, error: { message: String(message), ...code ? { code } : {} } };
  }
}
parentPort?.on("message", (job) => {
  void hash(job).then((answer) => parentPort?.postMessage(answer));
});
