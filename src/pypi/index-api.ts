/**
 * Reading which files a release already has, with their sha256 and upload time, for the checks
 * before uploading and the confirmation after: PyPI's JSON API (`/pypi/<project>/<version>/
 * json`), or, on an index without it (devpi, Artifactory), the simple API (PEP 691 JSON or
 * PEP 503 HTML).
 * https://docs.pypi.org/api/json/
 */
import { ServiceError } from '../core/errors.ts';
import { fetchWithRetry } from '../http/fetch.ts';
import type { RetryPolicy } from '../http/retry.ts';
import { knownAudience } from '../config/index-audience.ts';
import { simpleReleaseFiles } from './simple-api.ts';

export interface IndexFile {
  filename: string;
  sha256: string;
  packagetype: string;
  /** An invalid Date when the index does not say (a PEP 503 page). */
  uploadTime: Date;
}

/** upload.pypi.org -> pypi.org; test.pypi.org stays; other indexes serve it on their origin. */
export function jsonApiBase(uploadUrl: string): string {
  const url = new URL(uploadUrl);
  if (url.hostname === 'upload.pypi.org') return 'https://pypi.org';
  return url.origin;
}

/** The release's files, or [] when the project or release does not exist yet. */
export async function releaseFiles(
  uploadUrl: string,
  project: string,
  version: string,
  policy?: RetryPolicy,
): Promise<IndexFile[]> {
  const url = `${jsonApiBase(uploadUrl)}/pypi/${encodeURIComponent(project)}/${encodeURIComponent(version)}/json`;
  const response = await fetchWithRetry(
    url,
    () => ({ headers: { accept: 'application/json' } }),
    `read ${url}`,
    policy,
  );
  if (response.status === 404) {
    // PyPI's 404 means no such release; another index may simply have no JSON API.
    if (knownAudience(uploadUrl) !== undefined) return [];
    return simpleReleaseFiles(uploadUrl, project, version, policy);
  }
  if (!response.ok) {
    throw new ServiceError(`Failed to read ${url}: ${response.status}`, {
      hint: 'Re-run the job.',
    });
  }
  // An index (or a proxy in front of it) may answer a page, a cut-off or a dripped body.
  const body = (await response.json().catch((error: unknown) => {
    throw new ServiceError(
      `Failed to read ${url}: the answer is not JSON (${error instanceof Error ? error.message : String(error)}).`,
      {
        hint: 'Check `repository-url` (it must be the upload URL of a Warehouse-like index) and re-run the job.',
      },
    );
  })) as {
    urls?: Array<{
      filename?: string;
      digests?: { sha256?: string };
      packagetype?: string;
      upload_time_iso_8601?: string;
    }>;
  };
  if (body.urls !== undefined && !Array.isArray(body.urls))
    throw new ServiceError(`Failed to read ${url}: its "urls" is not a list.`, {
      hint: 'Check `repository-url` (it must be the upload URL of a Warehouse-like index).',
    });
  return (body.urls ?? []).map((file) => ({
    filename: String(file.filename),
    sha256: String(file.digests?.sha256 ?? ''),
    packagetype: String(file.packagetype ?? ''),
    uploadTime: new Date(file.upload_time_iso_8601 ?? 0),
  }));
}
