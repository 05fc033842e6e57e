/**
 * Inspecting distributions: one file (its name, archive and metadata agree) and a set of files
 * (one project, one version, at most one sdist, the expected version). What PyPI would refuse
 * about a file the action accepts is in src/pypi/rules.
 */
import { basename } from 'node:path';
import { DistributionError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import {
  canonicalVersion,
  isValidProjectName,
  normalizeProjectName,
  parseDistributionFilename,
  versionsEqual,
} from './filenames.ts';
import { readSdistMetadata } from './sdist-archive.ts';
import type { InspectedDistribution } from './types.ts';
import { readWheelMetadata } from './wheel-archive.ts';

const REBUILD = 'The file was renamed or built wrongly: rebuild it instead of renaming it.';

/**
 * Parses the file's name, checks its archive, reads its core metadata and checks that the
 * metadata Name and Version agree with the filename (PEP 503 names, PEP 440 versions).
 */
export async function inspectDistribution(path: string): Promise<InspectedDistribution> {
  const parsed = parseDistributionFilename(basename(path));
  const { filename } = parsed;
  const metadata =
    parsed.kind === 'wheel'
      ? await readWheelMetadata(path, parsed)
      : await readSdistMetadata(path, parsed);
  if (!isValidProjectName(metadata.name)) {
    throw new DistributionError(
      `${quote(filename)}: its metadata Name ${quote(metadata.name)} is not a valid project name.`,
      {
        subject: filename,
        hint: 'Project names are ASCII letters and digits, with . _ - inside (https://packaging.python.org/en/latest/specifications/name-normalization/).',
      },
    );
  }
  const version = canonicalVersion(metadata.version, filename);
  const mismatch = (what: string, inName: string, inMetadata: string): DistributionError =>
    new DistributionError(
      `${quote(filename)}: the filename says ${what} ${quote(inName)}, its metadata says ${quote(inMetadata)}.`,
      { subject: filename, hint: REBUILD },
    );
  if (normalizeProjectName(metadata.name) !== parsed.project)
    throw mismatch('project', parsed.name, metadata.name);
  if (!versionsEqual(version, parsed.version))
    throw mismatch('version', parsed.version, metadata.version);
  return { path, parsed, metadata };
}

/** The release a set of distributions belongs to. */
export interface ReleaseIdentity {
  /** PEP 503 normalized, e.g. `hatch-demo`. */
  project: string;
  /** As the metadata spells it, e.g. `Hatch_Demo`. */
  name: string;
  /** PEP 440 normalized. */
  version: string;
}

interface ReleaseGroup {
  project: string;
  version: string;
  files: string[];
}

/** Groups files by project and PEP 440-equal version (`1.0` and `1.0.0` are one release). */
function groupByRelease(list: readonly InspectedDistribution[]): ReleaseGroup[] {
  const groups: ReleaseGroup[] = [];
  for (const { parsed, metadata } of list) {
    const version = canonicalVersion(metadata.version, parsed.filename);
    let group = groups.find(
      (g) => g.project === parsed.project && versionsEqual(g.version, version),
    );
    if (!group) groups.push((group = { project: parsed.project, version, files: [] }));
    group.files.push(parsed.filename);
  }
  return groups;
}

/**
 * Checks that the files are one release: one project, one version, at most one sdist (PyPI
 * takes one per release), and the expected version when given (a leading `v` is ignored).
 */
export function checkConsistency(
  list: readonly InspectedDistribution[],
  expectedVersion?: string,
): ReleaseIdentity {
  const groups = groupByRelease(list);
  const first = list[0];
  if (!first)
    throw new DistributionError('There are no distributions to check.', {
      subject: 'packages-dir',
      hint: 'Build the wheels and sdist into `packages-dir` first.',
    });
  if (groups.length > 1) {
    const detail = groups
      .map((g) => `${g.project} ${g.version} (${g.files.map(quote).join(', ')})`)
      .join('; ');
    throw new DistributionError(
      `The files belong to ${groups.length} different releases: ${detail}.`,
      {
        subject: 'packages-dir',
        hint: 'Release one project version at a time: empty `packages-dir` before building.',
      },
    );
  }
  const sdists = list.filter((dist) => dist.parsed.kind === 'sdist');
  if (sdists.length > 1) {
    throw new DistributionError(
      `More than one sdist: ${sdists.map((d) => quote(d.parsed.filename)).join(', ')}.`,
      {
        subject: 'packages-dir',
        hint: 'PyPI takes one sdist per release: build the sdist in one job only.',
      },
    );
  }
  const version = canonicalVersion(first.metadata.version, first.parsed.filename);
  if (expectedVersion !== undefined) {
    const expected = canonicalVersion(expectedVersion.replace(/^[vV]/, ''), 'expected-version');
    if (!versionsEqual(expected, version))
      throw new DistributionError(
        `The files carry version ${version}, but expected-version is ${quote(expectedVersion)}.`,
        {
          subject: 'expected-version',
          hint: `Tag the commit whose pyproject.toml says ${version} (e.g. v${version}), or set the version to match the tag and rebuild.`,
        },
      );
  }
  return { project: first.parsed.project, name: first.metadata.name, version };
}
