/**
 * Reads what the rules need from a distribution that `inspectDistribution` already accepted:
 * the member names, the declared uncompressed size (zip) and entry_points.txt. Only the
 * central directory of a zip and the headers of a tar are read (and entry_points.txt, capped).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { extract } from 'tar-stream';
import yauzl from 'yauzl';
import { DistributionError } from '../../core/errors.ts';
import { quote } from '../../core/text.ts';
import type { InspectedDistribution } from '../../distributions/types.ts';
import type { DistributionFacts } from './types.ts';

/** entry_points.txt of any real wheel is a few kB. */
const ENTRY_POINTS_MAX_BYTES = 1024 * 1024;

function unreadable(filename: string, error: unknown): DistributionError {
  return new DistributionError(
    `${quote(filename)}: its contents could not be listed to check PyPI's rules (${error instanceof Error ? error.message : String(error)}).`,
    { subject: filename, hint: 'Rebuild the file; if it is intact, report this as a bug.' },
  );
}

/** The facts the PyPI rules look at, for one inspected distribution. */
export async function readFacts(dist: InspectedDistribution): Promise<DistributionFacts> {
  const { path, parsed, metadata } = dist;
  const size = (await stat(path)).size;
  try {
    if (parsed.filename.endsWith('.tar.gz'))
      return { parsed, metadata, size, members: await tarNames(path) };
    return {
      parsed,
      metadata,
      size,
      ...(await zipContents(path, `${parsed.name}-${parsed.version}.dist-info/entry_points.txt`)),
    };
  } catch (error) {
    if (error instanceof DistributionError) throw error;
    throw unreadable(parsed.filename, error);
  }
}

async function zipContents(
  path: string,
  entryPointsName: string,
): Promise<{ members: string[]; uncompressedBytes: number; entryPoints?: Uint8Array }> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  zip.on('error', () => undefined);
  try {
    const members: string[] = [];
    let uncompressedBytes = 0;
    let entryPoints: Uint8Array | undefined;
    for await (const entry of zip.eachEntry()) {
      members.push(entry.fileName);
      uncompressedBytes += entry.uncompressedSize;
      if (entry.fileName === entryPointsName && entry.uncompressedSize <= ENTRY_POINTS_MAX_BYTES) {
        const chunks: Buffer[] = [];
        for await (const chunk of await zip.openReadStreamPromise(entry))
          chunks.push(chunk as Buffer);
        entryPoints = Buffer.concat(chunks);
      } else if (entry.fileName === entryPointsName) {
        // Too big to be real: Warehouse would still parse it; refuse it as unparsable.
        entryPoints = new Uint8Array([0xff]);
      }
    }
    return { members, uncompressedBytes, ...(entryPoints ? { entryPoints } : {}) };
  } finally {
    zip.close();
  }
}

async function tarNames(path: string): Promise<string[]> {
  const names: string[] = [];
  const tar = extract();
  tar.on('entry', (header, stream, next) => {
    names.push(header.name);
    stream.on('end', next);
    stream.resume();
  });
  await pipeline(createReadStream(path), createGunzip(), tar);
  return names;
}
