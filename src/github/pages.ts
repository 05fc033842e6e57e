/**
 * Following GitHub's paginated lists by their `Link: <…>; rel="next"` headers, with the
 * checks Octokit's `paginate` does not make: a next page on another host (the token would go
 * with it), a next page already seen (a loop), and more pages than any real list has.
 * Docs: https://docs.github.com/rest/using-the-rest-api/using-pagination-in-the-rest-api
 */
import type { Octokit } from '@octokit/rest';
import { ServiceError } from '../core/errors.ts';
import { mayCarryToken } from './hosts.ts';

/** 100 per page: 10,000 releases, ten times GitHub's 1,000 assets per release. */
export const MAX_PAGES = 100;

interface Page {
  url: string;
  data: unknown;
  headers: { link?: string | undefined };
}

/** The `rel="next"` URL of a `Link` header, if any. */
export function nextLink(link: string | undefined): string | undefined {
  for (const part of (link ?? '').split(',')) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /\brel="?next"?/.test(match[2] ?? '')) return match[1];
  }
  return undefined;
}

/**
 * Every item of a list, page by page from `first`. `items` checks each page's answer and
 * returns its items; `what` names the list in errors.
 */
export async function collectPages<T>(
  octokit: Octokit,
  hosts: { apiUrl: string; uploadUrl?: string | undefined },
  first: () => Promise<Page>,
  items: (data: unknown) => T[],
  what: string,
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  let page = await first();
  for (let count = 1; ; count++) {
    seen.add(page.url);
    all.push(...items(page.data));
    const next = nextLink(page.headers.link);
    if (next === undefined) return all;
    const url = new URL(next, page.url).href;
    if (!mayCarryToken(hosts.apiUrl, url, hosts.uploadUrl))
      throw pagingError(what, `its next page is on another host (${new URL(url).host})`);
    if (seen.has(url)) throw pagingError(what, `its next page is one already read (${url})`);
    if (count >= MAX_PAGES) throw pagingError(what, `it goes on past ${MAX_PAGES} pages`);
    page = (await octokit.request({ method: 'GET', url })) as Page;
  }
}

function pagingError(what: string, detail: string): ServiceError {
  return new ServiceError(`Failed to ${what}: GitHub's list does not end (${detail}).`, {
    hint: 'Something between the runner and GitHub (a proxy, a wrong GITHUB_API_URL) answers the API; check it, then re-run.',
  });
}
