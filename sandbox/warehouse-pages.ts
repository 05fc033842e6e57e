/** The Warehouse stand-in's read side: PEP 503 and PEP 691 simple pages, and the JSON API. */
import type { ServerResponse } from 'node:http';
import { sendJson } from './http.ts';
import type { StoredFile } from './warehouse.ts';

/** A PEP 503 page of links. */
export function html(res: ServerResponse, links: string[]): void {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(
    `<!DOCTYPE html><html><body>\n${links.map((l) => `${l}<br>`).join('\n')}\n</body></html>\n`,
  );
}

/** `/pypi/<project>[/<version>]/json`, the fields clients read. */
export function jsonApi(
  res: ServerResponse,
  project: string,
  version: string | undefined,
  files: StoredFile[],
  filesBase: string,
): void {
  const ofProject = files.filter((f) => f.project === project);
  const ofRelease = ofProject.filter((f) => !version || f.version === version);
  if (ofProject.length === 0 || ofRelease.length === 0)
    return sendJson(res, 404, { message: 'Not Found' });
  const entry = (f: StoredFile) => ({
    filename: f.filename,
    packagetype: f.packagetype,
    size: f.size,
    digests: { sha256: f.sha256, blake2b_256: f.blake2b },
    upload_time_iso_8601: f.uploadedAt.toISOString(),
    // Where the file is served (files.pythonhosted.org on PyPI).
    url: `${filesBase}/${f.project}/${f.filename}`,
  });
  sendJson(res, 200, {
    info: { name: project, version: version ?? ofProject.at(-1)?.version },
    urls: ofRelease.map(entry),
  });
}

/** A PEP 691 project page (JSON), for clients that ask for it in `Accept`. */
export function simpleJson(
  res: ServerResponse,
  project: string,
  files: StoredFile[],
  publicUrl: string,
): void {
  res.writeHead(200, { 'content-type': 'application/vnd.pypi.simple.v1+json' });
  res.end(
    JSON.stringify({
      meta: { 'api-version': '1.1' },
      name: project,
      files: files.map((f) => ({
        filename: f.filename,
        url: `${publicUrl}/files/${f.project}/${f.filename}`,
        hashes: { sha256: f.sha256 },
        size: f.size,
        'upload-time': f.uploadedAt.toISOString(),
      })),
    }),
  );
}
