/**
 * What PyPI would refuse, found before the first upload: a filename already used for other
 * bytes, new files for a release past the 14-day window, a second sdist, a Metadata-Version
 * the index does not take. Pure: the caller fetched what the index has.
 */
import { DistributionError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import type { IndexFile } from './index-api.ts';
import { PYPI_METADATA_VERSIONS } from './rules/metadata-versions.ts';

/** PyPI takes no new files for a release older than this (Warehouse, July 2026). */
export const MAX_RELEASE_AGE_DAYS = 14;
/** Metadata versions PyPI accepts; 2.6 is approved but not yet taken. */
export const INDEX_METADATA_VERSIONS = PYPI_METADATA_VERSIONS;

export interface PlannedFile {
  filename: string;
  sha256: string;
  kind: 'wheel' | 'sdist';
  metadataVersion: string;
}

export type FileDecision = {
  file: PlannedFile;
  action: 'upload' | 'already there' | 'skip existing';
};

export function planIndexUploads(
  indexName: string,
  files: readonly PlannedFile[],
  existing: readonly IndexFile[],
  skipExisting: boolean,
  now: Date,
): FileDecision[] {
  const byName = new Map(existing.map((f) => [f.filename, f]));
  const decisions = files.map((file): FileDecision => {
    const there = byName.get(file.filename);
    if (!there) return { file, action: 'upload' };
    if (there.sha256 === file.sha256) return { file, action: 'already there' };
    if (skipExisting) return { file, action: 'skip existing' };
    throw new DistributionError(
      `${quote(file.filename)} is already on ${indexName} with different contents (index sha256 ${there.sha256}, this file ${file.sha256}).`,
      {
        subject: file.filename,
        hint: "A filename can never be reused on PyPI. Publish a new version, or set `skip-existing: true` to leave the index's file in place.",
      },
    );
  });
  const uploads = decisions.filter((d) => d.action === 'upload');
  if (uploads.length === 0) return decisions;
  for (const { file } of uploads) {
    if (!INDEX_METADATA_VERSIONS.includes(file.metadataVersion)) {
      throw new DistributionError(
        `${quote(file.filename)} has Metadata-Version ${file.metadataVersion}, which ${indexName} does not accept yet.`,
        {
          subject: file.filename,
          hint: `Build with a backend version that writes Metadata-Version ${INDEX_METADATA_VERSIONS.at(-1)} or lower.`,
        },
      );
    }
  }
  const oldest = existing.reduce<Date | undefined>(
    (min, f) => (!min || f.uploadTime < min ? f.uploadTime : min),
    undefined,
  );
  if (oldest && now.getTime() - oldest.getTime() > MAX_RELEASE_AGE_DAYS * 86_400_000) {
    throw new DistributionError(
      `The release on ${indexName} was made on ${oldest.toISOString().slice(0, 10)}, more than ${MAX_RELEASE_AGE_DAYS} days ago: it takes no new files (${uploads.map((u) => quote(u.file.filename)).join(', ')}).`,
      {
        subject: uploads[0]?.file.filename,
        hint: 'Publish the new files as a new version (e.g. a .post1 release).',
      },
    );
  }
  const existingSdist = existing.find((f) => f.packagetype === 'sdist');
  const newSdist = uploads.find((u) => u.file.kind === 'sdist');
  if (existingSdist && newSdist) {
    throw new DistributionError(
      `${indexName} already has the sdist ${quote(existingSdist.filename)} for this release; ${quote(newSdist.file.filename)} would be a second one.`,
      {
        subject: newSdist.file.filename,
        hint: 'A release has one sdist: publish only the new wheels (a backfill builds no sdist).',
      },
    );
  }
  return decisions;
}
