/**
 * Distribution filename rules: wheels per PEP 427 / PEP 491
 * (https://packaging.python.org/en/latest/specifications/binary-distribution-format/), sdists
 * per PEP 625 (https://packaging.python.org/en/latest/specifications/source-distribution-format/)
 * plus the dashed `st-demo-1.0.tar.gz` form older backends still write. Names compare after
 * PEP 503 normalization, versions after PEP 440 normalization.
 */
import { clean, eq, valid } from '@renovatebot/pep440';
import { DistributionError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import type { DistributionFilename, SdistFilename, WheelFilename } from './types.ts';

/** Longer filenames are not something a build backend writes (and many filesystems refuse). */
export const MAX_FILENAME_LENGTH = 255;

const PROJECT_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;
/** One tag of a compressed tag set (`cp311`, `manylinux_2_17_x86_64`). */
const TAG = /^[A-Za-z0-9_]+$/;
const WHEEL_HINT =
  'Wheels are named {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl (PEP 427): rebuild instead of renaming.';
const SDIST_HINT =
  'Build the sdist with `python -m build --sdist`: PyPI takes sdists named {name}-{version}.tar.gz (PEP 625).';

/**
 * PEP 503 normalization (https://peps.python.org/pep-0503/#normalized-names): runs of `-`, `_`
 * and `.` become one `-`, then lowercase.
 */
export function normalizeProjectName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

/**
 * Whether `name` is a valid project name (core metadata `Name`):
 * https://packaging.python.org/en/latest/specifications/name-normalization/
 */
export function isValidProjectName(name: string): boolean {
  return PROJECT_NAME.test(name);
}

/**
 * The PEP 440 normalized form of `version` (`1.0RC1` -> `1.0rc1`, `v2` -> `2`), or a
 * DistributionError naming `subject` (the file or input the version came from).
 */
export function canonicalVersion(version: string, subject: string = version): string {
  const [release = '', local] = version.split('+', 2);
  const canonical = valid(version) === null ? null : clean(release);
  if (canonical === null) {
    throw new DistributionError(`${quote(subject)}: ${quote(version)} is not a PEP 440 version.`, {
      subject,
      hint: 'Use a PEP 440 version such as 1.2.3, 1.2.3rc1 or 1.2.3.post1 (https://peps.python.org/pep-0440/).',
    });
  }
  // @renovatebot/pep440 5 joins local segments with commas (`1.0+abc,7`): do that part here.
  return local === undefined ? canonical : `${canonical}+${canonicalLocal(local)}`;
}

/** PEP 440 local label: lowercase, `.` separators, numeric segments without leading zeros. */
function canonicalLocal(local: string): string {
  return local
    .toLowerCase()
    .split(/[-_.]/)
    .map((segment) => (/^\d+$/.test(segment) ? segment.replace(/^0+(?=\d)/, '') : segment))
    .join('.');
}

/** PEP 440 equality (`1.0` equals `1.0.0`); false when either side is not a version. */
export function versionsEqual(a: string, b: string): boolean {
  return valid(a) !== null && valid(b) !== null && eq(a, b);
}

function invalid(filename: string, why: string, hint: string): DistributionError {
  return new DistributionError(`${quote(filename)} is not a valid distribution filename: ${why}.`, {
    subject: filename,
    hint,
  });
}

/** Printable ASCII only: a name with blanks or controls was not written by a backend. */
function checkCharacters(filename: string, hint: string): void {
  if (filename.length > MAX_FILENAME_LENGTH || !/^[\x21-\x7e]+$/.test(filename)) {
    throw invalid(filename, 'it is too long or has non-ASCII, blank or control characters', hint);
  }
}

/** Splits a compressed tag set (`py2.py3`) into its tags. */
function expandTags(filename: string, set: string, what: string): string[] {
  const tags = set.split('.');
  if (tags.some((tag) => !TAG.test(tag)))
    throw invalid(filename, `the ${what} tag ${quote(set)} is malformed`, WHEEL_HINT);
  return tags;
}

/**
 * Parses `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl` like
 * `packaging.utils.parse_wheel_filename`: 5 or 6 dash-separated parts, a name of `[\w.]`
 * without `__`, a PEP 440 version, a build tag starting with a digit, tag sets expanded.
 */
export function parseWheelFilename(filename: string): WheelFilename {
  checkCharacters(filename, WHEEL_HINT);
  if (!filename.endsWith('.whl')) throw invalid(filename, 'it does not end in .whl', WHEEL_HINT);
  const parts = filename.slice(0, -'.whl'.length).split('-');
  if (parts.length !== 5 && parts.length !== 6)
    throw invalid(filename, `it has ${parts.length} dash-separated parts, not 5 or 6`, WHEEL_HINT);
  const [name = '', version = ''] = parts;
  if (!/^[\w.]+$/.test(name) || name.includes('__') || !isValidProjectName(name))
    throw invalid(filename, `the name part ${quote(name)} is not a distribution name`, WHEEL_HINT);
  if (valid(version) === null)
    throw invalid(filename, `the version ${quote(version)} is not PEP 440`, WHEEL_HINT);
  const build = parts.length === 6 ? (parts[2] as string) : undefined;
  if (build !== undefined && !/^\d[\w.]*$/.test(build))
    throw invalid(filename, `the build tag ${quote(build)} must start with a digit`, WHEEL_HINT);
  const [python = '', abi = '', platform = ''] = parts.slice(-3);
  return {
    kind: 'wheel',
    filename,
    name,
    project: normalizeProjectName(name),
    version,
    ...(build === undefined ? {} : { build }),
    pythonTags: expandTags(filename, python, 'python'),
    abiTags: expandTags(filename, abi, 'ABI'),
    platformTags: expandTags(filename, platform, 'platform'),
  };
}

/**
 * Parses `{name}-{version}.tar.gz`. PEP 625 names have one dash; older backends keep the
 * project's dashes (`st-demo-1.0.tar.gz`), so the split is at the last dash followed by a
 * valid PEP 440 version.
 */
export function parseSdistFilename(filename: string): SdistFilename {
  checkCharacters(filename, SDIST_HINT);
  if (!filename.endsWith('.tar.gz'))
    throw invalid(filename, 'PyPI only accepts sdists as .tar.gz', SDIST_HINT);
  const stem = filename.slice(0, -'.tar.gz'.length);
  for (let dash = stem.lastIndexOf('-'); dash > 0; dash = stem.lastIndexOf('-', dash - 1)) {
    const name = stem.slice(0, dash);
    const version = stem.slice(dash + 1);
    if (/^v?\d/i.test(version) && valid(version) !== null && isValidProjectName(name))
      return { kind: 'sdist', filename, name, project: normalizeProjectName(name), version };
  }
  throw invalid(
    filename,
    'it does not split into {name}-{version} with a PEP 440 version',
    SDIST_HINT,
  );
}

/** Other source formats PyPI refused or stopped taking; named so the error can say so. */
const NOT_TAR_GZ = ['.zip', '.tar.bz2', '.tar.xz', '.tar.zst', '.tar', '.tgz', '.tbz'];

/** Dispatches on the extension: `.whl` is a wheel, `.tar.gz` an sdist, anything else refused. */
export function parseDistributionFilename(filename: string): DistributionFilename {
  if (filename.endsWith('.whl')) return parseWheelFilename(filename);
  if (filename.endsWith('.tar.gz')) return parseSdistFilename(filename);
  const lower = filename.toLowerCase();
  if (NOT_TAR_GZ.some((suffix) => lower.endsWith(suffix)))
    throw invalid(filename, 'PyPI only accepts sdists as .tar.gz', SDIST_HINT);
  if (lower.endsWith('.egg'))
    throw invalid(
      filename,
      'PyPI no longer accepts eggs, only wheels and .tar.gz sdists',
      'Build a wheel instead: `python -m build`.',
    );
  throw invalid(
    filename,
    'only wheels (.whl) and sdists (.tar.gz) are distributions',
    'Remove other files from `packages-dir`.',
  );
}
