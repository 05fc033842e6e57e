/**
 * Inspecting one distribution (name, version and metadata agree) and a set of them (one
 * project, one version, at most one sdist, the expected version).
 */
import { basename } from 'node:path';
import { DistributionError } from '../errors.ts';
import { quote } from '../text.ts';
import {
  canonicalVersion,
  isValidProjectName,
  normalizeProjectName,
  parseDistributionFilename,
} from './filenames.ts';
import { readSdistMetadata } from './sdist-archive.ts';
import type { InspectedDistribution } from './types.ts';
import { readWheelMetadata } from './wheel-archive.ts';

export async function inspectDistribution(path: string): Promise<InspectedDistribution> {
  const parsed = parseDistributionFilename(basename(path));
  const { filename } = parsed;
  const metadata =
    parsed.kind === 'wheel'
      ? await readWheelMetadata(path, parsed)
      : await readSdistMetadata(path, parsed);
  const mismatch = (what: string, inName: string, inMetadata: string) =>
    new DistributionError(
      `${quote(filename)}: the filename says ${what} ${quote(inName)}, its metadata says ${quote(inMetadata)}.`,
      {
        subject: filename,
        hint: 'The file was renamed or built wrongly; rebuild it instead of renaming.',
      },
    );
  if (!isValidProjectName(metadata.name)) {
    throw new DistributionError(
      `${quote(filename)}: the metadata Name ${quote(metadata.name)} is not a valid project name.`,
      {
        subject: filename,
        hint: 'Project names are ASCII letters, digits, and . _ - (PEP 508).',
      },
    );
  }
  if (normalizeProjectName(metadata.name) !== parsed.project)
    throw mismatch('project', parsed.name, metadata.name);
  if (canonicalVersion(metadata.version, filename) !== canonicalVersion(parsed.version, filename)) {
    throw mismatch('version', parsed.version, metadata.version);
  }
  return { path, parsed, metadata };
}

export interface ReleaseIdentity {
  project: string;
  name: string;
  version: string;
}

/** One project and one version across files, at most one sdist, and the expected version. */
export function checkConsistency(
  list: readonly InspectedDistribution[],
  expectedVersion?: string,
): ReleaseIdentity {
  const groups = new Map<string, string[]>();
  for (const dist of list) {
    const key = `${dist.parsed.project} ${canonicalVersion(dist.metadata.version, dist.parsed.filename)}`;
    groups.set(key, [...(groups.get(key) ?? []), dist.parsed.filename]);
  }
  if (groups.size > 1) {
    const detail = [...groups]
      .map(([key, files]) => `${key}: ${files.map(quote).join(', ')}`)
      .join('; ');
    throw new DistributionError(
      `The files belong to ${groups.size} different releases (${detail}).`,
      {
        subject: 'packages-dir',
        hint: 'Release one project version at a time: clean `packages-dir` before building.',
      },
    );
  }
  const sdists = list.filter((dist) => dist.parsed.kind === 'sdist');
  if (sdists.length > 1) {
    throw new DistributionError(
      `More than one sdist: ${sdists.map((d) => quote(d.parsed.filename)).join(', ')}.`,
      {
        subject: 'packages-dir',
        hint: 'PyPI takes one sdist per release; build the sdist in one job only.',
      },
    );
  }
  const first = list[0];
  if (!first)
    throw new DistributionError('No distributions to check.', {
      subject: 'packages-dir',
      hint: 'Build first.',
    });
  const version = canonicalVersion(first.metadata.version, first.parsed.filename);
  if (
    expectedVersion !== undefined &&
    canonicalVersion(expectedVersion, 'expected-version') !== version
  ) {
    throw new DistributionError(
      `The files carry version ${quote(version)}, but expected-version is ${quote(expectedVersion)}.`,
      {
        subject: 'expected-version',
        hint:
          'Tag the commit whose version matches (e.g. v' +
          version +
          '), or set the version in pyproject.toml to the tag.',
      },
    );
  }
  return { project: first.parsed.project, name: first.metadata.name, version };
}
