/**
 * A release's files from an index's simple API, for indexes without PyPI's JSON API (devpi,
 * Artifactory, a Warehouse with it turned off): PEP 691 JSON when the index offers it, else
 * the PEP 503 HTML page, whose links carry the sha256 in their `#sha256=` fragment.
 * https://peps.python.org/pep-0691/ https://peps.python.org/pep-0503/
 */
import { ServiceError } from '../core/errors.ts';
import {
  isObject,
  kindOf,
  MAX_INDEX_PAGE_BYTES,
  optionalString,
  readBoundedText,
  readJsonObject,
  type AnswerSource,
  type JsonAnswer,
} from '../http/answer.ts';
import { fetchWithRetry } from '../http/fetch.ts';
import type { RetryPolicy } from '../http/retry.ts';
import { normalizeProjectName } from '../distributions/filenames.ts';
import type { IndexFile } from './index-api.ts';

const ACCEPT =
  'application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.1';

const HINT =
  'Check that the index serves its simple API there (devpi: `<index URL>+simple/`; set `simple-url` when it is elsewhere), then re-run the job.';

/**
 * The simple API's root for an upload URL: `simpleUrl` when the workflow gives it (devpi's
 * `<user>/<index>/+simple/`), else a guess: `…/legacy/` → `…/simple/` on the JSON API's
 * host (Warehouse: pypi.org for upload.pypi.org), else `<upload URL>simple/` (Artifactory's
 * `api/pypi/<repo>/` layout).
 */
export function simpleApiBase(uploadUrl: string, simpleUrl?: string): string {
  if (simpleUrl) return simpleUrl;
  const url = new URL(uploadUrl);
  if (url.pathname.endsWith('/legacy/')) {
    // PyPI serves its pages on pypi.org, not on the upload host.
    if (url.hostname === 'upload.pypi.org') url.hostname = 'pypi.org';
    url.pathname = url.pathname.replace(/legacy\/$/, 'simple/');
  } else {
    url.pathname = `${url.pathname}simple/`;
  }
  url.search = '';
  return url.href;
}

/**
 * A file's address as an index gives it (PyPI's `url`, a simple page's `href`), resolved
 * against the page it is on, without the `#sha256=` fragment; only http(s), else undefined.
 */
export function fileAddress(raw: unknown, page: string): string | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined;
  try {
    const url = new URL(raw.replace(/&amp;/g, '&'), page);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

/** `{ url }` when there is one (optional properties stay absent, not undefined). */
export const withAddress = (url: string | undefined): { url?: string } => (url ? { url } : {});

/** A project's simple page: undefined when the index answers 404 (it has no such project). */
export async function readSimplePage(
  base: string,
  project: string,
  policy?: RetryPolicy,
): Promise<IndexFile[] | undefined> {
  const url = `${base}${normalizeProjectName(project)}/`;
  const response = await fetchWithRetry(
    url,
    () => ({ headers: { accept: ACCEPT } }),
    `read ${url}`,
    policy,
  );
  if (response.status === 404) return undefined;
  if (!response.ok)
    throw new ServiceError(`Failed to read ${url}: ${response.status}`, { hint: HINT });
  const source: AnswerSource = {
    service: "The index's simple API",
    url,
    maxBytes: MAX_INDEX_PAGE_BYTES,
    hint: HINT,
  };
  const type = response.headers.get('content-type') ?? '';
  return type.includes('application/vnd.pypi.simple.v1+json')
    ? fromJson(await readJsonObject(response, source), url)
    : fromHtml(await readBoundedText(response, source), url);
}

/** The release's files on the simple page; [] when the index does not know the project. */
export async function simpleReleaseFiles(
  uploadUrl: string,
  project: string,
  version: string,
  policy?: RetryPolicy,
  simpleUrl?: string,
): Promise<IndexFile[]> {
  const files = await readSimplePage(simpleApiBase(uploadUrl, simpleUrl), project, policy);
  const stem = normalizeProjectName(project).replace(/-/g, '_');
  return (files ?? []).filter((f) => ofRelease(f.filename, stem, version));
}

/** A wheel or sdist filename of this project (normalized stem) and version. */
function ofRelease(filename: string, stem: string, version: string): boolean {
  const [name = '', fileVersion = ''] = filename.replace(/\.tar\.gz$/, '').split('-');
  return name.replace(/[-_.]+/g, '_').toLowerCase() === stem && fileVersion === version;
}

const packagetype = (filename: string): string =>
  filename.endsWith('.whl') ? 'bdist_wheel' : 'sdist';

/** A PEP 691 project page: `files` is a list of objects, each with a filename and hashes. */
function fromJson(answer: JsonAnswer, page: string): IndexFile[] {
  const { files } = answer.body;
  if (!Array.isArray(files)) throw answer.wrong(`"files" is ${kindOf(files)}, not a list`);
  return files.map((file: unknown, i) => {
    const where = `"files" item ${i}`;
    if (!isObject(file)) throw answer.wrong(`${where} is ${kindOf(file)}, not an object`);
    const filename = optionalString(answer, file.filename, `${where} "filename"`);
    if (!filename) throw answer.wrong(`${where} has no "filename"`);
    const hashes = file.hashes ?? {};
    if (!isObject(hashes))
      throw answer.wrong(`${where} "hashes" is ${kindOf(hashes)}, not an object`);
    const uploaded = optionalString(answer, file['upload-time'], `${where} "upload-time"`);
    return {
      filename,
      sha256: optionalString(answer, hashes.sha256, `${where} "hashes" "sha256"`) ?? '',
      packagetype: packagetype(filename),
      uploadTime: new Date(uploaded ?? NaN),
      ...withAddress(fileAddress(file.url, page)),
    };
  });
}

/** The anchors of a PEP 503 page: the text is the filename, the fragment the sha256. */
function fromHtml(html: string, page: string): IndexFile[] {
  const files: IndexFile[] = [];
  for (const match of html.matchAll(/<a\s[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/gi)) {
    const href = match[1] ?? '';
    const filename = (match[2] ?? '').trim();
    const sha256 = /#sha256=([0-9a-f]{64})/i.exec(href)?.[1]?.toLowerCase() ?? '';
    files.push({
      filename,
      sha256,
      packagetype: packagetype(filename),
      uploadTime: new Date(NaN),
      ...withAddress(fileAddress(href, page)),
    });
  }
  return files;
}
