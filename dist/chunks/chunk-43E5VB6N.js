import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);

// src/digests/digest.ts
import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
var DIGEST_CHUNK_BYTES = 1024 * 1024;
async function blake2bHasher() {
  const { createBLAKE2b } = await import("./index.esm-4ABXUCUV.js");
  const hasher = await createBLAKE2b(256);
  hasher.init();
  return hasher;
}
async function feed(path, hashers) {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.allocUnsafe(DIGEST_CHUNK_BYTES);
    let size = 0;
    for (; ; ) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return size;
      const chunk = buffer.subarray(0, bytesRead);
      for (const hasher of hashers) hasher.update(chunk);
      size += bytesRead;
    }
  } finally {
    await handle.close();
  }
}
function feedSync(path, hashers, buffer) {
  const fd = openSync(path, "r");
  try {
    let size = 0;
    for (; ; ) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) return size;
      const chunk = buffer.subarray(0, n);
      for (const hasher of hashers) hasher.update(chunk);
      size += n;
    }
  } finally {
    closeSync(fd);
  }
}
async function digestFile(path) {
  const sha256 = createHash("sha256");
  const blake2b = await blake2bHasher();
  const size = await feed(path, [sha256, blake2b]);
  return { size, sha256: sha256.digest("hex"), blake2b256: blake2b.digest("hex") };
}
async function sha256Digest(path) {
  const sha256 = createHash("sha256");
  const size = await feed(path, [sha256]);
  return { size, sha256: sha256.digest("hex") };
}
async function sha256File(path) {
  return (await sha256Digest(path)).sha256;
}

export {
  DIGEST_CHUNK_BYTES,
  blake2bHasher,
  feedSync,
  digestFile,
  sha256Digest,
  sha256File
};
