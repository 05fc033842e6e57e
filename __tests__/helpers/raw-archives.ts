/**
 * Byte-level archive writers for the constructions that libraries refuse to write: zips
 * whose local and central headers disagree, with gaps, prefixes, two directories, lying
 * zip64 fields; tars with hand-made pax, GNU long-name and old-style headers.
 */
import { createHash } from 'node:crypto';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';

export interface RawZipEntry {
  name: string;
  data?: string | Uint8Array;
  /** 0 stored, 8 deflate (default), or another method id written as is. */
  method?: number;
  flags?: number;
  /** Local-header overrides (the central header keeps the true values). */
  local?: { name?: string; flags?: number; method?: number; crc?: number; size?: number };
  /** Central overrides. */
  crc?: number;
  uncompressedSize?: number;
  centralExtra?: Buffer;
  /** Local header offset written in the central entry instead of the real one. */
  localOffset?: number;
  /** Unix mode for the external attributes. */
  mode?: number;
}

export interface RawZipOptions {
  /** Bytes before the first entry (a self-extractor stub). */
  prefix?: Uint8Array;
  /** Bytes between every two entries. */
  gap?: Uint8Array;
  /** Added to the central directory offset in the end record. */
  offsetShift?: number;
  /** Archive comment; trailing bytes after the end record. */
  comment?: Uint8Array;
  trailing?: Uint8Array;
  /** Entry count written in the end record (default: the real count). */
  count?: number;
}

const bytes = (data: string | Uint8Array | undefined) =>
  Buffer.from(typeof data === 'string' ? data : (data ?? new Uint8Array()));

/** A zip written field by field. */
export function rawZip(entries: RawZipEntry[], options: RawZipOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const push = (part: Uint8Array) => {
    parts.push(Buffer.from(part));
    offset += part.length;
  };
  // Entries sharing one buffer (a bomb of many equal members) are deflated once.
  const deflated = new Map<RawZipEntry['data'], Buffer>();
  const deflate = (entry: RawZipEntry, data: Buffer): Buffer => {
    const shared = typeof entry.data === 'object';
    const known = shared ? deflated.get(entry.data) : undefined;
    if (known) return known;
    const result = deflateRawSync(data);
    if (shared) deflated.set(entry.data, result);
    return result;
  };
  if (options.prefix) push(options.prefix);
  entries.forEach((entry, index) => {
    if (index > 0 && options.gap) push(options.gap);
    const data = bytes(entry.data);
    const method = entry.method ?? 8;
    const stored = method === 8 ? deflate(entry, data) : data;
    const crc = entry.crc ?? crc32(data);
    const name = Buffer.from(entry.name);
    const flags =
      (entry.flags ?? 0) | ([...entry.name].some((c) => c.charCodeAt(0) > 0x7f) ? 0x800 : 0);
    const localName = Buffer.from(entry.local?.name ?? entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.local?.flags ?? flags, 6);
    local.writeUInt16LE(entry.local?.method ?? method, 8);
    local.writeUInt32LE(entry.local?.crc ?? crc, 14);
    local.writeUInt32LE(stored.length, 18);
    local.writeUInt32LE(entry.local?.size ?? entry.uncompressedSize ?? data.length, 22);
    local.writeUInt16LE(localName.length, 26);
    const localOffset = offset;
    push(Buffer.concat([local, localName, stored]));
    const extra = entry.centralExtra ?? Buffer.alloc(0);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(0x031e, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(stored.length, 20);
    header.writeUInt32LE(entry.uncompressedSize ?? data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt16LE(extra.length, 30);
    header.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38);
    header.writeUInt32LE(entry.localOffset ?? localOffset, 42);
    central.push(Buffer.concat([header, name, extra]));
  });
  const directory = Buffer.concat(central);
  const directoryOffset = offset;
  push(directory);
  const comment = bytes(options.comment);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.count ?? entries.length, 8);
  end.writeUInt16LE(options.count ?? entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(directoryOffset + (options.offsetShift ?? 0), 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...parts, end, comment, bytes(options.trailing)]);
}

/** RECORD rows for `entries` (plus RECORD itself), as a wheel builder writes them. */
export function recordFor(entries: RawZipEntry[], info: string): string {
  const rows = entries
    .filter((e) => !e.name.endsWith('/'))
    .map((e) => {
      const data = bytes(e.data);
      return `${e.name},sha256=${createHash('sha256').update(data).digest('base64url')},${data.length}\n`;
    });
  return `${rows.join('')}${info}/RECORD,,\n`;
}

/** The entries of a minimal valid wheel `demo-1.0-py3-none-any.whl`, RECORD last. */
export function rawWheelEntries(extra: RawZipEntry[] = []): RawZipEntry[] {
  const info = 'demo-1.0.dist-info';
  const files: RawZipEntry[] = [
    { name: 'demo/__init__.py', data: 'print("hello")\n' },
    ...extra,
    {
      name: `${info}/METADATA`,
      data: 'Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n',
    },
    {
      name: `${info}/WHEEL`,
      data: 'Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
    },
  ];
  return [...files, { name: `${info}/RECORD`, data: recordFor(files, info) }];
}

export interface TarHeaderSpec {
  name: string;
  size?: number;
  /** Typeflag character, default '0'. */
  type?: string;
  linkname?: string;
  prefix?: string;
  /** 'posix' (default), 'gnu' or 'v7' (no magic). */
  magic?: 'posix' | 'gnu' | 'v7';
  /** Written as is instead of the computed checksum. */
  checksum?: number;
}

/** One 512-byte tar header. */
export function tarHeader(spec: TarHeaderSpec): Buffer {
  const block = Buffer.alloc(512);
  block.write(spec.name, 0, 100, 'utf8');
  block.write('0000644\0', 100);
  block.write('0000000\0', 108);
  block.write('0000000\0', 116);
  block.write(`${(spec.size ?? 0).toString(8).padStart(11, '0')}\0`, 124);
  block.write('14524210600\0', 136);
  block.write(spec.type ?? '0', 156, 'latin1');
  if (spec.linkname) block.write(spec.linkname, 157, 100);
  const magic = spec.magic ?? 'posix';
  if (magic === 'posix') block.write('ustar\u000000', 257, 'latin1');
  if (magic === 'gnu') block.write('ustar  \u0000', 257, 'latin1');
  if (spec.prefix) block.write(spec.prefix, 345, 155);
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${(spec.checksum ?? sum).toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return block;
}

const pad = (data: Buffer) =>
  Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);

/** A member: header and padded data. */
export function tarMember(spec: TarHeaderSpec, data: string | Buffer = ''): Buffer {
  const body = Buffer.from(data);
  return Buffer.concat([tarHeader({ size: body.length, ...spec }), pad(body)]);
}

/** A pax extended header (`x`, or `g` for global) carrying `records`. */
export function paxHeader(records: Record<string, string>, type: 'x' | 'g' = 'x'): Buffer {
  const text = Object.entries(records)
    .map(([key, value]) => {
      const tail = ` ${key}=${value}\n`;
      let length = Buffer.byteLength(tail) + 1;
      while (String(length).length + Buffer.byteLength(tail) !== length) length++;
      return `${length}${tail}`;
    })
    .join('');
  return tarMember({ name: 'PaxHeader', type }, text);
}

/** A GNU long-name header for `name`. */
export function gnuLongName(name: string): Buffer {
  return tarMember({ name: '././@LongLink', type: 'L', magic: 'gnu' }, `${name}\0`);
}

/** Tar bytes: the blocks, then the end-of-archive zeros. */
export function tarBytes(...blocks: Buffer[]): Buffer {
  return Buffer.concat([...blocks, Buffer.alloc(1024)]);
}

/** The members of `demo-1.0.tar.gz` around `middle`. */
export function rawSdistTar(...middle: Buffer[]): Buffer {
  return tarBytes(
    tarMember({ name: 'demo-1.0/PKG-INFO' }, 'Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n'),
    ...middle,
    tarMember({ name: 'demo-1.0/setup.py' }, 'print("setup")\n'),
  );
}

export const gzip = (data: Buffer): Buffer => gzipSync(data);
