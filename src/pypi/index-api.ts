/**
 * Reading which files a release already has, with their sha256 and upload time, for the checks
 * before uploading and the confirmation after: PyPI's JSON API (`/pypi/<project>/<version>/
 * json`), or, on an index without it (devpi, Artifactory), the simple API (PEP 691 JSON or
 * PEP 503 HTML).
 * https://docs.pypi.org/api/json/
 */
import { ServiceError } from '../core/errors.ts';
import {
  isObject,
  kindOf,
  MAX_INDEX_PAGE_BYTES,
  optionalString,
  readJsonObject,
} from '../http/answer.ts';
import { fetchWithRetry } from '../http/fetch.ts';
import type { RetryPolicy } from '../http/retry.ts';
import { knownAudience } from '../config/index-audience.ts';
import {
  fileAddress,
  readSimplePage,
  simpleApiBase,
  simpleReleaseFiles,
  withAddress,
} from './simple-api.ts';

export interface IndexFile {
  filename: string;
  sha256: string;
  packagetype: string;
  /** An invalid Date when the index does not say (a PEP 503 page). */
  uploadTime: Date;
  /** Where the index serves the file (an http(s) URL), when it says. */
  url?: string;
}

/** upload.pypi.org -> pypi.org; test.pypi.org stays; other indexes serve it on their origin. */
export function jsonApiBase(uploadUrl: string): string {
  const url = new URL(uploadUrl);
  if (url.hostname === 'upload.pypi.org') return 'https://pypi.org';
  return url.origin;
}

/**
 * The release's files, or [] when the project or release does not exist yet. With
 * `simpleUrl` (the `simple-url` input) only that simple API is read.
 */
export async function releaseFiles(
  uploadUrl: string,
  project: string,
  version: string,
  policy?: RetryPolicy,
  simpleUrl?: string,
): Promise<IndexFile[]> {
  if (simpleUrl) return simpleReleaseFiles(uploadUrl, project, version, policy, simpleUrl);
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
  const answer = await readJsonObject(response, {
    service: "The index's JSON API",
    url,
    maxBytes: MAX_INDEX_PAGE_BYTES,
    hint: 'Check `repository-url` (it must be the upload URL of a Warehouse-like index) and re-run the job.',
  });
  // No "urls" is not "no files": a proxy's `{"message": …}` must not read as an empty release.
  const { urls } = answer.body;
  if (!Array.isArray(urls)) throw answer.wrong(`"urls" is ${kindOf(urls)}, not a list`);
  return urls.map((file: unknown, i) => {
    const where = `"urls" item ${i}`;
    if (!isObject(file)) throw answer.wrong(`${where} is ${kindOf(file)}, not an object`);
    const filename = optionalString(answer, file.filename, `${where} "filename"`);
    if (!filename) throw answer.wrong(`${where} has no "filename"`);
    const digests = file.digests ?? {};
    if (!isObject(digests))
      throw answer.wrong(`${where} "digests" is ${kindOf(digests)}, not an object`);
    const uploaded = optionalString(
      answer,
      file.upload_time_iso_8601,
      `${where} "upload_time_iso_8601"`,
    );
    return {
      filename,
      sha256: optionalString(answer, digests.sha256, `${where} "digests" "sha256"`) ?? '',
      packagetype: optionalString(answer, file.packagetype, `${where} "packagetype"`) ?? '',
      uploadTime: new Date(uploaded ?? 0),
      ...withAddress(fileAddress(file.url, url)),
    };
  });
}

/**
 * Whether the index already has `project` (any release, or none yet): PyPI's JSON API when
 * it answers 200, else the project's simple page (PEP 503: 404 = no such project; a project
 * without files answers 200 there while its JSON API answers 404). Throws a ServiceError
 * naming what could not be established when the index answers anything else.
 */
export async function projectExists(
  uploadUrl: string,
  project: string,
  policy?: RetryPolicy,
  simpleUrl?: string,
): Promise<boolean> {
  const fail = (what: string, cause: unknown): never => {
    throw new ServiceError(
      `Could not establish whether ${project} exists on ${uploadUrl}: ${what} (${cause instanceof Error ? cause.message : String(cause)}).`,
      {
        hint: 'Re-run the job once the index answers. For an index that serves its simple API elsewhere, set `simple-url`.',
      },
    );
  };
  if (!simpleUrl && knownAudience(uploadUrl) !== undefined) {
    const url = `${jsonApiBase(uploadUrl)}/pypi/${encodeURIComponent(project)}/json`;
    const response = await fetchWithRetry(
      url,
      () => ({ headers: { accept: 'application/json' } }),
      `read ${url}`,
      policy,
    ).catch((error: unknown) => fail(`reading ${url} failed`, error));
    await response.body?.cancel().catch(() => undefined);
    if (response.ok) return true;
    if (response.status !== 404) fail(`${url} answered`, response.status);
  }
  const base = simpleApiBase(uploadUrl, simpleUrl);
  const page = await readSimplePage(base, project, policy).catch((error: unknown) =>
    fail(`its simple API (${base}) did not answer as one`, error),
  );
  return page !== undefined;
}
