/**
 * Limits and entry checks shared by the wheel and sdist readers. Every archive is hostile
 * until checked: a name that could escape an extraction folder, hide from a reviewer or break
 * a log line is refused, and no read goes past a fixed number of bytes.
 */
import { DistributionError } from '../core/errors.ts';
import { quote } from '../core/text.ts';

/** Reading METADATA / PKG-INFO stops here, whatever the archive header claims. */
export const METADATA_MAX_BYTES = 4 * 1024 * 1024;
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

/**
 * The runner's own bound on inflating an archive (`what` says how it is exceeded). It is not
 * PyPI's compression-ratio rule (src/pypi/rules/content-rules.ts, applied per `index-rules`):
 * a file of zeros that PyPI accepts passes here; only an archive far larger than any real one
 * is refused, before the runner spends minutes inflating and hashing it.
 */
export function inflationLimit(filename: string, what: string, limit: number): DistributionError {
  return new DistributionError(
    `${quote(filename)} is refused: ${what}, over the action's limit of ${formatLimit(limit)} uncompressed (a decompression bomb, or far larger than any real distribution).`,
    {
      subject: filename,
      hint: `The limit protects the runner and is far above real distributions (the largest wheels on PyPI inflate to a few GiB). Rebuild the file; if it really must be this large, split the data into several projects or download it at run time.`,
    },
  );
}

/** 8589934592 -> "8 GiB (8589934592 bytes)". */
function formatLimit(bytes: number): string {
  const gib = bytes / 1024 ** 3;
  return Number.isInteger(gib)
    ? `${gib} GiB (${bytes} bytes)`
    : `${Math.round(bytes / 1024 ** 2)} MiB (${bytes} bytes)`;
}
