/**
 * A zip reader strict enough that every zip reader (CPython's zipfile that pip and PyPI use,
 * Info-ZIP unzip, yauzl, Go, Java) sees the same entries: one end record at the very end, one
 * central directory right before it, local headers that repeat their central entries, and
 * entries laid end to end from byte 0 with nothing between, after or overlapping them.
 * Anything else is a file that can be read two ways, and is refused.
 */
import type { FileHandle } from 'node:fs/promises';
import { quote } from '../core/text.ts';
import { hostileArchive } from './archive-checks.ts';

/** Far above any real wheel (large ones hold a few tens of thousands of files). */
export const MAX_ZIP_ENTRIES = 100_000;
/** Bytes of central directory read into memory; 100,000 entries with long names fit. */
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

const END = 0x06054b50;
const END64 = 0x06064b50;
const LOCATOR64 = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const UNICODE_PATH_EXTRA = 0x7075;
const UTF8_FLAG = 0x800;
/** Bits 1-2 only tune deflate; 11 says UTF-8. Encryption (0, 6), data descriptors (3), patches (5), masked headers (13): refused. */
const ALLOWED_FLAGS = 0x0806;
const U16 = 0xffff;
const MAX_EXTRACT_VERSION = 63;
const U32 = 0xffffffff;

/** One entry, as the central directory and its local header both describe it. */
export interface ZipEntry {
  name: string;
  /** Name bytes as stored (local and central are equal). */
  rawName: Buffer;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
  /** Where the entry's (compressed) data starts. */
  dataOffset: number;
  externalAttributes: number;
}

/** Reads and checks the structure of the zip in `handle` (`size` bytes); nothing is inflated. */
export async function readZipStructure(
  handle: FileHandle,
  size: number,
  filename: string,
): Promise<ZipEntry[]> {
  const fail = (why: string) => hostileArchive(filename, why);
  const read = async (at: number, length: number): Promise<Buffer> => {
    if (at < 0 || length < 0 || at + length > size)
      throw fail(`a zip record at byte ${at} runs past the end of the file`);
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, at);
    if (bytesRead !== length) throw fail(`the file changed size while being read`);
    return buffer;
  };
  if (size < 22) throw fail('it is not a readable zip archive (too short for an end record)');
  const endAt = size - 22;
  const end = await read(endAt, 22);
  // An archive comment would let the end record sit elsewhere for some readers: none allowed.
  if (end.readUInt32LE(0) !== END)
    throw fail(
      'it does not end with a zip end-of-central-directory record (archive comments and trailing bytes are refused)',
    );
  const classic = {
    disk: end.readUInt16LE(4),
    directoryDisk: end.readUInt16LE(6),
    onDisk: end.readUInt16LE(8),
    total: end.readUInt16LE(10),
    directorySize: end.readUInt32LE(12),
    directoryOffset: end.readUInt32LE(16),
  };
  if (end.readUInt16LE(20) !== 0) throw fail('it has an archive comment');
  let { total, directorySize, directoryOffset } = classic;
  let directoryEnd = endAt;
  const zip64 =
    classic.total === U16 || classic.directorySize === U32 || classic.directoryOffset === U32;
  if (zip64 || (endAt >= 20 && (await read(endAt - 20, 4)).readUInt32LE(0) === LOCATOR64)) {
    const record = await readZip64End(read, endAt, fail);
    // Every classic field either says "see zip64" or agrees with the zip64 record.
    const agrees = (value: number, max: number, wide: number) => value === max || value === wide;
    if (
      !agrees(classic.onDisk, U16, record.onDisk) ||
      !agrees(classic.total, U16, record.total) ||
      !agrees(classic.directorySize, U32, record.directorySize) ||
      !agrees(classic.directoryOffset, U32, record.directoryOffset) ||
      !agrees(classic.disk, U16, record.disk) ||
      !agrees(classic.directoryDisk, U16, record.directoryDisk)
    )
      throw fail('its zip64 end record disagrees with the classic end record');
    ({ total, directorySize, directoryOffset } = record);
    directoryEnd = record.at;
    classic.onDisk = record.onDisk;
    classic.disk = record.disk;
    classic.directoryDisk = record.directoryDisk;
  }
  if (classic.disk !== 0 || classic.directoryDisk !== 0 || classic.onDisk !== total)
    throw fail('it is a multi-disk zip archive');
  if (total > MAX_ZIP_ENTRIES)
    throw fail(`it has ${total} entries, over the limit of ${MAX_ZIP_ENTRIES}`);
  // CPython finds the directory at (end - size) and treats any gap to the recorded offset as
  // prepended bytes; other readers follow the offset. Both must point at the same place.
  if (directoryOffset + directorySize !== directoryEnd)
    throw fail(
      'its central directory does not end where the end record begins (zip readers would disagree on where it is)',
    );
  if (directorySize > MAX_DIRECTORY_BYTES)
    throw fail(`its central directory is larger than ${MAX_DIRECTORY_BYTES} bytes`);
  const directory = await read(directoryOffset, directorySize);
  const entries = parseDirectory(directory, total, fail);
  await checkLocalHeaders(entries, read, directoryOffset, fail);
  return entries;
}

type Read = (at: number, length: number) => Promise<Buffer>;
type Fail = (why: string) => Error;

/** A 64-bit field as a safe number; anything past 2^53 (or the file) is refused by the caller. */
function u64(buffer: Buffer, at: number, fail: Fail): number {
  const value = buffer.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER))
    throw fail(`a zip64 field holds the impossible value ${value}`);
  return Number(value);
}

async function readZip64End(read: Read, endAt: number, fail: Fail) {
  if (endAt < 20 + 56) throw fail('its zip64 end record is missing');
  const locator = await read(endAt - 20, 20);
  if (locator.readUInt32LE(0) !== LOCATOR64) throw fail('its zip64 end locator is missing');
  const at = u64(locator, 8, fail);
  if (locator.readUInt32LE(4) !== 0 || locator.readUInt32LE(16) !== 1)
    throw fail('it is a multi-disk zip archive');
  // The zip64 end record must sit right before its locator, with no extensible data.
  if (at !== endAt - 20 - 56)
    throw fail('its zip64 end record is not right before its locator (bytes between them)');
  const record = await read(at, 56);
  if (record.readUInt32LE(0) !== END64) throw fail('its zip64 end locator points at no record');
  if (record.readBigUInt64LE(4) !== 44n) throw fail('its zip64 end record has extensible data');
  return {
    at,
    disk: record.readUInt32LE(16),
    directoryDisk: record.readUInt32LE(20),
    onDisk: u64(record, 24, fail),
    total: u64(record, 32, fail),
    directorySize: u64(record, 40, fail),
    directoryOffset: u64(record, 48, fail),
  };
}

/** Splits extra fields into id -> data, refusing a malformed list or a repeated id. */
function parseExtra(extra: Buffer, where: string, fail: Fail): Map<number, Buffer> {
  const fields = new Map<number, Buffer>();
  for (let at = 0; at < extra.length;) {
    if (at + 4 > extra.length) throw fail(`${where} has a malformed extra field`);
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (at + 4 + length > extra.length) throw fail(`${where} has a malformed extra field`);
    if (fields.has(id)) throw fail(`${where} repeats the extra field 0x${id.toString(16)}`);
    fields.set(id, extra.subarray(at + 4, at + 4 + length));
    at += 4 + length;
  }
  return fields;
}

interface Sizes {
  uncompressedSize: number;
  compressedSize: number;
  offset?: number;
}

/** Replaces the 0xFFFFFFFF fields by the zip64 extra's values, in the order the spec fixes. */
function resolveZip64(sizes: Sizes, field: Buffer | undefined, where: string, fail: Fail): Sizes {
  const wanted = (['uncompressedSize', 'compressedSize', 'offset'] as const).filter(
    (key) => sizes[key] === U32,
  );
  if (!field) {
    if (wanted.length > 0) throw fail(`${where} needs a zip64 extra field and has none`);
    return sizes;
  }
  // A zip64 field that supplies nothing asked for (or more) is read differently by readers.
  if (field.length !== wanted.length * 8)
    throw fail(`${where} has a zip64 extra field that does not match its 32-bit fields`);
  const resolved = { ...sizes };
  wanted.forEach((key, index) => (resolved[key] = u64(field, index * 8, fail)));
  return resolved;
}

/** Decodes a name as CPython does (UTF-8 with bit 11, else cp437), refusing the ambiguous. */
function decodeName(raw: Buffer, flags: number, fail: Fail): string {
  const shown = quote(raw.toString('latin1'));
  if ((flags & UTF8_FLAG) === 0) {
    // cp437 and latin1 and UTF-8 agree on ASCII only: other bytes need the UTF-8 flag.
    if (raw.some((byte) => byte >= 0x80))
      throw fail(`entry ${shown} has a non-ASCII name without the UTF-8 flag`);
    return raw.toString('latin1');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw fail(`entry ${shown} has a name that is not UTF-8`);
  }
}

/** The Info-ZIP Unicode Path extra (0x7075) may only repeat the name it is attached to. */
function checkUnicodePath(name: string, field: Buffer | undefined, fail: Fail): void {
  if (!field) return;
  const alias = field.length > 5 ? field.subarray(5).toString('utf8') : '';
  if (field.length < 5 || field[0] !== 1 || alias !== name)
    throw fail(`entry ${quote(name)} carries a second, different name (a Unicode Path field)`);
}

function parseDirectory(directory: Buffer, total: number, fail: Fail): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  while (at < directory.length) {
    if (entries.length >= total)
      throw fail(
        `its central directory holds more entries than the end record's ${total} (zip readers would disagree on its contents)`,
      );
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== CENTRAL)
      throw fail(`its central directory is broken at byte ${at}`);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > directory.length) throw fail(`its central directory is broken at byte ${at}`);
    const flags = directory.readUInt16LE(at + 8);
    const rawName = Buffer.from(directory.subarray(at + 46, at + 46 + nameLength));
    const name = decodeName(rawName, flags, fail);
    const where = `entry ${quote(name)}`;
    if (commentLength !== 0) throw fail(`${where} has a comment`);
    // CPython refuses to open an archive whose entries need a newer zip version than 6.3.
    if (directory.readUInt16LE(at + 6) > MAX_EXTRACT_VERSION)
      throw fail(`${where} needs zip version ${directory.readUInt16LE(at + 6) / 10} to extract`);
    if (directory.readUInt16LE(at + 34) !== 0) throw fail('it is a multi-disk zip archive');
    const extra = parseExtra(
      directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength),
      where,
      fail,
    );
    checkUnicodePath(name, extra.get(UNICODE_PATH_EXTRA), fail);
    const sizes = resolveZip64(
      {
        compressedSize: directory.readUInt32LE(at + 20),
        uncompressedSize: directory.readUInt32LE(at + 24),
        offset: directory.readUInt32LE(at + 42),
      },
      extra.get(ZIP64_EXTRA),
      where,
      fail,
    );
    entries.push({
      name,
      rawName,
      method: directory.readUInt16LE(at + 10),
      flags,
      crc32: directory.readUInt32LE(at + 16),
      compressedSize: sizes.compressedSize,
      uncompressedSize: sizes.uncompressedSize,
      localOffset: sizes.offset as number,
      dataOffset: 0,
      externalAttributes: directory.readUInt32LE(at + 38),
    });
    at = next;
  }
  if (entries.length !== total)
    throw fail(
      `its end record counts ${total} entries but its central directory holds ${entries.length} (zip readers would disagree on its contents)`,
    );
  return entries;
}

/** Checks each entry's flags and method, then that its local header repeats it exactly. */
async function checkLocalHeaders(
  entries: ZipEntry[],
  read: Read,
  directoryOffset: number,
  fail: Fail,
): Promise<void> {
  for (const entry of entries) {
    const where = `entry ${quote(entry.name)}`;
    if ((entry.flags & ~ALLOWED_FLAGS) !== 0)
      throw fail(
        entry.flags & 1
          ? `${where} is encrypted`
          : entry.flags & 8
            ? `${where} uses a data descriptor (its sizes are not in its header)`
            : `${where} has unsupported flags 0x${entry.flags.toString(16)}`,
      );
    if (entry.method !== 0 && entry.method !== 8)
      throw fail(`${where} uses compression method ${entry.method} (only stored and deflate)`);
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize)
      throw fail(`${where} is stored but its two sizes differ`);
    if (entry.localOffset + 30 > directoryOffset)
      throw fail(`${where} has a local header offset past the entries`);
    const header = await read(entry.localOffset, 30);
    if (header.readUInt32LE(0) !== LOCAL) throw fail(`${where} has no local header at its offset`);
    const nameLength = header.readUInt16LE(26);
    const extraLength = header.readUInt16LE(28);
    const rest = await read(entry.localOffset + 30, nameLength + extraLength);
    const extra = parseExtra(rest.subarray(nameLength), `${where} (local header)`, fail);
    checkUnicodePath(entry.name, extra.get(UNICODE_PATH_EXTRA), fail);
    const local = resolveZip64(
      { compressedSize: header.readUInt32LE(18), uncompressedSize: header.readUInt32LE(22) },
      extra.get(ZIP64_EXTRA),
      `${where} (local header)`,
      fail,
    );
    const differs = !rest.subarray(0, nameLength).equals(entry.rawName)
      ? 'name'
      : header.readUInt16LE(6) !== entry.flags
        ? 'flags'
        : header.readUInt16LE(8) !== entry.method
          ? 'compression method'
          : header.readUInt32LE(14) !== entry.crc32
            ? 'CRC-32'
            : local.compressedSize !== entry.compressedSize ||
                local.uncompressedSize !== entry.uncompressedSize
              ? 'sizes'
              : undefined;
    if (differs)
      throw fail(
        `${where}: its local header and central directory disagree on its ${differs} (zip readers would read different files)`,
      );
    entry.dataOffset = entry.localOffset + 30 + nameLength + extraLength;
  }
  checkLayout(entries, directoryOffset, fail);
}

/** Entries must tile bytes 0..directoryOffset exactly: no prefix, gap, overlap or hidden data. */
function checkLayout(entries: ZipEntry[], directoryOffset: number, fail: Fail): void {
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  for (const entry of sorted) {
    if (entry.localOffset !== expected)
      throw fail(
        entry.localOffset < expected
          ? `entry ${quote(entry.name)} overlaps the entry before it`
          : `it has ${entry.localOffset - expected} unlisted bytes before entry ${quote(entry.name)}`,
      );
    expected = entry.dataOffset + entry.compressedSize;
  }
  if (expected !== directoryOffset)
    throw fail(
      expected > directoryOffset
        ? 'its last entry runs into the central directory'
        : `it has ${directoryOffset - expected} unlisted bytes before its central directory`,
    );
}
