import busboy from 'busboy';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundaryOf, MultipartReader } from '../../sandbox/multipart.ts';

interface Part {
  name: string;
  filename?: string;
  type?: string;
  body: Uint8Array;
}

const BOUNDARY = 'release-action-0123456789abcdef';

function build(parts: Part[], preamble = ''): Buffer {
  const pieces: Buffer[] = [Buffer.from(preamble)];
  for (const p of parts) {
    let head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${p.name}"`;
    if (p.filename !== undefined) head += `; filename="${p.filename}"`;
    head += '\r\n';
    if (p.type) head += `Content-Type: ${p.type}\r\n`;
    pieces.push(Buffer.from(`${head}\r\n`), Buffer.from(p.body), Buffer.from('\r\n'));
  }
  pieces.push(Buffer.from(`--${BOUNDARY}--\r\nepilogue`));
  return Buffer.concat(pieces);
}

type Parsed = Array<{ name: string; filename?: string; type: string; body: string }>;

function ours(body: Buffer, cuts: number[]): Parsed {
  const out: Parsed = [];
  const reader = new MultipartReader(
    boundaryOf(`multipart/form-data; boundary=${BOUNDARY}`),
    (h) => {
      const chunks: Buffer[] = [];
      return {
        data: (c) => void chunks.push(Buffer.from(c)),
        end: () =>
          void out.push({
            name: h.name,
            ...(h.file ? { filename: h.filename ?? '' } : {}),
            type: h.contentType,
            body: Buffer.concat(chunks).toString('hex'),
          }),
      };
    },
  );
  let at = 0;
  for (const cut of [...cuts.filter((c) => c < body.length)].sort((a, b) => a - b)) {
    reader.write(body.subarray(at, cut));
    at = cut;
  }
  reader.write(body.subarray(at));
  reader.end();
  return out;
}

function theirs(body: Buffer): Promise<Parsed> {
  return new Promise((resolve, reject) => {
    const out: Parsed = [];
    const bb = busboy({
      headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      limits: { fieldSize: 1 << 30 },
    });
    bb.on('field', (name, value, info) =>
      out.push({ name, type: info.mimeType, body: Buffer.from(value, 'utf8').toString('hex') }),
    );
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () =>
        out.push({
          name,
          filename: info.filename ?? '',
          type: info.mimeType,
          body: Buffer.concat(chunks).toString('hex'),
        }),
      );
    });
    bb.on('close', () => resolve(out));
    bb.on('error', reject);
    bb.end(body);
  });
}

// Bytes that are likely to look like the start of a boundary.
const tricky = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc
        .constantFrom(
          '\r',
          '\r\n',
          '\r\n-',
          '\r\n--',
          `\r\n--${BOUNDARY.slice(0, 10)}`,
          `\r\n--${BOUNDARY.slice(0, -1)}`,
          `--${BOUNDARY}`,
        )
        .map((t) => new Uint8Array(Buffer.from(t))),
    ),
    { maxLength: 12 },
  )
  .map((list) => new Uint8Array(Buffer.concat(list.map((x) => Buffer.from(x)))));

const part = fc.record(
  {
    name: fc.constantFrom('name', 'version', 'content', 'attestations', 'sha256_digest'),
    filename: fc.constantFrom('x.whl', 'dir/y.tar.gz', ''),
    type: fc.constantFrom('application/octet-stream', 'Text/Plain; charset=utf-8'),
    body: tricky,
  },
  { requiredKeys: ['name', 'body'] },
);

describe('the stand-in reads multipart forms as busboy does', () => {
  it('for any parts, however the body is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(part, { maxLength: 5 }),
        fc.array(fc.nat({ max: 600 }), { maxLength: 8 }),
        fc.boolean(),
        async (parts, cuts, preamble) => {
          // busboy decodes field values as UTF-8 text: compare fields made of text only.
          const textual = parts.map((p) =>
            !p.filename && p.type !== 'application/octet-stream'
              ? { ...p, body: new Uint8Array(Buffer.from(Buffer.from(p.body).toString('utf8'))) }
              : p,
          );
          // A client picks a boundary that no part contains: bodies that do are not forms.
          fc.pre(textual.every((p) => !Buffer.from(p.body).includes(`--${BOUNDARY}`)));
          const body = build(textual, preamble ? 'preamble\r\n' : '');
          // busboy reports a file when its stream ends, which may be after the next field.
          const sorted = (list: Parsed) => list.map((x) => JSON.stringify(x)).sort();
          expect(sorted(ours(body, cuts))).toEqual(sorted(await theirs(body)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a large file in chunks of every size comes back whole', () => {
    const file = Buffer.alloc(300_000, 0x0d);
    const body = build([{ name: 'content', filename: 'big.whl', body: file }]);
    for (const size of [1, 7, 65_536, 1_000_000]) {
      const cuts: number[] = [];
      for (let c = size; c < body.length; c += size) cuts.push(c);
      const [got] = ours(body, cuts);
      expect(got?.body).toBe(file.toString('hex'));
    }
  });

  it('refuses a form cut short and a body that is not multipart', () => {
    const body = build([{ name: 'content', filename: 'x.whl', body: Buffer.from('abc') }]);
    expect(() => ours(body.subarray(0, body.length - 20), [])).toThrow(/Unexpected end of form/);
    expect(() => boundaryOf('application/json')).toThrow(/Unsupported content type/);
    expect(() => boundaryOf('multipart/form-data')).toThrow(/Boundary not found/);
  });
});
