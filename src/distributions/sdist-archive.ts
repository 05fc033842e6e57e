/**
 * Checks an sdist (PEP 625,
 * https://packaging.python.org/en/latest/specifications/source-distribution-format/): one
 * gzip member and nothing after it, a tar that every reader lists alike (tar-structure.ts),
 * exactly one top folder `{name}-{version}` as the filename spells it, `PKG-INFO` directly in
 * it, and no two members landing on one path (install-paths.ts). Streams the file once with
 * bounded memory; inflation stops at the first bomb sign.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import { DistributionError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import { hostileArchive, inflationLimit, METADATA_MAX_BYTES } from './archive-checks.ts';
import { ByteReader } from './byte-reader.ts';
import { checkInstallPaths } from './install-paths.ts';
import { parseCoreMetadata } from './metadata.ts';
import { readTarMembers } from './tar-structure.ts';
import type { CoreMetadata, SdistFilename } from './types.ts';
import type { InspectedArchive } from './wheel-archive.ts';

export { METADATA_MAX_BYTES } from './archive-checks.ts';
/**
 * Bytes of tar stream (headers included) the gzip may inflate to: the runner's bound, far
 * above real sdists. PyPI checks no compression ratio for sdists, so neither does the action.
 */
export const MAX_SDIST_UNCOMPRESSED_BYTES = 4 * 1024 ** 3;
/** Far above any real sdist. */
export const MAX_TAR_ENTRIES = 100_000;

/** Bounds of one reading (tests lower them). */
export interface SdistLimits {
  /** Default MAX_SDIST_UNCOMPRESSED_BYTES. */
  maxInflatedBytes?: number;
}

/** Checks the sdist at `path` and returns its parsed top-level PKG-INFO. */
export async function readSdistMetadata(
  path: string,
  parsed: SdistFilename,
  limits: SdistLimits = {},
): Promise<CoreMetadata> {
  return (await inspectSdistArchive(path, parsed, limits)).metadata;
}

/** Checks the sdist at `path`; every problem is a DistributionError naming it. */
export async function inspectSdistArchive(
  path: string,
  parsed: SdistFilename,
  { maxInflatedBytes = MAX_SDIST_UNCOMPRESSED_BYTES }: SdistLimits = {},
): Promise<InspectedArchive> {
  const { filename } = parsed;
  const fail = (why: string) => hostileArchive(filename, why);
  const { size, headerLength } = await readGzipHeader(path, fail);
  const top = `${parsed.name}-${parsed.version}`;
  const inflate = createInflateRaw();
  const source = createReadStream(path, { start: headerLength });
  let inflated = 0;
  let crc = 0;
  const feeding = (async () => {
    try {
      for await (const chunk of source) {
        if (inflate.destroyed) break;
        if (!inflate.write(chunk)) await drained(inflate);
      }
    } finally {
      inflate.end();
    }
  })();
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of inflate) {
      const bytes = chunk as Buffer;
      inflated += bytes.length;
      crc = crc32(bytes, crc);
      // Checked as it inflates: a bomb stops here, not after being read through.
      if (inflated > maxInflatedBytes)
        throw inflationLimit(
          filename,
          `its gzip stream inflates past ${maxInflatedBytes} bytes`,
          maxInflatedBytes,
        );
      yield bytes;
    }
  }
  let members;
  try {
    members = await readTarMembers(new ByteReader(counted()), fail, {
      keep: (name) => name === `${top}/PKG-INFO`,
      keepLimit: METADATA_MAX_BYTES,
      maxEntries: MAX_TAR_ENTRIES,
    });
  } catch (error) {
    if (error instanceof DistributionError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw fail(`it is not a readable .tar.gz archive (${quote(message)})`);
  } finally {
    inflate.destroy();
    source.destroy();
    await feeding.catch(() => undefined);
  }
  await checkGzipTrailer(path, size, headerLength + inflate.bytesWritten, crc, inflated, fail);
  return { metadata: checkLayout(filename, top, members), members: files(members) };
}

type Member = Awaited<ReturnType<typeof readTarMembers>>[number];

const files = (members: Member[]) =>
  members.filter((m) => !m.isDirectory).map(({ name, size, sha256 }) => ({ name, size, sha256 }));

/** One top folder named as the filename says, PKG-INFO in it, no colliding paths. */
function checkLayout(filename: string, top: string, members: Member[]): CoreMetadata {
  const fail = (why: string) => hostileArchive(filename, why);
  if (members.length === 0) throw fail('the archive is empty');
  checkInstallPaths(
    filename,
    members.map(({ name, isDirectory }) => ({
      name: isDirectory ? `${name}/` : name,
      isDirectory,
    })),
  );
  for (const { name, isDirectory } of members)
    if (name.split('/')[0] !== top || (name === top && !isDirectory))
      throw fail(
        `entry ${quote(name)} is outside the top-level folder ${quote(top)} (an sdist holds exactly one folder, named as the file)`,
      );
  const pkgInfo = members.find((m) => m.name === `${top}/PKG-INFO` && !m.isDirectory);
  if (!pkgInfo?.data) throw fail(`${quote(`${top}/PKG-INFO`)} is missing`);
  return parseCoreMetadata(pkgInfo.data, filename);
}

function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    stream.once('drain', resolve);
    stream.once('close', resolve);
  });
}

/** Parses the gzip member header (RFC 1952) and returns its length. */
async function readGzipHeader(path: string, fail: (why: string) => Error) {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    await handle.read(head, 0, head.length, 0);
    const notGzip = () => fail('it is not a readable .tar.gz archive (not a gzip stream)');
    if (head.length < 18 || head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8) throw notGzip();
    const flags = head[3] as number;
    if (flags & 0xe0) throw notGzip();
    let at = 10;
    if (flags & 4) at += 2 + head.readUInt16LE(at);
    for (const bit of [8, 16])
      if (flags & bit) {
        const nul = head.indexOf(0, at);
        if (nul < 0) throw notGzip();
        at = nul + 1;
      }
    if (flags & 2) at += 2;
    if (at + 8 > head.length) throw notGzip();
    return { size, headerLength: at };
  } finally {
    await handle.close();
  }
}

/** The member's trailer must follow its deflate data, match it, and end the file. */
async function checkGzipTrailer(
  path: string,
  size: number,
  at: number,
  crc: number,
  inflated: number,
  fail: (why: string) => Error,
): Promise<void> {
  if (at + 8 > size) throw fail('it is not a readable .tar.gz archive (truncated gzip stream)');
  const handle = await open(path, 'r');
  try {
    const trailer = Buffer.alloc(8);
    await handle.read(trailer, 0, 8, at);
    if (trailer.readUInt32LE(0) !== crc >>> 0 || trailer.readUInt32LE(4) !== inflated % 2 ** 32)
      throw fail('its gzip checksum does not match its contents');
    if (at + 8 !== size)
      throw fail(
        `it has ${size - at - 8} bytes after its gzip stream (a second gzip member or trailing data)`,
      );
  } finally {
    await handle.close();
  }
}
