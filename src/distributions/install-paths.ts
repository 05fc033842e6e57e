/**
 * The install-time view of an archive: where each entry lands when pip installs a wheel (or
 * a user unpacks an sdist) on Linux, macOS or Windows. Two entries that land on one path make
 * the installed file depend on the unpacker's order and the filesystem, so they are refused:
 * exact duplicates, names equal up to case (macOS and Windows) or Unicode normalization
 * (macOS), a file where another entry needs a folder, and `.data/<scheme>/` files that map
 * onto the package itself. Names Windows cannot create or that display differently from
 * what they are (bidi controls) are refused with the reason.
 */
import { quote } from '../core/text.ts';
import { hostileArchive, unsafeEntryName } from './archive-checks.ts';

/** PEP 427 `.data/<scheme>/` folders and where pip installs them. */
const SCHEMES: Record<string, string> = {
  purelib: '',
  platlib: '',
  scripts: '\0scripts/',
  headers: '\0headers/',
  data: '\0data/',
};
/** Bidirectional controls: they reorder how a name displays (Trojan Source). */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const WINDOWS_CHARACTERS = /[<>:"|?*]/;
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

export interface ArchiveName {
  name: string;
  isDirectory: boolean;
}

/** For wheels: the exact `{name}-{version}` stem of the `.dist-info` and `.data` folders. */
export interface WheelLayout {
  stem: string;
}

/** Why one entry name is unsafe on some platform, or undefined. */
export function unportableName(name: string): string | undefined {
  const unsafe = unsafeEntryName(name);
  if (unsafe) return unsafe;
  const entry = `entry ${quote(name)}`;
  if (BIDI.test(name)) return `${entry} has bidirectional control characters in its name`;
  const segments = name.replace(/\/$/, '').split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.')
      return `${entry} has an empty or "." path segment (it lands where another name does)`;
    if (WINDOWS_CHARACTERS.test(segment))
      return `${entry} has a character Windows does not allow in file names (< > : " | ? *)`;
    if (/[. ]$/.test(segment))
      return `${entry} has a segment ending in a dot or space (Windows drops it)`;
    if (WINDOWS_DEVICES.test(segment))
      return `${entry} has the Windows device name ${quote(segment)} as a segment`;
  }
  return undefined;
}

/** Where a wheel entry is installed, as a key; throws for a bad `.data` or `.dist-info`. */
function installedAt(name: string, layout: WheelLayout | undefined, fail: (why: string) => Error) {
  if (!layout) return name;
  const [top = '', scheme, ...rest] = name.split('/');
  if (top.endsWith('.dist-info') && top !== `${layout.stem}.dist-info`)
    throw fail(
      `entry ${quote(name)} is in a second metadata folder (only ${quote(`${layout.stem}.dist-info`)} is allowed)`,
    );
  if (!top.endsWith('.data')) return name;
  if (top !== `${layout.stem}.data`)
    throw fail(
      `entry ${quote(name)} is in a data folder of another name (only ${quote(`${layout.stem}.data`)} is allowed)`,
    );
  if (scheme === undefined || scheme === '') return name;
  const prefix = SCHEMES[scheme];
  if (prefix === undefined)
    throw fail(`entry ${quote(name)} uses the unknown install scheme ${quote(scheme)}`);
  if (scheme === 'data' && rest.some((s) => /^(site|dist)-packages$/i.test(s)))
    throw fail(`entry ${quote(name)} installs into site-packages through the data scheme`);
  return rest.length === 0 ? name : `${prefix}${rest.join('/')}`;
}

/**
 * Refuses entries that are unportable or that two of which land on one installed path.
 * `layout` turns on the wheel rules (`.data` mapping, one metadata folder).
 */
export function checkInstallPaths(
  filename: string,
  entries: readonly ArchiveName[],
  layout?: WheelLayout,
): void {
  const fail = (why: string) => hostileArchive(filename, why);
  const files = new Map<string, string>();
  const folders = new Map<string, string>();
  const seen = new Set<string>();
  for (const { name, isDirectory } of entries) {
    const problem = unportableName(name);
    if (problem) throw fail(problem);
    if (seen.has(name)) throw fail(`entry ${quote(name)} appears twice`);
    seen.add(name);
    const path = installedAt(name.replace(/\/$/, ''), layout, fail);
    // macOS folds case and Unicode normalization, Windows folds case.
    const key = path.normalize('NFC').toLowerCase();
    const other = files.get(key) ?? (isDirectory ? undefined : folders.get(key));
    if (other !== undefined)
      throw fail(
        other === name
          ? `entry ${quote(name)} appears twice`
          : `entries ${quote(other)} and ${quote(name)} install to the same path (on some filesystems)`,
      );
    if (isDirectory) folders.set(key, name);
    else files.set(key, name);
    const segments = key.split('/');
    for (let depth = 1; depth < segments.length; depth++)
      folders.set(segments.slice(0, depth).join('/'), name);
  }
  for (const [key, name] of files) {
    const folder = folders.get(key);
    if (folder !== undefined)
      throw fail(`entry ${quote(name)} is a file where entry ${quote(folder)} needs a folder`);
  }
}
