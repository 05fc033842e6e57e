/**
 * Entry checks shared by the wheel and sdist readers: every archive is treated as hostile.
 * A name that could escape the extraction folder, or that a log could misread, is refused.
 */
import { DistributionError } from '../errors.ts';
import { quote } from '../text.ts';

/** Reading METADATA / PKG-INFO stops here, whatever the archive claims. */
export const METADATA_MAX_BYTES = 4 * 1024 * 1024;
/** An entry inflating more than this many times its stored size is a bomb... */
export const MAX_COMPRESSION_RATIO = 200;
/** ...once it is larger than this (tiny files compress well). */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;

export function hostileArchive(filename: string, why: string): DistributionError {
  return new DistributionError(`${quote(filename)} is refused: ${why}.`, {
    subject: filename,
    hint: 'Build the distribution with a standard backend from a clean checkout; never release an archive you did not build.',
  });
}

/** Why an entry name is unsafe, or undefined. Names use `/` as in zip and tar. */
export function unsafeEntryName(name: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    return `entry ${quote(name)} has control characters in its name`;
  if (name.includes('\\')) return `entry ${quote(name)} has a backslash in its name`;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name))
    return `entry ${quote(name)} has an absolute path`;
  if (name.split('/').includes('..')) return `entry ${quote(name)} has a ".." path segment`;
  return undefined;
}

/** Refuses an entry that inflates far beyond its stored size. */
export function checkRatio(
  filename: string,
  entry: string,
  stored: number,
  inflated: number,
): void {
  if (inflated > RATIO_CHECK_MIN_BYTES && inflated > Math.max(stored, 1) * MAX_COMPRESSION_RATIO) {
    throw hostileArchive(
      filename,
      `entry ${quote(entry)} inflates ${Math.round(inflated / Math.max(stored, 1))} times (a zip bomb)`,
    );
  }
}

/** Collects a stream into a buffer, failing past `limit` bytes. */
export async function readCapped(
  stream: AsyncIterable<Buffer>,
  limit: number,
  onOverflow: () => Error,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > limit) throw onOverflow();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
