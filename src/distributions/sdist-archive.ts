/**
 * Reads an sdist's top-level `{name}-{version}/PKG-INFO`, streaming through the whole gzip'd
 * tar to check every entry (PEP 625, source-distribution-format). setuptools also writes a
 * PKG-INFO under `*.egg-info/`; only `^[^/]+/PKG-INFO$` counts.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract, type Header } from 'tar-stream';
import { DistributionError } from '../errors.ts';
import { quote } from '../text.ts';
import {
  checkRatio,
  hostileArchive,
  METADATA_MAX_BYTES,
  readCapped,
  unsafeEntryName,
} from './archive-checks.ts';
import { parseCoreMetadata } from './metadata.ts';
import type { CoreMetadata, SdistFilename } from './types.ts';

export const MAX_SDIST_UNCOMPRESSED_BYTES = 4 * 1024 ** 3;
export const MAX_TAR_ENTRIES = 100_000;

export async function readSdistMetadata(
  path: string,
  parsed: SdistFilename,
): Promise<CoreMetadata> {
  const { filename } = parsed;
  const tops = new Set<string>();
  let pkgInfo: Buffer | undefined;
  let total = 0;
  let count = 0;
  const tar = extract();
  const walk = (async () => {
    for await (const entry of tar) {
      const header: Header = entry.header;
      const name = header.name.replace(/^\.\//, '');
      const problem = checkHeader(name, header);
      if (problem) throw hostileArchive(filename, problem);
      if (++count > MAX_TAR_ENTRIES)
        throw hostileArchive(filename, `it has more than ${MAX_TAR_ENTRIES} entries`);
      total += header.size ?? 0;
      if (total > MAX_SDIST_UNCOMPRESSED_BYTES)
        throw hostileArchive(
          filename,
          `it inflates to more than ${MAX_SDIST_UNCOMPRESSED_BYTES} bytes`,
        );
      tops.add(name.split('/')[0] as string);
      if (/^[^/]+\/PKG-INFO$/.test(name)) {
        pkgInfo = await readCapped(
          entry as unknown as AsyncIterable<Buffer>,
          METADATA_MAX_BYTES,
          () => hostileArchive(filename, `PKG-INFO is larger than ${METADATA_MAX_BYTES} bytes`),
        );
      } else {
        entry.resume();
        await new Promise<void>((resolve) => entry.on('end', () => resolve()));
      }
    }
  })();
  const { size: stored } = await stat(path);
  try {
    await Promise.all([pipeline(createReadStream(path), createGunzip(), tar), walk]);
  } catch (error) {
    tar.destroy();
    if (error instanceof DistributionError) throw error;
    throw hostileArchive(
      filename,
      `it is not a readable .tar.gz archive (${(error as Error).message})`,
    );
  }
  checkRatio(filename, filename, stored, total);
  if (tops.size !== 1)
    throw hostileArchive(filename, `it must hold exactly one top-level folder, not ${tops.size}`);
  if (!pkgInfo) throw hostileArchive(filename, `${quote(`${[...tops][0]}/PKG-INFO`)} is missing`);
  return parseCoreMetadata(pkgInfo, filename);
}

function checkHeader(name: string, header: Header): string | undefined {
  const unsafe = unsafeEntryName(name);
  if (unsafe) return unsafe;
  if (header.type === 'symlink' || header.type === 'link') {
    return `entry ${quote(name)} is a ${header.type === 'link' ? 'hard' : 'symbolic'} link (links are refused in released sdists)`;
  }
  if (header.type !== 'file' && header.type !== 'directory' && header.type !== 'contiguous-file') {
    return `entry ${quote(name)} is a ${header.type ?? 'special'} entry, not a file or folder`;
  }
  return undefined;
}
