/**
 * Distribution filename rules: wheels per PEP 427 / PEP 491 (binary-distribution-format),
 * sdists per PEP 625 plus the dashed `name-with-dashes-1.0.tar.gz` form older backends write.
 * Names are compared after PEP 503 normalization, versions after PEP 440 normalization.
 */
import { clean as cleanVersion } from '@renovatebot/pep440';
import { DistributionError } from '../errors.ts';
import { quote } from '../text.ts';
import type { DistributionFilename, SdistFilename, WheelFilename } from './types.ts';

/** Longer filenames are not something a build backend writes. */
export const MAX_FILENAME_LENGTH = 255;

const PROJECT_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;
const TAG = /^[A-Za-z0-9_]+$/;

/** PEP 503: runs of `-`, `_`, `.` become one `-`, lowercase. */
export function normalizeProjectName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

export function isValidProjectName(name: string): boolean {
  return PROJECT_NAME.test(name);
}

/** The PEP 440 normalized version, or a DistributionError naming `filename`. */
export function canonicalVersion(version: string, filename: string): string {
  const canonical = /^[A-Za-z0-9.+!_-]+$/.test(version) ? cleanVersion(version) : null;
  if (!canonical) {
    throw new DistributionError(
      `${quote(filename)} has a version that is not PEP 440: ${quote(version)}.`,
      {
        subject: filename,
        hint: 'Set a PEP 440 version in pyproject.toml (e.g. 1.2.3, 1.2.3rc1, 1.2.3.post1) and rebuild.',
      },
    );
  }
  return canonical;
}

export function versionsEqual(a: string, b: string): boolean {
  const left = cleanVersion(a);
  return left !== null && left === cleanVersion(b);
}

function invalid(filename: string, why: string, hint: string): DistributionError {
  return new DistributionError(`${quote(filename)} is not a valid distribution filename: ${why}.`, {
    subject: filename,
    hint,
  });
}

function checkCommon(filename: string): void {
  if (filename.length > MAX_FILENAME_LENGTH || !/^[\x21-\x7e]+$/.test(filename)) {
    throw invalid(
      filename,
      'it has non-ASCII, blank or control characters or is too long',
      'Rename nothing by hand: rebuild with a standard backend (hatchling, setuptools, flit, maturin).',
    );
  }
}

/** `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl` */
export function parseWheelFilename(filename: string): WheelFilename {
  checkCommon(filename);
  const hint =
    'Wheels are named {name}-{version}(-{build})?-{python tag}-{abi tag}-{platform tag}.whl (PEP 427); rebuild instead of renaming.';
  if (!filename.endsWith('.whl')) throw invalid(filename, 'it does not end in .whl', hint);
  const parts = filename.slice(0, -4).split('-');
  if (parts.length !== 5 && parts.length !== 6)
    throw invalid(filename, `it has ${parts.length} dash-separated parts, not 5 or 6`, hint);
  const [name = '', version = ''] = parts;
  const build = parts.length === 6 ? parts[2] : undefined;
  const [python = '', abi = '', platform = ''] = parts.slice(-3);
  if (!/^[\w.]+$/.test(name) || name.includes('__') || !isValidProjectName(name)) {
    throw invalid(filename, `the name part ${quote(name)} is not a valid distribution name`, hint);
  }
  if (build !== undefined && !/^\d[\w.]*$/.test(build))
    throw invalid(filename, `the build tag ${quote(build)} must start with a digit`, hint);
  const expand = (set: string, what: string): string[] => {
    const tags = set.split('.');
    if (tags.some((tag) => !TAG.test(tag)))
      throw invalid(filename, `the ${what} tag ${quote(set)} is malformed`, hint);
    return tags;
  };
  const wheel: WheelFilename = {
    kind: 'wheel',
    filename,
    name,
    project: normalizeProjectName(name),
    version: version,
    pythonTags: expand(python, 'python'),
    abiTags: expand(abi, 'ABI'),
    platformTags: expand(platform, 'platform'),
  };
  canonicalVersion(version, filename);
  if (build !== undefined) wheel.build = build;
  return wheel;
}

/** `{name}-{version}.tar.gz`; the version is after the last dash that starts a valid version. */
export function parseSdistFilename(filename: string): SdistFilename {
  checkCommon(filename);
  const hint =
    'sdists are named {name}-{version}.tar.gz (PEP 625); build with `python -m build --sdist`.';
  if (!filename.endsWith('.tar.gz')) {
    throw invalid(filename, 'PyPI only takes sdists as .tar.gz', hint);
  }
  const stem = filename.slice(0, -'.tar.gz'.length);
  for (let dash = stem.lastIndexOf('-'); dash > 0; dash = stem.lastIndexOf('-', dash - 1)) {
    const name = stem.slice(0, dash);
    const version = stem.slice(dash + 1);
    if (/^\d/.test(version) && cleanVersion(version) && isValidProjectName(name)) {
      return { kind: 'sdist', filename, name, project: normalizeProjectName(name), version };
    }
  }
  throw invalid(filename, 'no {name}-{version} split with a PEP 440 version', hint);
}

/** Dispatches on the extension; anything but .whl and .tar.gz is refused. */
export function parseDistributionFilename(filename: string): DistributionFilename {
  if (filename.endsWith('.whl')) return parseWheelFilename(filename);
  if (filename.endsWith('.tar.gz')) return parseSdistFilename(filename);
  throw invalid(
    filename,
    'only wheels (.whl) and sdists (.tar.gz) can be released',
    'Remove other files from `packages-dir`.',
  );
}
