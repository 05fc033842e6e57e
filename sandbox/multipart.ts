/**
 * A streaming multipart/form-data reader for the Warehouse stand-in. File parts are handed on
 * as views of the received chunks: the boundary is found with Buffer#indexOf (native), and
 * only the few bytes that could begin a boundary at a chunk's end are copied. It reads what
 * HTML forms, twine (requests-toolbelt) and the action send: RFC 7578 parts with
 * Content-Disposition `name`, `filename` (or `filename*`) and Content-Type.
 */

export interface PartHeaders {
  name: string;
  /** A file part: one with a (non-empty) filename or of type application/octet-stream. */
  file: boolean;
  /** The `filename` parameter when not empty, without any path. */
  filename?: string;
  /** `type/subtype`, lowercase; `text/plain` when the part has none. */
  contentType: string;
}

export interface PartSink {
  data(chunk: Buffer): void;
  end(): void;
}

const EMPTY = Buffer.alloc(0);
const CRLF = Buffer.from('\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

/** The boundary of a multipart/form-data Content-Type, or why there is none. */
export function boundaryOf(contentType: string | undefined): string {
  const type = /^\s*multipart\/form-data\s*(;|$)/i.test(contentType ?? '');
  if (!type) throw new Error(`Unsupported content type: ${contentType ?? '(none)'}`);
  const boundary = params(contentType ?? '').get('boundary');
  if (!boundary) throw new Error('Multipart: Boundary not found');
  return boundary;
}

/** `; key=value` parameters of a header value, unquoted; `key*` (RFC 5987) decoded and preferred. */
function params(value: string): Map<string, string> {
  const plain = new Map<string, string>();
  const extended = new Map<string, string>();
  const re = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const key = (m[1] as string).toLowerCase();
    let raw = (m[2] as string).trim();
    if (raw.startsWith('"')) raw = raw.slice(1, -1).replace(/\\(.)/g, '$1');
    if (!key.endsWith('*')) {
      if (!plain.has(key)) plain.set(key, raw);
      continue;
    }
    const ext = /^([^']*)'[^']*'(.*)$/.exec(raw);
    if (!ext) continue;
    const bytes = Buffer.from(
      (ext[2] as string).replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(parseInt(hex, 16)),
      ),
      'latin1',
    );
    const utf8 = /^utf-?8$/i.test(ext[1] as string);
    extended.set(key.slice(0, -1), bytes.toString(utf8 ? 'utf8' : 'latin1'));
  }
  return new Map([...plain, ...extended]);
}

function partHeaders(block: string): PartHeaders | undefined {
  const headers = new Map<string, string>();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get('content-disposition') ?? '';
  if (!/^\s*form-data\s*(;|$)/i.test(disposition)) return undefined;
  const p = params(disposition);
  const name = p.get('name');
  if (name === undefined) return undefined;
  const type = /^\s*([^\s;/]+\/[^\s;]+)/.exec(headers.get('content-type') ?? '');
  const contentType = type ? (type[1] as string).toLowerCase() : 'text/plain';
  const given = p.get('filename');
  // As busboy: an empty filename is none; octet-stream parts are files even without one.
  const filename = given ? (given.split(/[/\\]/).pop() as string) : undefined;
  return {
    name,
    file: filename !== undefined || contentType === 'application/octet-stream',
    ...(filename === undefined ? {} : { filename }),
    contentType,
  };
}

type State = 'preamble' | 'delimiter' | 'headers' | 'body' | 'done';

/** Feed it the body in order with `write`, then `end`; each part goes to `onPart`'s sink. */
export class MultipartReader {
  readonly #delimiter: Buffer;
  readonly #onPart: (headers: PartHeaders) => PartSink;
  #state: State = 'preamble';
  /** Bytes not yet parsed, outside a part's body (small). */
  #pending: Buffer = CRLF;
  /** In a body: bytes at the end of the last chunk that could begin the delimiter. */
  #carry: Buffer = EMPTY;
  #sink: PartSink | undefined;

  constructor(boundary: string, onPart: (headers: PartHeaders) => PartSink) {
    // The first boundary is not preceded by a line break: `#pending` starts with one.
    this.#delimiter = Buffer.from(`\r\n--${boundary}`);
    this.#onPart = onPart;
  }

  write(chunk: Buffer): void {
    let data = chunk;
    while (data.length > 0) {
      if (this.#state === 'done') return;
      data = this.#state === 'body' ? this.#body(data) : this.#framing(data);
    }
  }

  end(): void {
    if (this.#state !== 'done') throw new Error('Unexpected end of form');
  }

  /** Part data up to the next delimiter; returns what follows it (empty: all consumed). */
  #body(input: Buffer): Buffer {
    const delimiter = this.#delimiter;
    let data = input;
    if (this.#carry.length > 0) {
      if (data.length < delimiter.length) {
        data = Buffer.concat([this.#carry, data]);
      } else {
        const carried = this.#carry.length;
        const probe = Buffer.concat([this.#carry, data.subarray(0, delimiter.length - 1)]);
        const at = probe.indexOf(delimiter);
        if (at !== -1 && at < carried) {
          if (at > 0) this.#sink?.data(probe.subarray(0, at));
          this.#carry = EMPTY;
          this.#endPart();
          return data.subarray(at + delimiter.length - carried);
        }
        this.#sink?.data(this.#carry);
      }
      this.#carry = EMPTY;
    }
    const at = data.indexOf(delimiter);
    if (at !== -1) {
      if (at > 0) this.#sink?.data(data.subarray(0, at));
      this.#endPart();
      return data.subarray(at + delimiter.length);
    }
    // Keep from the first CR among the last (delimiter - 1) bytes: only there can it begin.
    const cr = data.indexOf(13, Math.max(0, data.length - (delimiter.length - 1)));
    const cut = cr === -1 ? data.length : cr;
    if (cut > 0) this.#sink?.data(data.subarray(0, cut));
    this.#carry = Buffer.from(data.subarray(cut));
    return EMPTY;
  }

  #endPart(): void {
    this.#sink?.end();
    this.#sink = undefined;
    this.#state = 'delimiter';
  }

  /** The preamble, what follows a delimiter, and part headers. */
  #framing(data: Buffer): Buffer {
    const buf = this.#pending.length > 0 ? Buffer.concat([this.#pending, data]) : data;
    this.#pending = EMPTY;
    const keep = (rest: Buffer): Buffer => {
      this.#pending = Buffer.from(rest);
      return EMPTY;
    };
    if (this.#state === 'preamble') {
      const at = buf.indexOf(this.#delimiter);
      if (at === -1) return keep(buf.subarray(Math.max(0, buf.length - this.#delimiter.length)));
      this.#state = 'delimiter';
      return buf.subarray(at + this.#delimiter.length);
    }
    if (this.#state === 'delimiter') {
      if (buf.length < 2) return keep(buf);
      if (buf[0] === 0x2d && buf[1] === 0x2d) {
        this.#state = 'done';
        return EMPTY;
      }
      const eol = buf.indexOf(CRLF);
      if (eol === -1) {
        if (buf.length > 1024) throw new Error('Malformed part: no line break after a boundary');
        return keep(buf);
      }
      if (!/^[ \t]*$/.test(buf.toString('latin1', 0, eol)))
        throw new Error('Malformed part: text after a boundary');
      this.#state = 'headers';
      return buf.subarray(eol + 2);
    }
    // Part headers, up to an empty line (at once when the part has none).
    const end = buf[0] === 13 && buf[1] === 10 ? -2 : buf.indexOf('\r\n\r\n');
    if (end === -1) {
      if (buf.length > MAX_HEADER_BYTES) throw new Error('Malformed part: headers too large');
      return keep(buf);
    }
    const headers = end < 0 ? undefined : partHeaders(buf.toString('latin1', 0, end));
    this.#sink = headers ? this.#onPart(headers) : { data() {}, end() {} };
    this.#state = 'body';
    return buf.subarray(end + 4);
  }
}
