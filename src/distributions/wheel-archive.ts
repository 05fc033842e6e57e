/**
 * Reads a wheel's `{name}-{version}.dist-info/METADATA` from the zip's central directory and
 * that one entry, after checking every entry name, type and size (PEP 427).
 */
import type { Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { quote } from '../text.ts';
import { canonicalVersion, normalizeProjectName } from './filenames.ts';
import {
  checkRatio,
  hostileArchive,
  METADATA_MAX_BYTES,
  readCapped,
  unsafeEntryName,
} from './archive-checks.ts';
import { parseCoreMetadata } from './metadata.ts';
import type { CoreMetadata, WheelFilename } from './types.ts';

export const MAX_ZIP_ENTRIES = 100_000;
export const MAX_WHEEL_UNCOMPRESSED_BYTES = 8 * 1024 ** 3;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

function openZip(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

function entries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const list: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      list.push(entry);
      if (list.length > MAX_ZIP_ENTRIES) reject(new Error(`more than ${MAX_ZIP_ENTRIES} entries`));
      else zip.readEntry();
    });
    zip.on('end', () => resolve(list));
    zip.on('error', reject);
    zip.readEntry();
  });
}

const entryName = (entry: Entry): string =>
  Buffer.isBuffer(entry.fileName)
    ? new TextDecoder().decode(entry.fileName as unknown as Buffer)
    : String(entry.fileName);

export async function readWheelMetadata(
  path: string,
  parsed: WheelFilename,
): Promise<CoreMetadata> {
  const { filename } = parsed;
  let zip: ZipFile;
  let list: Entry[];
  try {
    zip = await openZip(path);
  } catch (error) {
    throw hostileArchive(
      filename,
      `it is not a readable zip archive (${(error as Error).message})`,
    );
  }
  try {
    try {
      list = await entries(zip);
    } catch (error) {
      throw hostileArchive(filename, `its zip directory is broken (${(error as Error).message})`);
    }
    const metadataEntry = checkEntries(filename, parsed, list);
    const stream = await new Promise<Readable>((resolve, reject) =>
      zip.openReadStream(metadataEntry, (error, s) =>
        error || !s ? reject(error ?? new Error('no stream')) : resolve(s),
      ),
    );
    let bytes: Buffer;
    try {
      bytes = await readCapped(stream, METADATA_MAX_BYTES, () =>
        hostileArchive(filename, `METADATA is larger than ${METADATA_MAX_BYTES} bytes`),
      );
    } catch (error) {
      stream.destroy();
      if ((error as Error).name === 'DistributionError') throw error;
      throw hostileArchive(filename, `METADATA cannot be inflated (${(error as Error).message})`);
    }
    return parseCoreMetadata(bytes, filename);
  } finally {
    zip.close();
  }
}

/** Checks every entry and returns the METADATA entry of the one dist-info folder. */
function checkEntries(filename: string, parsed: WheelFilename, list: Entry[]): Entry {
  let total = 0;
  const distInfo = new Set<string>();
  const byName = new Map<string, Entry>();
  for (const entry of list) {
    const name = entryName(entry);
    const unsafe = unsafeEntryName(name);
    if (unsafe) throw hostileArchive(filename, unsafe);
    const unixMode = entry.externalFileAttributes >>> 16;
    if ((unixMode & S_IFMT) === S_IFLNK)
      throw hostileArchive(filename, `entry ${quote(name)} is a symbolic link`);
    checkRatio(filename, name, entry.compressedSize, entry.uncompressedSize);
    total += entry.uncompressedSize;
    if (total > MAX_WHEEL_UNCOMPRESSED_BYTES)
      throw hostileArchive(
        filename,
        `its entries inflate to more than ${MAX_WHEEL_UNCOMPRESSED_BYTES} bytes`,
      );
    const top = name.split('/')[0] ?? '';
    if (top.endsWith('.dist-info') && name.includes('/')) distInfo.add(top);
    byName.set(name, entry);
  }
  const folders = [...distInfo];
  if (folders.length !== 1) {
    throw hostileArchive(
      filename,
      folders.length === 0
        ? 'it has no .dist-info folder'
        : `it has ${folders.length} .dist-info folders`,
    );
  }
  const folder = folders[0] as string;
  const match = /^(.+)-([^-]+)\.dist-info$/.exec(folder);
  if (
    !match ||
    normalizeProjectName(match[1] as string) !== parsed.project ||
    canonicalVersion(match[2] as string, filename) !== canonicalVersion(parsed.version, filename)
  ) {
    throw hostileArchive(
      filename,
      `its metadata folder ${quote(folder)} does not match the filename`,
    );
  }
  const metadata = byName.get(`${folder}/METADATA`);
  if (!metadata) throw hostileArchive(filename, `${quote(`${folder}/METADATA`)} is missing`);
  if (!byName.has(`${folder}/RECORD`))
    throw hostileArchive(filename, `${quote(`${folder}/RECORD`)} is missing`);
  if (metadata.uncompressedSize > METADATA_MAX_BYTES)
    throw hostileArchive(filename, `METADATA is larger than ${METADATA_MAX_BYTES} bytes`);
  return metadata;
}
