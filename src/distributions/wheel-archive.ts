/**
 * Reads a wheel's `{name}-{version}.dist-info/METADATA` (PEP 427,
 * https://packaging.python.org/en/latest/specifications/binary-distribution-format/) from the
 * zip's central directory and that one entry, after checking every entry's name, type and
 * declared size. Nothing else is inflated, so a bomb costs nothing to refuse.
 */
import { open } from 'node:fs/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { DistributionError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import {
  checkRatio,
  hostileArchive,
  METADATA_MAX_BYTES,
  readCapped,
  unsafeEntryName,
} from './archive-checks.ts';
import { normalizeProjectName, versionsEqual } from './filenames.ts';
import { parseCoreMetadata } from './metadata.ts';
import type { CoreMetadata, WheelFilename } from './types.ts';

export { MAX_COMPRESSION_RATIO, METADATA_MAX_BYTES } from './archive-checks.ts';
/** Far above any real wheel (large ones hold a few tens of thousands of files). */
export const MAX_ZIP_ENTRIES = 100_000;
/** Sum of the entries' declared sizes; the largest wheels on PyPI inflate to a few GiB. */
export const MAX_WHEEL_UNCOMPRESSED_BYTES = 8 * 1024 ** 3;

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const UTF8_NAME_FLAG = 0x800;
/** Info-ZIP Unicode Path extra field: some unzip tools extract under this name instead. */
const UNICODE_PATH_FIELD = 0x7075;
const CENTRAL_HEADER_BYTES = 46;
const REQUIRED_FILES = ['METADATA', 'RECORD', 'WHEEL'];

/**
 * Checks the wheel at `path` and returns its parsed METADATA. Every problem is a
 * DistributionError naming the wheel (and the entry, when one is at fault).
 */
export async function readWheelMetadata(
  path: string,
  parsed: WheelFilename,
): Promise<CoreMetadata> {
  const { filename } = parsed;
  const zip = await openZip(path, filename);
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES)
      throw hostileArchive(
        filename,
        `it has ${zip.entryCount} entries, over the limit of ${MAX_ZIP_ENTRIES}`,
      );
    const survey = await surveyEntries(zip, filename);
    await checkDirectorySize(path, filename, survey.directoryBytes);
    const metadata = findMetadata(filename, parsed, survey.distInfo);
    return parseCoreMetadata(await readMetadata(zip, metadata, filename), filename);
  } finally {
    zip.close();
  }
}

async function openZip(path: string, filename: string): Promise<ZipFile> {
  try {
    // decodeStrings: false keeps raw names, so this module (not yauzl) judges every name.
    const zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: true,
    });
    // Errors reach the iterator and read streams; this stops a late one from crashing Node.
    zip.on('error', () => undefined);
    return zip;
  } catch (error) {
    throw hostileArchive(filename, `it is not a readable zip archive (${describe(error)})`);
  }
}

const describe = (error: unknown): string =>
  quote(error instanceof Error ? error.message : String(error));

interface Survey {
  /** Entries of top-level `*.dist-info/` folders by folder, file name -> entry. */
  distInfo: Map<string, Map<string, Entry>>;
  /** Bytes of central directory records read, to compare with the end record. */
  directoryBytes: number;
}

/** Walks the central directory once, refusing the first unsafe entry. */
async function surveyEntries(zip: ZipFile, filename: string): Promise<Survey> {
  const survey: Survey = { distInfo: new Map(), directoryBytes: 0 };
  const seen = new Set<string>();
  let total = 0;
  try {
    for await (const entry of zip.eachEntry()) {
      const name = checkEntry(filename, entry);
      if (seen.has(name)) throw hostileArchive(filename, `entry ${quote(name)} appears twice`);
      seen.add(name);
      total += entry.uncompressedSize;
      if (total > MAX_WHEEL_UNCOMPRESSED_BYTES)
        throw hostileArchive(
          filename,
          `its entries declare more than ${MAX_WHEEL_UNCOMPRESSED_BYTES} bytes in all`,
        );
      survey.directoryBytes +=
        CENTRAL_HEADER_BYTES +
        entry.fileNameLength +
        entry.extraFieldLength +
        entry.fileCommentLength;
      const slash = name.indexOf('/');
      const top = name.slice(0, slash);
      if (slash > 0 && top.endsWith('.dist-info')) {
        const files = survey.distInfo.get(top) ?? new Map<string, Entry>();
        files.set(name.slice(slash + 1), entry);
        survey.distInfo.set(top, files);
      }
    }
  } catch (error) {
    if (error instanceof DistributionError) throw error;
    throw hostileArchive(filename, `its zip central directory is broken (${describe(error)})`);
  }
  return survey;
}

/** Checks one entry's name(s), type and sizes; returns its name. */
function checkEntry(filename: string, entry: Entry): string {
  const name = checkEntryName(filename, entry);
  // Read the Unix mode whatever the "made by" host: other hosts leave these bits zero.
  const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
  const what = `entry ${quote(name)}`;
  if (type === S_IFLNK)
    throw hostileArchive(filename, `${what} is a symbolic link (links are refused in wheels)`);
  if (type !== 0 && type !== S_IFREG && type !== S_IFDIR)
    throw hostileArchive(filename, `${what} is a special file (mode 0o${type.toString(8)})`);
  if (entry.isEncrypted()) throw hostileArchive(filename, `${what} is encrypted`);
  checkRatio(filename, what, entry.compressedSize, entry.uncompressedSize);
  return name;
}

/** Decodes the entry's name and checks it and any Unicode Path alias of it. */
function checkEntryName(filename: string, entry: Entry): string {
  const raw = entry.fileNameRaw;
  const utf8 = (entry.generalPurposeBitFlag & UTF8_NAME_FLAG) !== 0;
  let name: string;
  try {
    // Without the UTF-8 flag the name is CP437, which matches latin1 on the ASCII that matters.
    name = utf8 ? new TextDecoder('utf-8', { fatal: true }).decode(raw) : raw.toString('latin1');
  } catch {
    const shown = quote(raw.toString('latin1'));
    throw hostileArchive(filename, `entry ${shown} has a name that is not UTF-8`);
  }
  const aliases = entry.extraFields
    .filter((field) => field.id === UNICODE_PATH_FIELD && field.data.length >= 5)
    .map((field) => field.data.subarray(5).toString('utf8'));
  for (const candidate of [name, ...aliases]) {
    const unsafe = unsafeEntryName(candidate);
    if (unsafe) throw hostileArchive(filename, unsafe);
  }
  // The field exists to spell a non-ASCII name in UTF-8; on an ASCII name it can only disguise.
  const ascii = raw.every((byte) => byte < 0x80);
  if (ascii && aliases.some((alias) => alias !== name))
    throw hostileArchive(filename, `entry ${quote(name)} carries a second, different name`);
  return name;
}

/**
 * Python's zipfile reads central directory records until the end record's byte size is used
 * up, yauzl until its entry count is: when the two disagree, entries could hide from one.
 */
async function checkDirectorySize(path: string, filename: string, read: number): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, 22 + 0xffff + 20);
    const tail = Buffer.alloc(length);
    await handle.read(tail, 0, length, size - length);
    // The same search as yauzl's: the last end-of-central-directory signature wins.
    let end = length - 22;
    while (end >= 0 && tail.readUInt32LE(end) !== 0x06054b50) end--;
    let declared = tail.readUInt32LE(end + 12);
    if (end >= 20 && tail.readUInt32LE(end - 20) === 0x07064b50) {
      const record = Buffer.alloc(56);
      await handle.read(record, 0, 56, Number(tail.readBigUInt64LE(end - 12)));
      declared = Number(record.readBigUInt64LE(40));
    }
    if (declared !== read)
      throw hostileArchive(
        filename,
        `its central directory holds ${declared} bytes of entries but its entry count covers ${read} (zip readers would disagree on its contents)`,
      );
  } finally {
    await handle.close();
  }
}

/** Finds `{name}-{version}.dist-info/METADATA`, the only dist-info folder, named as the file. */
function findMetadata(
  filename: string,
  parsed: WheelFilename,
  distInfo: Map<string, Map<string, Entry>>,
): Entry {
  const folders = [...distInfo.keys()];
  if (folders.length !== 1)
    throw hostileArchive(
      filename,
      folders.length === 0
        ? 'it has no .dist-info folder'
        : `it has ${folders.length} .dist-info folders (${folders.map(quote).join(', ')}), not one`,
    );
  const folder = folders[0] as string;
  const stem = folder.slice(0, -'.dist-info'.length);
  const dash = stem.lastIndexOf('-');
  const name = stem.slice(0, Math.max(dash, 0));
  const version = stem.slice(dash + 1);
  if (
    dash <= 0 ||
    normalizeProjectName(name) !== parsed.project ||
    !versionsEqual(version, parsed.version)
  )
    throw hostileArchive(
      filename,
      `its metadata folder ${quote(folder)} does not match the filename (expected ${quote(`${parsed.name}-${parsed.version}.dist-info`)})`,
    );
  const files = distInfo.get(folder) as Map<string, Entry>;
  const missing = REQUIRED_FILES.find((file) => !files.has(file));
  if (missing) throw hostileArchive(filename, `${quote(`${folder}/${missing}`)} is missing`);
  const metadata = files.get('METADATA') as Entry;
  if (metadata.uncompressedSize > METADATA_MAX_BYTES)
    throw hostileArchive(filename, `its METADATA is larger than ${METADATA_MAX_BYTES} bytes`);
  return metadata;
}

/** Inflates METADATA with a hard cap: the stream stops at the cap whatever the header says. */
async function readMetadata(zip: ZipFile, entry: Entry, filename: string): Promise<Buffer> {
  try {
    const stream = await zip.openReadStreamPromise(entry);
    return await readCapped(stream, METADATA_MAX_BYTES, () =>
      hostileArchive(filename, `its METADATA inflates past ${METADATA_MAX_BYTES} bytes`),
    );
  } catch (error) {
    if (error instanceof DistributionError) throw error;
    throw hostileArchive(filename, `its METADATA cannot be inflated (${describe(error)})`);
  }
}
