/**
 * The release routes of the GitHub stand-in (`/repos/{owner}/{repo}/releases…`), and the
 * context every route gets. Visibility follows GitHub: a token without push access sees no
 * drafts anywhere (lists, by id), and `releases/tags/{tag}` never returns a draft.
 */
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonObject, sendJson } from './http.ts';
import type { Link } from './github-link.ts';
import { releaseJson, type JsonOptions } from './github-json.ts';
import type { ReleaseInput, ReleaseRecord, ReleaseStore } from './github-store.ts';
import {
  booleanField,
  invalidRequest,
  makeLatestField,
  notFound,
  paginate,
  stringField,
} from './github-wire.ts';

/** Release bodies are small; GitHub caps `body` at 125,000 characters. */
export const MAX_JSON_BYTES = 1024 * 1024;

/** `contents:write` implies `contents:read` and push access (drafts are visible). */
export type TokenPermission = 'contents:read' | 'contents:write' | 'attestations:write';

/** What `breakNextUpload` asks of the next upload. */
export interface BreakUploadOptions {
  /** Bytes kept before the upload breaks off (default: half the `Content-Length`). */
  afterBytes?: number;
  /** Drop the connection instead of answering 502. */
  reset?: boolean;
}

/** The stand-in's mutable state, shared by all routes. */
export interface GitHubState {
  origin: string;
  /** The upload host (`uploads.github.com`): the only one that takes asset uploads. */
  uploadOrigin: string;
  /** The storage host downloads redirect to (`release-assets.githubusercontent.com`). */
  storageOrigin: string;
  /** Signed storage URLs handed out by downloads: key -> the asset and when it expires. */
  signedUrls: Map<string, SignedUrl>;
  /** Where asset bytes live; removed on close. */
  dir: string;
  store: ReleaseStore;
  digests: boolean;
  breakUpload: BreakUploadOptions | undefined;
  /** The runner's link to the upload and storage hosts: bandwidth and stalls. */
  link: Link;
}

/** A storage URL a download was redirected to; it needs no token and refuses one. */
export interface SignedUrl {
  repository: string;
  assetId: number;
  expiresAt: number;
}

/** What a route handler gets for one request. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** `owner/repo` as requested. */
  repository: string;
  /** Push access: sees drafts. */
  push: boolean;
  /** Throws 403 "Resource not accessible by integration" unless the token has `permission`. */
  requirePermission(permission: TokenPermission): void;
  state: GitHubState;
  /**
   * The origin the client used: the stand-in's own, or a proxy's (from `x-forwarded-host`), so
   * that `upload_url` and download links keep going through the proxy as they would on GitHub.
   */
  origin: string;
}

/** One endpoint under `/repos/{owner}/{repo}`. */
export interface Route {
  method: string;
  /** Matched against the path after `/repos/{owner}/{repo}`. */
  path: RegExp;
  handle(ctx: RouteContext, params: string[]): Promise<void> | void;
  /** Served only by the upload host (and it serves nothing else). */
  uploadHost?: boolean;
}

/** What creating, editing and deleting releases and assets takes. */
export const WRITE = 'contents:write';

/** How answers render, from the current controls (`omitDigests`). */
export const jsonOptions = (ctx: Pick<RouteContext, 'state' | 'origin'>): JsonOptions => ({
  origin: ctx.origin,
  uploadOrigin: ctx.state.uploadOrigin,
  digests: ctx.state.digests,
});

/** The release `id` as the caller may see it: drafts are 404 without push access. */
export function visibleRelease(ctx: RouteContext, id: string | undefined): ReleaseRecord {
  const release = ctx.state.store.find(ctx.repository, Number(id));
  if (release.draft && !ctx.push) throw notFound();
  return release;
}

const answer = (ctx: RouteContext, status: number, release: ReleaseRecord): void =>
  sendJson(ctx.res, status, releaseJson(release, jsonOptions(ctx)));

/** https://docs.github.com/rest/releases/releases */
export const releaseRoutes: Route[] = [
  { method: 'GET', path: /^\/releases$/, handle: listReleases },
  { method: 'POST', path: /^\/releases$/, handle: createRelease },
  {
    method: 'GET',
    path: /^\/releases\/latest$/,
    handle: (ctx) => answer(ctx, 200, ctx.state.store.latest(ctx.repository)),
  },
  { method: 'GET', path: /^\/releases\/tags\/(.+)$/, handle: releaseByTag },
  {
    method: 'GET',
    path: /^\/releases\/(\d+)$/,
    handle: (ctx, [id]) => answer(ctx, 200, visibleRelease(ctx, id)),
  },
  { method: 'PATCH', path: /^\/releases\/(\d+)$/, handle: updateRelease },
  { method: 'DELETE', path: /^\/releases\/(\d+)$/, handle: deleteRelease },
];

function listReleases(ctx: RouteContext): void {
  const all = ctx.state.store.listed(ctx.repository, ctx.push);
  const { page, headers } = paginate(all, ctx.url, ctx.origin);
  const options = jsonOptions(ctx);
  sendJson(
    ctx.res,
    200,
    page.map((r) => releaseJson(r, options)),
    headers,
  );
}

// "Get a published release with the specified tag": drafts are invisible here, even with push.
function releaseByTag(ctx: RouteContext, [tag]: string[]): void {
  const name = decodeURIComponent(tag ?? '');
  const release = ctx.state.store.list(ctx.repository, false).find((r) => r.tagName === name);
  if (!release) throw notFound();
  answer(ctx, 200, release);
}

async function createRelease(ctx: RouteContext): Promise<void> {
  ctx.requirePermission(WRITE);
  const body = await readJsonObject(ctx.req, MAX_JSON_BYTES);
  const input = releaseInput(body);
  if (input.tag_name === undefined) throw invalidRequest('"tag_name" wasn\'t supplied.');
  if (booleanField(body, 'generate_release_notes')) {
    input.body = generatedNotes(ctx, input.tag_name, input.body);
    input.name ??= input.tag_name;
  }
  const release = ctx.state.store.create(ctx.repository, input);
  answer(ctx, 201, release);
}

async function updateRelease(ctx: RouteContext, [id]: string[]): Promise<void> {
  ctx.requirePermission(WRITE);
  const release = visibleRelease(ctx, id);
  const input = releaseInput(await readJsonObject(ctx.req, MAX_JSON_BYTES));
  answer(ctx, 200, ctx.state.store.update(release, input));
}

async function deleteRelease(ctx: RouteContext, [id]: string[]): Promise<void> {
  ctx.requirePermission(WRITE);
  const release = visibleRelease(ctx, id);
  ctx.state.store.remove(release);
  await Promise.all(release.assets.map((a) => a.path && rm(a.path, { force: true })));
  ctx.res.writeHead(204).end();
}

/** The typed fields of a create or update body; unknown fields are ignored, as GitHub does. */
export function releaseInput(body: Record<string, unknown>): ReleaseInput {
  const input: ReleaseInput = {};
  const tag = stringField(body, 'tag_name');
  const target = stringField(body, 'target_commitish');
  const name = stringField(body, 'name', true);
  const text = stringField(body, 'body', true);
  const draft = booleanField(body, 'draft');
  const prerelease = booleanField(body, 'prerelease');
  const makeLatest = makeLatestField(body);
  if (tag !== undefined && tag !== null) input.tag_name = tag;
  if (target !== undefined && target !== null) input.target_commitish = target;
  if (name !== undefined) input.name = name;
  if (text !== undefined) input.body = text;
  if (draft !== undefined) input.draft = draft;
  if (prerelease !== undefined) input.prerelease = prerelease;
  if (makeLatest !== undefined) input.make_latest = makeLatest;
  return input;
}

// GitHub prepends a given body to the generated notes.
function generatedNotes(ctx: RouteContext, tag: string, given: string | null | undefined): string {
  const notes = [
    "## What's Changed",
    `* Release ${tag} by @github-actions`,
    '',
    `**Full Changelog**: ${ctx.origin}/${ctx.repository}/commits/${tag}`,
  ].join('\n');
  return given ? `${given}\n\n${notes}` : notes;
}
