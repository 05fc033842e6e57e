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
  const { oldest } = releaseAge(existing);
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

/** When a release's files went up, as far as the index says. */
export interface ReleaseAge {
  /** The oldest upload time the index gives; undefined when it gives none. */
  oldest: Date | undefined;
  /** Files listed without an upload time (a PEP 503 page, a PEP 691 page without PEP 700). */
  undated: string[];
}

export function releaseAge(existing: readonly IndexFile[]): ReleaseAge {
  let oldest: Date | undefined;
  const undated: string[] = [];
  for (const file of existing) {
    if (Number.isNaN(file.uploadTime.getTime())) undated.push(file.filename);
    else if (!oldest || file.uploadTime < oldest) oldest = file.uploadTime;
  }
  return { oldest, undated };
}

/**
 * The warning when the 14-day window cannot be checked: the index lists files of the release
 * without saying when they were uploaded. Not a refusal: the rule is PyPI's, and PyPI's own
 * JSON API always gives the time; another index may have no such rule.
 */
export function undatedReleaseWarning(
  indexName: string,
  existing: readonly IndexFile[],
): string | undefined {
  const { undated } = releaseAge(existing);
  if (undated.length === 0) return undefined;
  return `${indexName} lists ${undated.length} file(s) of this release without an upload time (${undated.map(quote).join(', ')}; its simple page is PEP 503 HTML, or PEP 691 JSON without PEP 700's upload-time), so whether the release is older than ${MAX_RELEASE_AGE_DAYS} days could not be established. PyPI takes no new files for such a release; if this index has that rule, the upload may be refused.`;
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
