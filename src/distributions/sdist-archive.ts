/**
 * Reads an sdist's `{top}/PKG-INFO` (PEP 625,
 * https://packaging.python.org/en/latest/specifications/source-distribution-format/) while
 * streaming through the whole gzip'd tar once, checking every entry. Memory stays bounded:
 * entries are drained, only PKG-INFO is kept, and inflation stops at the first bomb sign.
 */
import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract, type Extract, type Header } from 'tar-stream';
import { DistributionError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import {
  checkRatio,
  hostileArchive,
  METADATA_MAX_BYTES,
  readCapped,
  unsafeEntryName,
} from './archive-checks.ts';
import { parseCoreMetadata } from './metadata.ts';
import type { CoreMetadata, SdistFilename } from './types.ts';

export { MAX_COMPRESSION_RATIO, METADATA_MAX_BYTES } from './archive-checks.ts';
/** Bytes of tar stream (headers included) the gzip may inflate to. */
export const MAX_SDIST_UNCOMPRESSED_BYTES = 4 * 1024 ** 3;
/** Far above any real sdist. */
export const MAX_TAR_ENTRIES = 100_000;

/** The PKG-INFO that counts; setuptools writes another under `*.egg-info/`. */
const PKG_INFO = /^[^/]+\/PKG-INFO$/;
const REGULAR = new Set(['file', 'contiguous-file']);

/** Checks the sdist at `path` and returns its parsed top-level PKG-INFO. */
export async function readSdistMetadata(
  path: string,
  parsed: SdistFilename,
): Promise<CoreMetadata> {
  const { filename } = parsed;
  let compressed = 0;
  let inflated = 0;
  const tar = extract();
  const piped = pipeline(
    createReadStream(path),
    byteCounter((bytes) => (compressed += bytes)),
    createGunzip(),
    byteCounter((bytes) => {
      inflated += bytes;
      if (inflated > MAX_SDIST_UNCOMPRESSED_BYTES)
        throw hostileArchive(filename, `it inflates past ${MAX_SDIST_UNCOMPRESSED_BYTES} bytes`);
      // `compressed` runs ahead of what gunzip consumed, so the ratio is never overstated.
      checkRatio(filename, 'the archive', compressed, inflated);
    }),
    tar,
  );
  const [piping, walking] = await Promise.allSettled([piped, walkEntries(tar, filename)]);
  // A refusal beats the stream errors it causes (a walk that stops destroys the pipeline).
  const failures = [walking, piping].flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
  const refusal = failures.find((reason) => reason instanceof DistributionError);
  if (refusal) throw refusal;
  // Otherwise the stream's own error (bad gzip, bad tar header) says what is wrong.
  const cause = failures.at(-1);
  if (cause !== undefined) {
    const message = cause instanceof Error ? cause.message : String(cause);
    throw hostileArchive(filename, `it is not a readable .tar.gz archive (${quote(message)})`);
  }
  return parseCoreMetadata((walking as PromiseFulfilledResult<Buffer>).value, filename);
}

/** A pass-through that reports each chunk's size; a throw fails the pipeline. */
function byteCounter(onBytes: (bytes: number) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      try {
        onBytes(chunk.length);
        done(null, chunk);
      } catch (error) {
        done(error as Error);
      }
    },
  });
}

/** Checks every entry; returns the bytes of the one top-level PKG-INFO. */
async function walkEntries(tar: Extract, filename: string): Promise<Buffer> {
  let top: string | undefined;
  let pkgInfo: Buffer | undefined;
  let count = 0;
  for await (const entry of tar) {
    const { header } = entry;
    const { name } = header;
    if (++count > MAX_TAR_ENTRIES)
      throw hostileArchive(filename, `it has more than ${MAX_TAR_ENTRIES} entries`);
    const problem = unsafeEntryName(name) ?? unsafeEntryType(name, header);
    if (problem) throw hostileArchive(filename, problem);
    const [first = '', ...rest] = name.split('/');
    top ??= first;
    const nested = rest.some((segment) => segment !== '');
    if (first !== top || first === '.' || (!nested && header.type !== 'directory'))
      throw hostileArchive(
        filename,
        `entry ${quote(name)} is outside the top-level folder ${quote(top)} (an sdist holds exactly one folder)`,
      );
    if (PKG_INFO.test(name) && REGULAR.has(header.type ?? '')) {
      if (pkgInfo) throw hostileArchive(filename, `entry ${quote(name)} appears twice`);
      pkgInfo = await readCapped(entry, METADATA_MAX_BYTES, () =>
        hostileArchive(filename, `its PKG-INFO is larger than ${METADATA_MAX_BYTES} bytes`),
      );
    } else {
      // Drain so the extractor moves on; nothing is kept.
      for await (const chunk of entry) void chunk;
    }
  }
  if (top === undefined) throw hostileArchive(filename, 'the archive is empty');
  if (!pkgInfo) throw hostileArchive(filename, `${quote(`${top}/PKG-INFO`)} is missing`);
  return pkgInfo;
}

/** Only files and folders: links and special files are refused outright. */
function unsafeEntryType(name: string, header: Header): string | undefined {
  const entry = `entry ${quote(name)}`;
  if (header.type === 'symlink' || header.type === 'link') {
    const kind = header.type === 'link' ? 'a hard link' : 'a symbolic link';
    return `${entry} is ${kind} to ${quote(header.linkname ?? '')} (links are refused in sdists: extracting one can write outside the target folder)`;
  }
  if (header.type === 'directory' || REGULAR.has(header.type ?? '')) return undefined;
  return `${entry} is a ${header.type ?? 'special'} entry, not a file or folder`;
}
