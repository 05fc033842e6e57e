/**
 * The upload half of the Warehouse stand-in: the legacy API's multipart form, streamed to disk
 * while its sha256 is computed (BLAKE2b once the file is complete), then validated in Warehouse's order with its messages.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import busboy from 'busboy';
import { createBLAKE2b } from 'hash-wasm';

export interface ReceivedForm {
  fields: Map<string, string[]>;
  file?: {
    filename: string;
    path: string;
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
 * counted against either client more than once per file.
 */
const blake2bCache = new Map<string, string>();
const BLAKE2B_CACHE_LIMIT = 10_000;

async function blake2bOf(path: string, sha256: string, size: number): Promise<string> {
  const key = `${sha256}:${size}`;
  const known = blake2bCache.get(key);
  if (known) return known;
  const blake2b = await createBLAKE2b(256);
  blake2b.init();
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }))
    blake2b.update(chunk as Buffer);
  const digest = blake2b.digest('hex');
  if (blake2bCache.size >= BLAKE2B_CACHE_LIMIT) blake2bCache.clear();
  blake2bCache.set(key, digest);
  return digest;
}

/** Reads a multipart upload; the `content` part goes to `dir`. */
export async function readUploadForm(req: IncomingMessage, dir: string): Promise<ReceivedForm> {
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
    const path = join(dir, `${Date.now()}-${Math.random().toString(36).slice(2)}`);
    files.push(
      (async () => {
        const sha256 = createHash('sha256');
        let size = 0;
        const hasher = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            size += chunk.length;
            sha256.update(chunk);
            done(null, chunk);
          },
        });
        await pipeline(stream, hasher, createWriteStream(path));
        const digest = sha256.digest('hex');
        form.file = {
          filename: info.filename ?? '',
          path,
          size,
          sha256: digest,
          blake2b: await blake2bOf(path, digest, size),
          contentType: info.mimeType,
        };
      })(),
    );
  });
  await pipeline(req, parser);
  await Promise.all(files);
  return form;
}
