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
  /** `conflict`: the index holds this filename with other bytes (left in place). */
  action: 'upload' | 'already there' | 'conflict';
  /** For a conflict: the index's sha256. */
  indexSha256?: string;
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
    if (skipExisting) return { file, action: 'conflict', indexSha256: there.sha256 };
    throw conflictError(indexName, [{ file, indexSha256: there.sha256 }], false);
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

/** A file whose name the index holds with other bytes. */
export interface Conflict {
  file: { filename: string; sha256: string };
  indexSha256: string;
}

/**
 * A filename the index holds with other bytes: never success, even with `skip-existing`
 * (which only lets the other files go up first).
 */
export function conflictError(
  indexName: string,
  conflicts: ReadonlyArray<Conflict>,
  othersUploaded: boolean,
): DistributionError {
  const list = conflicts
    .map(
      (c) =>
        `${quote(c.file.filename)} (index sha256 ${c.indexSha256}, this file ${c.file.sha256})`,
    )
    .join('; ');
  const what = conflicts.length === 1 ? 'is' : 'are';
  return new DistributionError(
    `Conflict: ${list} ${what} already on ${indexName} with different contents.${othersUploaded ? " The index's file was left in place and the other files were published; the release on the index is not the one that was signed." : ''}`,
    {
      subject: conflicts[0]?.file.filename,
      hint: othersUploaded
        ? 'A filename can never be reused on PyPI: publish a new version (e.g. a .post1 release) so that the index holds the files you built.'
        : 'A filename can never be reused on PyPI. Publish a new version; `skip-existing: true` publishes the other files first but still reports the conflict.',
    },
  );
}
