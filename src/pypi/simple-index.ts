/**
 * A PEP 503 simple repository page built from release assets: one link per distribution with
 * `#sha256=`, `data-requires-python` and `data-gpg-sig`, plus links to the provenance, so a
 * GitHub Pages site can serve as a backup index that pip understands.
 * https://peps.python.org/pep-0503/
 */
import { escapeHtml } from '../core/io.ts';

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
