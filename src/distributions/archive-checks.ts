/**
 * Limits and entry checks shared by the wheel and sdist readers. Every archive is hostile
 * until checked: a name that could escape an extraction folder, hide from a reviewer or break
 * a log line is refused, and no read goes past a fixed number of bytes.
 */
import { DistributionError } from '../core/errors.ts';
import { quote } from '../core/text.ts';

/** Reading METADATA / PKG-INFO stops here, whatever the archive header claims. */
export const METADATA_MAX_BYTES = 4 * 1024 * 1024;
/** Inflating to more than this many times the stored size is a decompression bomb... */
export const MAX_COMPRESSION_RATIO = 200;
/** ...once past this size (small files of zeros compress well and are harmless). */
export const RATIO_CHECK_MIN_BYTES = 1024 * 1024;
/** No backend writes longer entry names; bounds the memory kept per entry. */
export const MAX_ENTRY_NAME_LENGTH = 1024;

const HINT =
  'Build the distribution with a standard backend from a clean checkout; never release an archive you did not build.';

/** The error for an archive that is unreadable, malformed or hostile. */
export function hostileArchive(filename: string, why: string): DistributionError {
  return new DistributionError(`${quote(filename)} is refused: ${why}.`, {
    subject: filename,
    hint: HINT,
  });
}

/**
 * Why an archive entry name is unsafe, or undefined. Names use `/` as zip and tar do; a
 * trailing `/` marks a folder.
 */
export function unsafeEntryName(name: string): string | undefined {
  const entry = `entry ${quote(name)}`;
  if (name === '') return 'an entry has an empty name';
  if (name.length > MAX_ENTRY_NAME_LENGTH)
    return `${entry} has a name longer than ${MAX_ENTRY_NAME_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name))
    return `${entry} has control characters in its name`;
  if (name.includes('\\')) return `${entry} has a backslash in its name`;
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return `${entry} has an absolute path`;
  if (name.split('/').includes('..')) return `${entry} has a ".." path segment`;
  return undefined;
}

/** Refuses `inflated` bytes coming out of `stored` ones when the ratio marks a bomb. */
export function checkRatio(filename: string, what: string, stored: number, inflated: number): void {
  if (inflated <= RATIO_CHECK_MIN_BYTES || inflated <= stored * MAX_COMPRESSION_RATIO) return;
  const ratio = stored > 0 ? `${Math.round(inflated / stored)} times its size` : 'from nothing';
  throw hostileArchive(
    filename,
    `${what} inflates ${ratio}, over the limit of ${MAX_COMPRESSION_RATIO} (a decompression bomb)`,
  );
}
