/**
 * A tar reader that accepts only the constructions every reader agrees on, CPython's
 * `tarfile` (which PyPI and pip use) above all: POSIX or GNU headers with valid checksums,
 * regular files and empty folders, pax records that only carry times and owners, GNU long
 * names alone, and nothing but zeros after the end-of-archive block. Everything the readers
 * disagree on (pax `path`, `linkpath`, `size` and `GNU.sparse.*`, long names mixed with pax,
 * data on folders, links, devices, sparse files, bytes after the end) is refused.
 */
import { createHash } from 'node:crypto';
import { quote } from '../core/text.ts';
import { ByteReader } from './byte-reader.ts';

/** Extended headers larger than this are not something a backend writes. */
const MAX_EXTENDED_BYTES = 1024 * 1024;
/** Pax keys whose value changes which bytes or path a member has: readers disagree on them. */
const PAX_REFUSED = /^(path|linkpath|size|hdrcharset|GNU\.sparse\..*)$/;
const TYPES: Record<string, string> = {
  '1': 'a hard link',
  '2': 'a symbolic link',
  '3': 'a character device',
  '4': 'a block device',
  '6': 'a FIFO',
  S: 'a GNU sparse file',
  K: 'a GNU long link name',
  V: 'a GNU volume header',
  M: 'a GNU multi-volume continuation',
};

/** One member as CPython's tarfile lists it. */
export interface TarMember {
  name: string;
  isDirectory: boolean;
  size: number;
  sha256: string;
  /** The bytes, for members `keep` selected. */
  data?: Buffer;
}

type Fail = (why: string) => Error;

/** NUL-terminated string, as CPython's `nts`. */
function nts(block: Buffer, from: number, to: number): Buffer {
  const field = block.subarray(from, to);
  const nul = field.indexOf(0);
  return nul < 0 ? field : field.subarray(0, nul);
}

/** A strict octal field: digits with optional spaces around, NUL-terminated. */
function octal(
  block: Buffer,
  from: number,
  to: number,
  what: string,
  fail: Fail,
  empty = false,
): number {
  if ((block[from] as number) & 0x80) throw fail(`a tar header has a base-256 ${what}`);
  const text = nts(block, from, to).toString('latin1');
  // CPython reads an empty field as 0 and fails the whole archive on a non-ASCII one.
  if (!(empty ? /^ *[0-7]* *$/ : /^ *[0-7]+ *$/).test(text))
    throw fail(`a tar header has a malformed ${what} field`);
  return text.trim() === '' ? 0 : parseInt(text.trim(), 8);
}

/** The numeric fields CPython parses in every header besides size and checksum. */
const NUMERIC_FIELDS: [number, number, string][] = [
  [100, 108, 'mode'],
  [108, 116, 'uid'],
  [116, 124, 'gid'],
  [136, 148, 'mtime'],
  [329, 337, 'devmajor'],
  [337, 345, 'devminor'],
];

function utf8(bytes: Buffer, fail: Fail): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fail(`tar entry ${quote(bytes.toString('latin1'))} has a name that is not UTF-8`);
  }
}

/** Parses pax records (`<length> <key>=<value>\n`), refusing any byte they do not cover. */
function paxKeys(data: Buffer, fail: Fail): string[] {
  const keys: string[] = [];
  for (let at = 0; at < data.length;) {
    const space = data.indexOf(0x20, at);
    const lengthText = space < 0 ? '' : data.subarray(at, space).toString('latin1');
    const length = /^[1-9]\d{0,6}$/.test(lengthText) ? Number(lengthText) : 0;
    const record = data.subarray(at, at + length);
    const equals = record.indexOf(0x3d);
    if (length === 0 || record.length !== length || record.at(-1) !== 0x0a || equals < 0)
      throw fail(
        'a pax header has a malformed record (tar readers would stop or read on differently)',
      );
    keys.push(record.subarray(space - at + 1, equals).toString('utf8'));
    at += length;
  }
  return keys;
}

/**
 * Walks the tar stream in `reader`, returning every member; `keep(name)` picks members whose
 * bytes are returned (at most `keepLimit` bytes each).
 */
export async function readTarMembers(
  reader: ByteReader,
  fail: Fail,
  {
    keep,
    keepLimit,
    maxEntries,
  }: { keep: (name: string) => boolean; keepLimit: number; maxEntries: number },
): Promise<TarMember[]> {
  const members: TarMember[] = [];
  let longName: string | undefined;
  let pax = false;
  for (;;) {
    const block = await reader.take(512);
    if (!block) throw fail('its tar stream ends without an end-of-archive block');
    if (block.every((byte) => byte === 0)) {
      if (longName !== undefined || pax) throw fail('its tar stream ends after an extended header');
      if (!(await reader.restIsZero()))
        throw fail('it has data after its tar end-of-archive block (hidden from tar readers)');
      return members;
    }
    const type = String.fromCharCode(block[156] as number);
    const { name, size, linkname } = parseHeader(block, type, fail);
    if (type === 'x' || type === 'g' || type === 'L') {
      if (size > MAX_EXTENDED_BYTES) throw fail('it has an oversized extended tar header');
      if (longName !== undefined || pax)
        throw fail(
          'it has a GNU long name and a pax header (or two) for one member (tar readers apply them in different orders)',
        );
      const data = await reader.take(Math.ceil(size / 512) * 512);
      if (!data) throw fail('its tar stream ends inside a header');
      const body = data.subarray(0, size);
      if (type === 'L') {
        longName = utf8(nts(body, 0, body.length), fail);
        continue;
      }
      const refused = paxKeys(body, fail).find((key) => PAX_REFUSED.test(key));
      if (refused)
        throw fail(
          `it has a pax ${quote(refused)} record (tar readers disagree on what it changes)`,
        );
      if (type === 'x') pax = true;
      continue;
    }
    const finalName = longName ?? name;
    longName = undefined;
    pax = false;
    const what = `entry ${quote(finalName)}`;
    if (type === '1' || type === '2')
      throw fail(
        `${what} is ${TYPES[type]} to ${quote(linkname)} (links are refused in sdists: extracting one can write outside the target folder)`,
      );
    if (TYPES[type])
      throw fail(`${what} is ${TYPES[type]} (only files and folders are allowed in sdists)`);
    if (type === '5') {
      if (size !== 0)
        throw fail(`${what} is a folder that carries data (tar readers skip it differently)`);
    } else if (type === '0' || type === '\0' || type === '7') {
      if (finalName.endsWith('/'))
        throw fail(
          `${what} is a file entry named like a folder (tar readers disagree on its data)`,
        );
    } else throw fail(`${what} has the unknown tar type ${quote(type)}`);
    if (members.length >= maxEntries) throw fail(`it has more than ${maxEntries} entries`);
    members.push(
      await readData(reader, finalName, type === '5', size, keep(finalName) ? keepLimit : -1, fail),
    );
  }
}

/** Reads a member's data (and padding), hashing it. */
async function readData(
  reader: ByteReader,
  name: string,
  isDirectory: boolean,
  size: number,
  keepLimit: number,
  fail: Fail,
): Promise<TarMember> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  const keep = keepLimit >= 0;
  if (keep && size > keepLimit)
    throw fail(`its ${name.split('/').pop() ?? name} is larger than ${keepLimit} bytes`);
  const complete = await reader.stream(Math.ceil(size / 512) * 512, (chunk, offset) => {
    const useful = chunk.subarray(0, Math.max(0, size - offset));
    hash.update(useful);
    if (keep) kept.push(Buffer.from(useful));
  });
  if (!complete) throw fail(`its tar stream ends inside entry ${quote(name)}`);
  return {
    name: isDirectory ? name.replace(/\/+$/, '') : name,
    isDirectory,
    size,
    sha256: hash.digest('hex'),
    ...(keep ? { data: Buffer.concat(kept) } : {}),
  };
}

/** Checks the checksum and magic; returns the name (prefix joined, as CPython does) and size. */
function parseHeader(
  block: Buffer,
  type: string,
  fail: Fail,
): { name: string; size: number; linkname: string } {
  const stored = octal(block, 148, 156, 'checksum', fail);
  let sum = 8 * 0x20;
  for (let i = 0; i < 512; i++) if (i < 148 || i >= 156) sum += block[i] as number;
  // CPython also accepts a signed sum, other readers do not: only the unsigned one passes.
  if (stored !== sum) throw fail('a tar header has a bad checksum (tar readers would stop there)');
  const magic = block.subarray(257, 265).toString('latin1');
  const posix = magic === 'ustar\u000000';
  if (!posix && magic !== 'ustar  \u0000')
    throw fail('a tar header is neither POSIX nor GNU (old formats are read differently)');
  const prefix = nts(block, 345, 500);
  // GNU headers keep other data there, which CPython still reads as a name prefix.
  if (!posix && block.subarray(345, 500).some((byte) => byte !== 0))
    throw fail('a GNU tar header has data in the POSIX name prefix field');
  const size = octal(block, 124, 136, 'size', fail);
  for (const [from, to, what] of NUMERIC_FIELDS) octal(block, from, to, what, fail, true);
  const base = utf8(nts(block, 0, 100), fail);
  const name = prefix.length > 0 && type !== 'L' ? `${utf8(prefix, fail)}/${base}` : base;
  const linkname = nts(block, 157, 257).toString('latin1');
  if (linkname.length > 0 && !TYPES[type])
    throw fail(`tar entry ${quote(name)} has a link name but is not a link`);
  return { name, size, linkname };
}
