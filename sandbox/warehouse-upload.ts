/**
 * The upload half of the Warehouse stand-in: the legacy API's multipart form, kept in memory
 * as it arrives while its sha256 is computed (BLAKE2b once the file is complete), then
 * validated in Warehouse's order with its messages. Memory, not disk: the stand-in shares the
 * machine with the clients it serves, and writing every upload out would be its largest cost.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { blake2bHasher } from '../src/digest.ts';

export interface ReceivedForm {
  fields: Map<string, string[]>;
  file?: {
    filename: string;
    /** The file's bytes as received. */
    chunks: Buffer[];
    size: number;
    sha256: string;
    blake2b: string;
    contentType: string;
  };
  /** A non-`content` field sent as a file part (Warehouse: "Should not be a tuple"). */
  tupleField?: string;
}

/**
 * BLAKE2b-256 by sha256 and size, shared by every index in the process. The stand-in runs on
 * the same cores as the clients it serves; benchmarks upload the same files again and again,
 * and this keeps Warehouse's BLAKE2b (which PyPI computes on its own servers) from being
 * counted against either client more than once per file. Upload receiver threads use the
 * main thread's memo through `useBlake2bMemo`.
 */
export interface Blake2bMemo {
  get(key: string): string | undefined | Promise<string | undefined>;
  set(key: string, digest: string): void;
}

const blake2bCache = new Map<string, string>();
const BLAKE2B_CACHE_LIMIT = 10_000;

/** This thread's own memo: the one receivers ask. */
export const localBlake2bMemo: Blake2bMemo = {
  get: (key) => blake2bCache.get(key),
  set(key, digest) {
    if (blake2bCache.size >= BLAKE2B_CACHE_LIMIT) blake2bCache.clear();
    blake2bCache.set(key, digest);
  },
};

let memo: Blake2bMemo = localBlake2bMemo;

/** Makes this thread remember BLAKE2b digests in `shared` instead of its own memo. */
export function useBlake2bMemo(shared: Blake2bMemo): void {
  memo = shared;
}

async function blake2bOf(chunks: Buffer[], sha256: string, size: number): Promise<string> {
  const key = `${sha256}:${size}`;
  const known = await memo.get(key);
  if (known) return known;
  const blake2b = await blake2bHasher();
  for (const chunk of chunks) blake2b.update(chunk);
  const digest = blake2b.digest('hex');
  memo.set(key, digest);
  return digest;
}

/** Reads a multipart upload. */
export async function readUploadForm(req: IncomingMessage): Promise<ReceivedForm> {
  const form: ReceivedForm = { fields: new Map() };
  const parser = busboy({ headers: req.headers, limits: { fieldSize: 8 * 1024 * 1024 } });
  const files: Promise<void>[] = [];
  parser.on('field', (name, value) =>
    form.fields.set(name, [...(form.fields.get(name) ?? []), value]),
  );
  parser.on('file', (name, stream, info) => {
    if (name !== 'content') {
      form.tupleField ??= name;
      stream.resume();
      return;
    }
    files.push(
      (async () => {
        const sha256 = createHash('sha256');
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          sha256.update(chunk);
          chunks.push(chunk);
        });
        await new Promise<void>((resolve, reject) => {
          stream.once('end', resolve);
          stream.once('error', reject);
        });
        const digest = sha256.digest('hex');
        form.file = {
          filename: info.filename ?? '',
          chunks,
          size,
          sha256: digest,
          blake2b: await blake2bOf(chunks, digest, size),
          contentType: info.mimeType,
        };
      })(),
    );
  });
  await pipeline(req, parser);
  await Promise.all(files);
  return form;
}
