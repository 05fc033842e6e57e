/**
 * How GitHub's REST API words its answers, shared by the GitHub stand-in's routes: error bodies
 * (`{message, errors?, documentation_url, status}`), 422 validation errors, the `Link` header
 * of paginated lists, and the typed reading of JSON request fields.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, sendJson } from './http.ts';

const DOCS = 'https://docs.github.com/rest';
/** GitHub's page size when `per_page` is absent, and the most it ever returns. */
export const DEFAULT_PER_PAGE = 30;
export const MAX_PER_PAGE = 100;

/** One entry of a 422 "Validation Failed" answer. */
export interface ValidationItem {
  resource: string;
  code: string;
  field: string;
  message?: string;
}

/** An answer in GitHub's error format; `headers` are added to the answer (rate limits). */
export class GitHubError extends HttpError {
  readonly errors: ValidationItem[] | undefined;
  readonly headers: Record<string, string>;
  readonly documentationUrl: string;
  constructor(
    status: number,
    message: string,
    extra: { errors?: ValidationItem[]; headers?: Record<string, string>; docs?: string } = {},
  ) {
    super(status, message);
    this.name = 'GitHubError';
    this.errors = extra.errors;
    this.headers = extra.headers ?? {};
    this.documentationUrl = extra.docs ?? DOCS;
  }
}

/** 422 `Validation Failed` with one `errors` entry, as GitHub answers a rule it enforces. */
export function validationFailed(item: ValidationItem): GitHubError {
  return new GitHubError(422, 'Validation Failed', { errors: [item] });
}

/** 422 for a request that breaks the endpoint's JSON schema (missing or mistyped field). */
export function invalidRequest(detail: string): GitHubError {
  return new GitHubError(422, `Invalid request.\n\n${detail}`);
}

/** GitHub's 404, also its answer for what the token may not see. */
export const notFound = (): GitHubError => new GitHubError(404, 'Not Found');

/** Answers `error` as GitHub does; other HttpErrors (413, 400 from http.ts) get the same shape. */
export function sendGitHubError(res: ServerResponse, error: HttpError): void {
  const github = error instanceof GitHubError ? error : undefined;
  sendJson(
    res,
    error.status,
    {
      message: error.message,
      ...(github?.errors ? { errors: github.errors } : {}),
      documentation_url: github?.documentationUrl ?? DOCS,
      status: String(error.status),
    },
    github?.headers,
  );
}

/**
 * Waits until the client has sent the whole request body, throwing it away. Answering before
 * that (a refused upload) would race the client's own writes and turn a clean 4xx into a reset.
 */
export async function drain(req: IncomingMessage): Promise<void> {
  if (req.complete || req.destroyed) return;
  await new Promise<void>((resolve) => {
    req.on('end', resolve).on('close', resolve).on('error', resolve);
    req.resume();
  });
}

/** One page of `items` and the `Link` header GitHub would send with it (none for one page). */
export function paginate<T>(
  items: T[],
  url: URL,
  origin: string,
): { page: T[]; headers: Record<string, string> } {
  const perPage = clampPerPage(url.searchParams.get('per_page'));
  const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '', 10) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const at = (n: number): string => {
    const query = new URLSearchParams(url.searchParams);
    query.delete('per_page');
    query.delete('page');
    const rest = query.size > 0 ? `&${query}` : '';
    return `<${origin}${url.pathname}?per_page=${perPage}&page=${n}${rest}>`;
  };
  // GitHub's order: prev, next, last, first; each only where it makes sense.
  const links: string[] = [];
  if (page > 1) links.push(`${at(Math.min(page - 1, last))}; rel="prev"`);
  if (page < last) links.push(`${at(page + 1)}; rel="next"`, `${at(last)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`);
  return {
    page: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

function clampPerPage(value: string | null): number {
  const n = Number.parseInt(value ?? '', 10);
  if (!Number.isFinite(n) || n < 1) return DEFAULT_PER_PAGE;
  return Math.min(n, MAX_PER_PAGE);
}

/** A string field; `null` passes when `nullable` (GitHub's `string | null` properties). */
export function stringField(
  body: Record<string, unknown>,
  key: string,
  nullable = false,
): string | null | undefined {
  const value = body[key];
  if (value === undefined || (value === null && nullable)) return value;
  if (typeof value !== 'string') throw mistyped(key, value, 'string');
  return value;
}

/** A boolean field, or undefined when absent. */
export function booleanField(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined || typeof value === 'boolean') return value;
  throw mistyped(key, value, 'boolean');
}

/** `make_latest`: a string enum, not a boolean, in the REST API. */
export function makeLatestField(body: Record<string, unknown>): MakeLatest | undefined {
  const value = body.make_latest;
  if (value === undefined || value === 'true' || value === 'false' || value === 'legacy')
    return value;
  throw invalidRequest(
    `For 'properties/make_latest', ${JSON.stringify(value)} is not one of ["true", "false", "legacy"].`,
  );
}

/** Whether a published release becomes `releases/latest`. */
export type MakeLatest = 'true' | 'false' | 'legacy';

const mistyped = (key: string, value: unknown, type: string): GitHubError =>
  invalidRequest(`For 'properties/${key}', ${JSON.stringify(value)} is not a ${type}.`);

/** GitHub's timestamps: ISO 8601 in UTC without milliseconds. */
export const timestamp = (date = new Date()): string =>
  date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Global node ids are opaque base64 on GitHub; the prefix names the type, as GitHub's do. */
export const nodeId = (prefix: string, id: number | string): string =>
  `${prefix}_${Buffer.from(`sandbox:${id}`).toString('base64url')}`;

/** What `simpleUser` needs to know of an account; the rest follows from the login. */
export interface Account {
  login: string;
  id: number;
  node_id: string;
  type: 'User' | 'Bot' | 'Organization';
  avatar_url: string;
  /** Default `https://github.com/<login>`; apps' bots have their app's page. */
  html_url?: string;
}

/**
 * An account as the REST API answers it everywhere (`simple-user`): the same set of links
 * under `https://api.github.com/users/<login>`, as github.com gives them. Nothing follows them.
 */
export function simpleUser(account: Account) {
  const url = `https://api.github.com/users/${encodeURIComponent(account.login)}`;
  return {
    login: account.login,
    id: account.id,
    node_id: account.node_id,
    avatar_url: account.avatar_url,
    gravatar_id: '',
    url,
    html_url: account.html_url ?? `https://github.com/${account.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: account.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

/** The account releases and assets are attributed to: the workflow token's bot. */
export const ACTIONS_BOT = simpleUser({
  login: 'github-actions[bot]',
  id: 41898282,
  node_id: 'MDM6Qm90NDE4OTgyODI=',
  type: 'Bot',
  avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
  html_url: 'https://github.com/apps/github-actions',
});
