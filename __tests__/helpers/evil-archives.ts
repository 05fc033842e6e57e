/**
 * Writers for hand-made wheels and sdists, hostile ones included: `..` and absolute names,
 * links, special files, decompression bombs, headers that lie. Tests describe entries; these
 * write the archive. Zips are built with fflate and then patched where fflate cannot go
 * (duplicate names, lying sizes, flags, entry counts).
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, crc32 } from 'node:zlib';
import { zipSync, type Zippable } from 'fflate';
import { pack } from 'tar-stream';

const MTIME = new Date('2023-11-14T22:13:20Z');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

export interface ZipEntrySpec {
  name: string;
  data?: string | Uint8Array;
  /** Unix mode stored in the high 16 bits of the external attributes, e.g. 0o120777 (symlink). */
  mode?: number;
  /** "Version made by" host: 3 Unix (the default with `mode`), 0 MS-DOS. */
  os?: number;
  /** Deflate level; 0 stores. */
  level?: 0 | 1 | 6 | 9;
  /** Extra fields by id, e.g. 0x7075 from `unicodePathField`. */
  extra?: Record<number, Uint8Array>;
}

/** The bytes of a zip holding `entries` in order (names must be distinct; see `renameZipEntry`). */
export function zipBytes(entries: ZipEntrySpec[]): Uint8Array {
  const files: Zippable = {};
  for (const entry of entries) {
    const data =
      typeof entry.data === 'string' ? encode(entry.data) : (entry.data ?? new Uint8Array());
    files[entry.name] = [
      data,
      {
        level: entry.level ?? 6,
        mtime: MTIME,
        ...(entry.mode === undefined ? {} : { os: entry.os ?? 3, attrs: (entry.mode << 16) >>> 0 }),
        ...(entry.extra ? { extra: entry.extra } : {}),
      },
    ];
  }
  return zipSync(files);
}

export async function writeZip(path: string, entries: ZipEntrySpec[]): Promise<void> {
  await writeFile(path, zipBytes(entries));
}

/** Core metadata text with `extra` header lines and a body. */
export const metadataText = (name: string, version: string, extra = ''): string =>
  `Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\nSummary: test\n${extra ? `${extra}\n` : ''}\nLong description.\n`;

export interface WheelOptions {
  extra?: ZipEntrySpec[];
  /** METADATA contents; null leaves it out. */
  metadata?: string | Uint8Array | null;
  /** false leaves RECORD out; a string replaces the RECORD computed from the entries. */
  record?: boolean | string;
  /** false leaves WHEEL out; a string replaces its contents. */
  wheel?: boolean | string;
  /** The dist-info folder name, default `{name}-{version}.dist-info`. */
  distInfo?: string;
}

const bytesOf = (data: string | Uint8Array | undefined): Uint8Array =>
  typeof data === 'string' ? encode(data) : (data ?? new Uint8Array());

/** RECORD text listing `entries` (folders left out) with their sha256 and size, then RECORD. */
export function recordText(entries: ZipEntrySpec[], recordPath: string): string {
  const rows = entries
    .filter((entry) => !entry.name.endsWith('/'))
    .map((entry) => {
      const data = bytesOf(entry.data);
      const digest = createHash('sha256').update(data).digest('base64url');
      const path = /[",]/.test(entry.name) ? `"${entry.name.replace(/"/g, '""')}"` : entry.name;
      return `${path},sha256=${digest},${data.length}\n`;
    });
  return `${rows.join('')}${recordPath},,\n`;
}

/** The entries of a structurally valid wheel for `name`/`version`, with overrides. */
export function wheelEntries(
  name: string,
  version: string,
  options: WheelOptions = {},
): ZipEntrySpec[] {
  const info = options.distInfo ?? `${name.replace(/-/g, '_')}-${version}.dist-info`;
  const entries: ZipEntrySpec[] = [{ name: `${name.replace(/-/g, '_')}/__init__.py`, data: '' }];
  if (options.metadata !== null)
    entries.push({
      name: `${info}/METADATA`,
      data: options.metadata ?? metadataText(name, version),
    });
  if (options.wheel !== false)
    entries.push({
      name: `${info}/WHEEL`,
      data:
        typeof options.wheel === 'string'
          ? options.wheel
          : 'Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
    });
  const all = [...entries, ...(options.extra ?? [])];
  if (options.record === false) return all;
  const record =
    typeof options.record === 'string' ? options.record : recordText(all, `${info}/RECORD`);
  return [...entries, { name: `${info}/RECORD`, data: record }, ...(options.extra ?? [])];
}

/** WHEEL text whose tags are those the wheel's filename spells (py3-none-any otherwise). */
export function wheelTextFor(filename: string): string {
  const parts = basename(filename)
    .replace(/\.whl$/, '')
    .split('-');
  const [python = 'py3', abi = 'none', platform = 'any'] = parts.length >= 5 ? parts.slice(-3) : [];
  const tags = python
    .split('.')
    .flatMap((p) =>
      abi.split('.').flatMap((a) => platform.split('.').map((x) => `${p}-${a}-${x}`)),
    );
  const purelib = abi === 'none' && platform === 'any';
  return `Wheel-Version: 1.0\nRoot-Is-Purelib: ${purelib}\n${tags.map((t) => `Tag: ${t}\n`).join('')}`;
}

/** Writes a valid wheel; its WHEEL names the tags of `path`'s filename unless given. */
export async function writeWheel(
  path: string,
  name: string,
  version: string,
  options: WheelOptions = {},
): Promise<void> {
  await writeZip(path, wheelEntries(name, version, { wheel: wheelTextFor(path), ...options }));
}

/** A valid wheel plus one entry of `bytes` zeros: tiny on disk, huge inflated. */
export async function writeZipBomb(
  path: string,
  { name = 'demo', version = '1.0', bytes = 50 * 1024 * 1024 } = {},
): Promise<void> {
  const bomb = { name: `${name}/zeros.bin`, data: new Uint8Array(bytes), level: 9 as const };
  await writeWheel(path, name, version, { extra: [bomb] });
}

/** Info-ZIP Unicode Path extra field (0x7075) giving `entryName` the alternative name `alias`. */
export function unicodePathField(entryName: string, alias: string): Record<number, Uint8Array> {
  const field = Buffer.alloc(5);
  field.writeUInt8(1, 0);
  field.writeUInt32LE(crc32(Buffer.from(entryName)), 1);
  return { 0x7075: Buffer.concat([field, Buffer.from(alias)]) };
}

interface CentralEntry {
  /** Offset of the central directory record. */
  central: number;
  /** Offset of the local file header. */
  local: number;
  name: string;
}

function centralEntries(zip: Buffer): CentralEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries: CentralEntry[] = [];
  let at = zip.readUInt32LE(end + 16);
  while (at < end && zip.readUInt32LE(at) === 0x02014b50) {
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    entries.push({ central: at, local: zip.readUInt32LE(at + 42), name });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

function findEntry(zip: Buffer, name: string): CentralEntry {
  const entry = centralEntries(zip).find((e) => e.name === name);
  if (!entry) throw new Error(`no entry ${name}`);
  return entry;
}

export interface EntryPatch {
  compressedSize?: number;
  uncompressedSize?: number;
  /** OR-ed into the general purpose flags (1 = encrypted). */
  flags?: number;
}

/** Rewrites an entry's declared sizes or flags in both its local and central headers. */
export function patchZipEntry(zip: Uint8Array, name: string, patch: EntryPatch): Uint8Array {
  const bytes = Buffer.from(zip);
  const { central, local } = findEntry(bytes, name);
  for (const [at, flags, sizes] of [
    [central, 8, 20],
    [local, 6, 18],
  ] as const) {
    if (patch.flags) bytes.writeUInt16LE(bytes.readUInt16LE(at + flags) | patch.flags, at + flags);
    if (patch.compressedSize !== undefined) bytes.writeUInt32LE(patch.compressedSize, at + sizes);
    if (patch.uncompressedSize !== undefined)
      bytes.writeUInt32LE(patch.uncompressedSize, at + sizes + 4);
  }
  return bytes;
}

/** Renames an entry in place (same byte length), e.g. to make two entries share a name. */
export function renameZipEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  if (Buffer.byteLength(from) !== Buffer.byteLength(to)) throw new Error('names must be as long');
  const bytes = Buffer.from(zip);
  const { central, local } = findEntry(bytes, from);
  bytes.write(to, central + 46);
  bytes.write(to, local + 30);
  return bytes;
}

/**
 * Adds a zip64 end record declaring `entryCount` entries (the classic record holds 16 bits),
 * as a writer does for more than 65,535 entries.
 */
export function withZip64EntryCount(zip: Uint8Array, entryCount: number): Uint8Array {
  const bytes = Buffer.from(zip);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(entryCount), 24);
  record.writeBigUInt64LE(BigInt(entryCount), 32);
  record.writeBigUInt64LE(BigInt(bytes.readUInt32LE(end + 12)), 40);
  record.writeBigUInt64LE(BigInt(bytes.readUInt32LE(end + 16)), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(end), 8);
  locator.writeUInt32LE(1, 16);
  const classic = Buffer.from(bytes.subarray(end));
  classic.writeUInt16LE(0xffff, 8);
  classic.writeUInt16LE(0xffff, 10);
  return Buffer.concat([bytes.subarray(0, end), record, locator, classic]);
}

export interface TarEntrySpec {
  name: string;
  data?: string | Buffer;
  type?: 'file' | 'directory' | 'symlink' | 'link' | 'fifo' | 'character-device' | 'block-device';
  linkname?: string;
}

/** Writes a gzip'd tar of `entries` in order, names exactly as given (`../x`, `/x` included). */
export async function writeTarGz(path: string, entries: TarEntrySpec[]): Promise<void> {
  const tar = pack();
  const written = pipeline(tar as unknown as Readable, createGzip(), createWriteStream(path));
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? Buffer.from(entry.data) : entry.data;
    const header = {
      name: entry.name,
      type: entry.type ?? 'file',
      mtime: MTIME,
      ...(entry.linkname ? { linkname: entry.linkname } : {}),
    };
    await new Promise<void>((resolve, reject) =>
      tar.entry(header, data ?? Buffer.alloc(0), (error) => (error ? reject(error) : resolve())),
    );
  }
  tar.finalize();
  await written;
}

/** The brief's name for `writeTarGz`. */
export const writeTar = writeTarGz;

/** A valid sdist for `name`/`version` (top folder `{name}-{version}`) plus extra entries. */
export async function writeSdist(
  path: string,
  name: string,
  version: string,
  extra: TarEntrySpec[] = [],
  pkgInfo?: string,
): Promise<void> {
  const top = `${name.replace(/-/g, '_')}-${version}`;
  await writeTarGz(path, [
    { name: `${top}/PKG-INFO`, data: pkgInfo ?? metadataText(name, version) },
    { name: `${top}/pyproject.toml`, data: '[project]\n' },
    ...extra,
  ]);
}

/** A valid sdist plus one file of `bytes` zeros. */
export async function writeTarBomb(
  path: string,
  { name = 'demo', version = '1.0', bytes = 50 * 1024 * 1024 } = {},
): Promise<void> {
  const top = `${name.replace(/-/g, '_')}-${version}`;
  await writeSdist(path, name, version, [{ name: `${top}/zeros.bin`, data: Buffer.alloc(bytes) }]);
}
