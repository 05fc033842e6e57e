/**
 * The upload half of the Warehouse stand-in: the legacy API's multipart form, streamed to disk
 * while both digests are computed, then validated in Warehouse's order with its messages.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
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
        const blake2b = await createBLAKE2b(256);
        blake2b.init();
        let size = 0;
        const hasher = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            size += chunk.length;
            sha256.update(chunk);
            blake2b.update(chunk);
            done(null, chunk);
          },
        });
        await pipeline(stream, hasher, createWriteStream(path));
        form.file = {
          filename: info.filename ?? '',
          path,
          size,
          sha256: sha256.digest('hex'),
          blake2b: blake2b.digest('hex'),
          contentType: info.mimeType,
        };
      })(),
    );
  });
  await pipeline(req, parser);
  await Promise.all(files);
  return form;
}
