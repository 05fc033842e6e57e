/**
 * The upload half of the Warehouse stand-in: the legacy API's multipart form, read with busboy
 * and kept in memory as it arrives while its sha256 and BLAKE2b-256 are computed, as Warehouse
 * computes both from the bytes it received. Memory, not disk: uploads live as long as the
 * index does, and a test index holds only a few small files.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { createBLAKE2b } from 'hash-wasm';

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

/** Field values past this many bytes are cut (busboy's `fieldSize`). */
const FIELD_LIMIT = 8 * 1024 * 1024;

/** Reads a multipart upload; rejects when the body is not a well-formed multipart form. */
export async function readUploadForm(req: IncomingMessage): Promise<ReceivedForm> {
  const form: ReceivedForm = { fields: new Map() };
  const parser = busboy({ headers: req.headers, limits: { fieldSize: FIELD_LIMIT } });
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
        const blake2b = await createBLAKE2b(256);
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          size += chunk.length;
          sha256.update(chunk);
          blake2b.update(chunk);
          chunks.push(chunk);
        }
        form.file = {
          filename: info.filename ?? '',
          chunks,
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
