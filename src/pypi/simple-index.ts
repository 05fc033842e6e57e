/**
 * A PEP 503 simple repository page built from release assets: one link per distribution with
 * `#sha256=`, `data-requires-python` and `data-gpg-sig`, plus links to the provenance, so a
 * GitHub Pages site can serve as a backup index that pip understands.
 * https://peps.python.org/pep-0503/
 */
import { escapeHtml } from '../core/io.ts';

/** A PEP 503 normalized project name: the only form that becomes a folder of the index. */
const NORMALIZED_PROJECT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);

/**
 * Why a link from a server's answer may not go into the index, or undefined when it may: only
 * `https:` (plain `http:` only to this machine's loopback, where test servers live).
 */
export function indexLinkProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'it is not a URL';
  }
  if (parsed.protocol === 'https:') return undefined;
  const loopback =
    LOOPBACK_HOSTS.has(parsed.hostname) || /^127\.\d+\.\d+\.\d+$/.test(parsed.hostname);
  if (parsed.protocol === 'http:' && loopback) return undefined;
  return `it is a ${parsed.protocol} link, and the index links only https: URLs`;
}

/** Whether a normalized project name may name a folder of the index. */
export function isIndexProjectName(project: string): boolean {
  return NORMALIZED_PROJECT.test(project);
}

export interface IndexEntry {
  filename: string;
  url: string;
  sha256: string;
  requiresPython?: string;
  /** A `<filename>.asc` is published next to it. */
  gpgSig: boolean;
}

export interface IndexExtra {
  filename: string;
  url: string;
}

const PAGE = (title: string, body: string): string =>
  `<!DOCTYPE html>\n<html>\n  <head>\n    <meta name="pypi:repository-version" content="1.0">\n    <title>${escapeHtml(title)}</title>\n  </head>\n  <body>\n${body}  </body>\n</html>\n`;

export function rootPage(projects: readonly string[]): string {
  const links = [...projects]
    .sort()
    .map((p) => `    <a href="${encodeURIComponent(p)}/">${escapeHtml(p)}</a><br>\n`);
  return PAGE('Simple index', links.join(''));
}

export function projectPage(
  project: string,
  entries: readonly IndexEntry[],
  extras: readonly IndexExtra[],
): string {
  const sorted = [...entries].sort((a, b) => (a.filename < b.filename ? -1 : 1));
  const links = sorted.map((e) => {
    const attrs = [
      `href="${escapeHtml(`${e.url}#sha256=${e.sha256}`)}"`,
      ...(e.requiresPython ? [`data-requires-python="${escapeHtml(e.requiresPython)}"`] : []),
      ...(e.gpgSig ? ['data-gpg-sig="true"'] : []),
    ];
    return `    <a ${attrs.join(' ')}>${escapeHtml(e.filename)}</a><br>\n`;
  });
  const signed =
    extras.length > 0
      ? `    <h2>Provenance and signatures</h2>\n${extras.map((x) => `    <a href="${escapeHtml(x.url)}" rel="provenance">${escapeHtml(x.filename)}</a><br>\n`).join('')}`
      : '';
  return PAGE(
    `Links for ${project}`,
    `    <h1>Links for ${escapeHtml(project)}</h1>\n${links.join('')}${signed}`,
  );
}
