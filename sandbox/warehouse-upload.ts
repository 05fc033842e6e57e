/**
 * The upload half of the Warehouse stand-in: the legacy API's multipart form, kept in memory
 * as it arrives while its sha256 is computed (BLAKE2b once the file is complete), then
 * validated in Warehouse's order with its messages. Memory, not disk: the stand-in shares the
 * machine with the clients it serves, and writing every upload out would be its largest cost.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { blake2bHasher } from '../src/digests/digest.ts';
import { boundaryOf, MultipartReader, type PartSink } from './multipart.ts';

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

/** Field values past this many bytes are cut (as busboy's `fieldSize` would). */
const FIELD_LIMIT = 8 * 1024 * 1024;

/** Reads a multipart upload. */
export async function readUploadForm(req: IncomingMessage): Promise<ReceivedForm> {
  const form: ReceivedForm = { fields: new Map() };
  const finishing: Promise<void>[] = [];
  const discard: PartSink = { data() {}, end() {} };
  const reader = new MultipartReader(boundaryOf(req.headers['content-type']), (part) => {
    if (!part.file) {
      const chunks: Buffer[] = [];
      let size = 0;
      return {
        data(chunk) {
          if (size < FIELD_LIMIT) chunks.push(chunk.subarray(0, FIELD_LIMIT - size));
          size += chunk.length;
        },
        end() {
          const value = Buffer.concat(chunks).toString('utf8');
          form.fields.set(part.name, [...(form.fields.get(part.name) ?? []), value]);
        },
      };
    }
    if (part.name !== 'content') {
      form.tupleField ??= part.name;
      return discard;
    }
    const sha256 = createHash('sha256');
    const chunks: Buffer[] = [];
    let size = 0;
    return {
      data(chunk) {
        size += chunk.length;
        sha256.update(chunk);
        chunks.push(chunk);
      },
      end() {
        const digest = sha256.digest('hex');
        finishing.push(
          blake2bOf(chunks, digest, size).then((blake2b) => {
            form.file = {
              filename: part.filename ?? '',
              chunks,
              size,
              sha256: digest,
              blake2b,
              contentType: part.contentType,
            };
          }),
        );
      },
    };
  });
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const fail = (error: unknown) => {
      // The rest of the body is still read (and dropped), so the refusal can be answered.
      failed = true;
      reject(error as Error);
    };
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      try {
        reader.write(chunk);
      } catch (error) {
        fail(error);
      }
    });
    req.once('end', () => {
      if (failed) return;
      try {
        reader.end();
        resolve();
      } catch (error) {
        fail(error);
      }
    });
    req.once('error', fail);
  });
  await Promise.all(finishing);
  return form;
}
