/**
 * Checks a wheel (PEP 427,
 * https://packaging.python.org/en/latest/specifications/binary-distribution-format/) so that
 * every reader sees the same files the action signs: the zip structure is strict
 * (zip-structure.ts), every entry is inflated once with its sizes and CRC checked and its
 * hash compared with RECORD, install paths never collide (install-paths.ts), and WHEEL agrees
 * with the filename. Returns the METADATA, and the members for callers that compare.
 */
import { open } from 'node:fs/promises';
import { quote } from '../core/text.ts';
import { hostileArchive, inflationLimit, METADATA_MAX_BYTES } from './archive-checks.ts';
import { checkInstallPaths } from './install-paths.ts';
import { parseCoreMetadata } from './metadata.ts';
import { checkWheelFile, parseRecord, type RecordRow } from './record.ts';
import type { CoreMetadata, WheelFilename } from './types.ts';
import { readZipEntry } from './zip-reader.ts';
import { readZipStructure, type ZipEntry } from './zip-structure.ts';

export { METADATA_MAX_BYTES } from './archive-checks.ts';
export { MAX_ZIP_ENTRIES } from './zip-structure.ts';
/**
 * Sum of the entries' declared sizes, the runner's bound: the largest wheels on PyPI inflate
 * to a few GiB. Every entry is checked to inflate to exactly its declared size, so this bounds
 * the work. PyPI's own compression-ratio rule is in src/pypi/rules (`index-rules`).
 */
export const MAX_WHEEL_UNCOMPRESSED_BYTES = 8 * 1024 ** 3;
/** RECORD of 100,000 entries with long names stays well below this. */
export const RECORD_MAX_BYTES = 32 * 1024 * 1024;

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

/** One file as the archive holds it. */
export interface ArchiveMember {
  name: string;
  size: number;
  sha256: string;
}

export interface InspectedArchive {
  metadata: CoreMetadata;
  /** Regular files (not folders), in archive order. */
  members: ArchiveMember[];
}

/** Checks the wheel at `path` and returns its parsed METADATA. */
export async function readWheelMetadata(
  path: string,
  parsed: WheelFilename,
): Promise<CoreMetadata> {
  return (await inspectWheelArchive(path, parsed)).metadata;
}

/** Checks the wheel at `path`; every problem is a DistributionError naming the wheel. */
export async function inspectWheelArchive(
  path: string,
  parsed: WheelFilename,
): Promise<InspectedArchive> {
  const { filename } = parsed;
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const entries = await readZipStructure(handle, size, filename);
    checkEntries(filename, entries);
    const stem = `${parsed.name}-${parsed.version}`;
    checkInstallPaths(
      filename,
      entries.map((e) => ({ name: e.name, isDirectory: e.name.endsWith('/') })),
      { stem },
    );
    const info = `${stem}.dist-info`;
    const byName = new Map(entries.map((entry) => [entry.name, entry]));
    const required = (file: string, limit: number): ZipEntry => {
      const entry = byName.get(`${info}/${file}`);
      // PyPI looks these up by the exact path the filename spells.
      if (!entry) throw hostileArchive(filename, `${quote(`${info}/${file}`)} is missing`);
      if (entry.uncompressedSize > limit)
        throw hostileArchive(filename, `its ${file} is larger than ${limit} bytes`);
      return entry;
    };
    const metadataEntry = required('METADATA', METADATA_MAX_BYTES);
    const wheelEntry = required('WHEEL', METADATA_MAX_BYTES);
    const recordEntry = required('RECORD', RECORD_MAX_BYTES);
    const recordBytes = (
      await readZipEntry(handle, recordEntry, filename, { keep: RECORD_MAX_BYTES })
    ).data as Buffer;
    const record = parseRecord(utf8(recordBytes, filename, 'RECORD'), filename, info);
    const kept = new Map<string, Buffer>();
    const members: ArchiveMember[] = [];
    for (const entry of entries) {
      if (entry.name.endsWith('/')) continue;
      const row = record.get(entry.name);
      if (row === undefined && !/\/RECORD\.(jws|p7s)$/.test(entry.name))
        throw hostileArchive(filename, `entry ${quote(entry.name)} is not listed in its RECORD`);
      const keep = entry === metadataEntry || entry === wheelEntry ? METADATA_MAX_BYTES : 0;
      const algorithms = row && row.algorithm !== 'sha256' ? [row.algorithm] : [];
      const content = await readZipEntry(handle, entry, filename, { algorithms, keep });
      if (row) checkRow(filename, entry.name, row, content.digests, content.size);
      if (content.data) kept.set(entry.name, content.data);
      members.push({
        name: entry.name,
        size: content.size,
        sha256: content.digests.get('sha256') as string,
      });
    }
    for (const path of record.keys())
      if (!byName.has(path) || path.endsWith('/'))
        throw hostileArchive(filename, `its RECORD lists ${quote(path)}, which it does not hold`);
    checkWheelFile(utf8(kept.get(wheelEntry.name) as Buffer, filename, 'WHEEL'), parsed);
    const metadata = parseCoreMetadata(kept.get(metadataEntry.name) as Buffer, filename);
    return { metadata, members };
  } finally {
    await handle.close();
  }
}

function utf8(bytes: Buffer, filename: string, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw hostileArchive(filename, `its ${what} is not valid UTF-8`);
  }
}

function checkRow(
  filename: string,
  name: string,
  row: RecordRow,
  digests: Map<string, string>,
  size: number,
): void {
  if (digests.get(row.algorithm) !== row.digest || size !== row.size)
    throw hostileArchive(
      filename,
      `entry ${quote(name)} does not match its RECORD ${row.digest && digests.get(row.algorithm) !== row.digest ? 'hash' : 'size'} (the wheel is not what its own manifest says)`,
    );
}

/** Types and declared sizes, before anything is inflated. */
function checkEntries(filename: string, entries: ZipEntry[]): void {
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (total > MAX_WHEEL_UNCOMPRESSED_BYTES)
    throw inflationLimit(
      filename,
      `its entries declare ${total} bytes in all`,
      MAX_WHEEL_UNCOMPRESSED_BYTES,
    );
  for (const entry of entries) {
    const what = `entry ${quote(entry.name)}`;
    // Read the Unix mode whatever the "made by" host: other hosts leave these bits zero.
    const type = (entry.externalAttributes >>> 16) & S_IFMT;
    if (type === S_IFLNK)
      throw hostileArchive(filename, `${what} is a symbolic link (links are refused in wheels)`);
    if (type !== 0 && type !== S_IFREG && type !== S_IFDIR)
      throw hostileArchive(filename, `${what} is a special file (mode 0o${type.toString(8)})`);
    if (entry.name.endsWith('/') && (entry.uncompressedSize !== 0 || type === S_IFREG))
      throw hostileArchive(filename, `${what} is a folder that holds data`);
    if (!entry.name.endsWith('/') && type === S_IFDIR)
      throw hostileArchive(filename, `${what} is marked as a folder but named as a file`);
  }
}
