import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { open } from 'node:fs/promises';

/** Read size per chunk: large enough for hashing throughput, small enough to keep memory flat. */
export const DIGEST_CHUNK_BYTES = 1024 * 1024;

export interface FileDigests {
  size: number;
  /** Lowercase hex SHA-256. */
  sha256: string;
  /** Lowercase hex BLAKE2b with a 256-bit output (PyPI's `blake2_256_digest`). */
  blake2b256: string;
}

export interface Sha256Digest {
  size: number;
  /** Lowercase hex SHA-256. */
  sha256: string;
}

/** A fresh BLAKE2b-256 hasher; its WebAssembly loads on first use only. */
export async function blake2bHasher() {
  const { createBLAKE2b } = await import('hash-wasm');
  const hasher = await createBLAKE2b(256);
  hasher.init();
  return hasher;
}

export interface Hasher {
  update(bytes: Uint8Array): unknown;
}

/**
 * Reads a file once through one reused buffer and feeds every hasher. Reusing the buffer keeps
 * memory flat and leaves the garbage collector nothing to do, whatever the file's size.
 */
async function feed(path: string, hashers: Hasher[]): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(DIGEST_CHUNK_BYTES);
    let size = 0;
    for (;;) {
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

/**
 * The same, reading synchronously into the buffer given: for a hashing thread, where blocking
 * stops nothing else and a thread-pool round trip per chunk would cost more than the copy.
 */
export function feedSync(path: string, hashers: Hasher[], buffer: Buffer): number {
  const fd = openSync(path, 'r');
  try {
    let size = 0;
    for (;;) {
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

/** Streams a file once and computes both digests a manifest records. */
export async function digestFile(path: string): Promise<FileDigests> {
  const sha256 = createHash('sha256');
  const blake2b = await blake2bHasher();
  const size = await feed(path, [sha256, blake2b]);
  return { size, sha256: sha256.digest('hex'), blake2b256: blake2b.digest('hex') };
}

/** Streams a file and returns its size and SHA-256: the one digest uploads and provenance use. */
export async function sha256Digest(path: string): Promise<Sha256Digest> {
  const sha256 = createHash('sha256');
  const size = await feed(path, [sha256]);
  return { size, sha256: sha256.digest('hex') };
}

/** Streams a file and returns its BLAKE2b-256 only. */
export async function blake2b256File(path: string): Promise<string> {
  const blake2b = await blake2bHasher();
  await feed(path, [blake2b]);
  return blake2b.digest('hex');
}

/** Streams a file and returns its SHA-256 only (hand-off checks that need no BLAKE2b). */
export async function sha256File(path: string): Promise<string> {
  return (await sha256Digest(path)).sha256;
}
