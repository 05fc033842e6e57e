/**
 * Reads one zip entry's bytes exactly as its header declares them: the deflate stream must
 * use up precisely the compressed size, inflate to precisely the uncompressed size and match
 * the CRC-32. Readers that stop at the declared size, at the end of the deflate stream or
 * trust the CRC then all see these same bytes.
 */
import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import { DistributionError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import { hostileArchive } from './archive-checks.ts';
import type { ZipEntry } from './zip-structure.ts';

/** Bytes read from the archive at a time. */
const READ_CHUNK_BYTES = 1024 * 1024;

/** What reading an entry yields: its digests and, when asked for, its bytes. */
export interface EntryContent {
  /** Hex digests by algorithm (`sha256` always). */
  digests: Map<string, string>;
  size: number;
  /** The bytes, when `keep` was set. */
  data?: Buffer;
}

/**
 * Inflates `entry` from `handle`, checking sizes and CRC, hashing with sha256 and `algorithms`.
 * `keep` bytes are returned when the entry is at most that large.
 */
export async function readZipEntry(
  handle: FileHandle,
  entry: ZipEntry,
  filename: string,
  { algorithms = [], keep = 0 }: { algorithms?: string[]; keep?: number } = {},
): Promise<EntryContent> {
  const where = `entry ${quote(entry.name)}`;
  const fail = (why: string) => hostileArchive(filename, `${where} ${why}`);
  const hashes = new Map<string, Hash>(
    ['sha256', ...algorithms].map((algorithm) => [algorithm, createHash(algorithm)]),
  );
  const kept: Buffer[] = [];
  let size = 0;
  let crc = 0;
  const take = (chunk: Buffer) => {
    size += chunk.length;
    if (size > entry.uncompressedSize) throw fail('inflates past its declared size');
    crc = crc32(chunk, crc);
    for (const hash of hashes.values()) hash.update(chunk);
    if (entry.uncompressedSize <= keep) kept.push(chunk);
  };
  if (entry.method === 0) {
    // Stored: the bytes are read as they are, through one buffer (copied only when kept).
    const buffer = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, entry.compressedSize));
    for (let at = 0; at < entry.compressedSize;) {
      const want = Math.min(buffer.length, entry.compressedSize - at);
      const { bytesRead } = await handle.read(buffer, 0, want, entry.dataOffset + at);
      if (bytesRead === 0) break;
      at += bytesRead;
      const chunk = buffer.subarray(0, bytesRead);
      take(entry.uncompressedSize <= keep ? Buffer.from(chunk) : chunk);
    }
  } else {
    const raw =
      entry.compressedSize === 0
        ? []
        : handle.createReadStream({
            start: entry.dataOffset,
            end: entry.dataOffset + entry.compressedSize - 1,
            autoClose: false,
            highWaterMark: READ_CHUNK_BYTES,
          });
    const inflate = createInflateRaw();
    const feeding = (async () => {
      try {
        for await (const chunk of raw) {
          if (inflate.destroyed) break;
          if (!inflate.write(chunk)) await waitDrain(inflate);
        }
      } finally {
        inflate.end();
      }
    })();
    try {
      for await (const chunk of inflate) take(chunk as Buffer);
    } catch (error) {
      if (error instanceof DistributionError) throw error;
      throw fail(`cannot be inflated (${quote(error instanceof Error ? error.message : '')})`);
    } finally {
      inflate.destroy();
      await feeding.catch(() => undefined);
    }
    // The deflate stream must end exactly at the declared compressed size.
    if (inflate.bytesWritten !== entry.compressedSize)
      throw fail('has a deflate stream that does not fill its declared compressed size');
  }
  if (size !== entry.uncompressedSize) throw fail('inflates to less than its declared size');
  if (crc >>> 0 !== entry.crc32) throw fail('does not match its CRC-32');
  const digests = new Map([...hashes].map(([name, hash]) => [name, hash.digest('hex')]));
  return {
    digests,
    size,
    ...(entry.uncompressedSize <= keep ? { data: Buffer.concat(kept) } : {}),
  };
}

/** Resolves on drain, or on close (a destroyed stream never drains). */
function waitDrain(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    stream.once('drain', resolve);
    stream.once('close', resolve);
  });
}
