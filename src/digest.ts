import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { createBLAKE2b } from 'hash-wasm';

/** Read size per chunk: large enough for hashing throughput, small enough to keep memory flat. */
export const DIGEST_CHUNK_BYTES = 1024 * 1024;

export interface FileDigests {
  size: number;
  /** Lowercase hex SHA-256. */
  sha256: string;
  /** Lowercase hex BLAKE2b with a 256-bit output (PyPI's `blake2_256_digest`). */
  blake2b256: string;
}

/**
 * Streams a file once and computes both digests PyPI checks, holding at most one chunk in memory.
 */
export async function digestFile(path: string): Promise<FileDigests> {
  const sha256 = createHash('sha256');
  const blake2b = await createBLAKE2b(256);
  blake2b.init();
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: DIGEST_CHUNK_BYTES })) {
    const bytes = chunk as Buffer;
    size += bytes.length;
    sha256.update(bytes);
    blake2b.update(bytes);
  }
  return { size, sha256: sha256.digest('hex'), blake2b256: blake2b.digest('hex') };
}

/** Streams a file and returns its BLAKE2b-256 only. */
export async function blake2b256File(path: string): Promise<string> {
  const blake2b = await createBLAKE2b(256);
  blake2b.init();
  for await (const chunk of createReadStream(path, { highWaterMark: DIGEST_CHUNK_BYTES })) {
    blake2b.update(chunk as Buffer);
  }
  return blake2b.digest('hex');
}

/** Streams a file and returns its SHA-256 only (hand-off checks that need no BLAKE2b). */
export async function sha256File(path: string): Promise<string> {
  const sha256 = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: DIGEST_CHUNK_BYTES })) {
    sha256.update(chunk as Buffer);
  }
  return sha256.digest('hex');
}
