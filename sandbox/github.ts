/**
 * A stateful stand-in for GitHub's REST API: the artifact attestations endpoint and the
 * releases API (releases, assets, uploads to `upload_url`, downloads), per repository, with
 * GitHub's rules and failure modes: 401 for an unknown token, 403 without the permission,
 * drafts hidden from tokens without push access and from `releases/tags/{tag}`, 422
 * `already_exists`, immutable releases, `open` (the docs' `starter`) assets after a broken upload, and primary and
 * secondary rate limits worded so Octokit's throttling and retry plugins react as on GitHub.
 * Docs: https://docs.github.com/rest/releases
 */
import { addTag, gitRoutes, type TagRecord, type TagStore } from './github-git.ts';
import { repositoryRoute } from './github-repository.ts';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { HttpError, listenLoopback, readJsonObject, sendJson, sentJson } from './http.ts';
import {
  assetRoutes,
  DOWNLOAD_PATH,
  seedAsset,
  serveDownload,
  serveStorage,
  type SeedAssetOptions,
} from './github-assets.ts';
import { Faults, type RateLimitKind, type RateLimitOptions } from './github-faults.ts';
import { releaseJson, type AssetJson, type ReleaseJson } from './github-json.ts';
import {
  releaseRoutes,
  type BreakUploadOptions,
  type GitHubState,
  type Route,
  type RouteContext,
  type TokenPermission,
} from './github-releases.ts';
import { ReleaseStore, type ReleaseInput, type ReleaseRecord } from './github-store.ts';
import { drain, GitHubError, notFound, sendGitHubError } from './github-wire.ts';
import { seededRandom } from './fault-proxy.ts';
import { Link, type BandwidthOptions, type LinkDirection } from './github-link.ts';
import { commandLine, numberFlag, serveUntilStopped } from './process.ts';
import {
  contentLimitFlags,
  contentLimitsFrom,
  ContentLimits,
  type ContentLimitOptions,
  type ContentLimitStats,
} from './github-limits.ts';

export type { AssetJson, ReleaseJson } from './github-json.ts';
export type { BreakUploadOptions, TokenPermission } from './github-releases.ts';
export type { RateLimitKind, RateLimitOptions } from './github-faults.ts';
export type { ReleaseInput } from './github-store.ts';
export type { SeedAssetOptions } from './github-assets.ts';
export type { BandwidthOptions, LinkDirection } from './github-link.ts';

/** Attestation bundles are a few kB. */
const MAX_ATTESTATION_BYTES = 8 * 1024 * 1024;

/** An attestation bundle stored by `POST /repos/{owner}/{repo}/attestations`. */
export interface StoredAttestation {
  id: number;
  repository: string;
  bundle: Record<string, unknown>;
}

export interface GitHubOptions {
  /** Delays every answer by this much (benchmarks of request counts and concurrency). */
  latencyMs?: number;
  /** GHES mode: GitHub Enterprise Server has no attestations API (unknown routes answer 404). */
  enterprise?: boolean;
  /** Enforce GitHub's secondary limit on content creation (`github-limits.ts`). */
  contentLimits?: ContentLimitOptions;
}

/** One request as answered; `status` 0 when the connection closed without an answer. */
export interface RequestRecord {
  /**
   * Which of GitHub's hosts it went to: the API, the upload host, or github.com itself (the
   * `browser_download_url` pages, which are not part of the REST API).
   */
  host: 'api' | 'uploads' | 'web';
  method: string;
  path: string;
  /** The query string with its `?`, or ''. */
  query: string;
  status: number;
  /** The answer's headers, lower-case names. */
  headers: Record<string, string>;
  /** The JSON text answered, when the answer was JSON (not asset bytes, not empty). */
  body?: string;
}

/** The running stand-in: its URL, token issuing, test controls and state for assertions. */
export interface GitHubSandbox {
  url: string;
  /** The upload host (`uploads.github.com`): `upload_url` points here, nothing else is served. */
  uploadUrl: string;
  /** The storage host downloads are redirected to; it refuses requests with `Authorization`. */
  storageUrl: string;
  /** Issues a token with the given permissions (the workflow token of a job). */
  token(permissions: TokenPermission[]): string;
  attestations: StoredAttestation[];
  /** Every request so far, in the order answered (live array). */
  requests: RequestRecord[];
  /** A repository's releases with their assets, drafts included, newest first, real digests. */
  releases(repository: string): ReleaseJson[];
  /** Creates a release directly, by the same rules as `POST …/releases` (throws on a 422). */
  createRelease(repository: string, input: ReleaseInput & { tag_name: string }): ReleaseJson;
  /** Updates a release directly, like `PATCH …/releases/{id}` (`draft: false` publishes). */
  updateRelease(repository: string, id: number, input: ReleaseInput): ReleaseJson;
  /** Stores an asset directly (immutability not checked: this seeds any state). */
  uploadAsset(
    repository: string,
    releaseId: number,
    name: string,
    data: Buffer | string | Readable,
    options?: SeedAssetOptions,
  ): Promise<AssetJson>;
  /** Creates a tag (lightweight or annotated) pointing at a commit with its committer time. */
  createTag(repository: string, tag: TagRecord): void;
  /** The repository setting: releases published from now on are immutable. */
  setImmutableReleases(repository: string, on: boolean): void;
  /**
   * The ids `GET /repos/{owner}/{repo}` answers for the repository (default 2002 and 1001, as
   * the OIDC stand-in's tokens carry): a name deleted and registered again by someone else.
   */
  setRepositoryIds(repository: string, ids: { repositoryId: number; ownerId: number }): void;
  /** The next upload keeps part of its body, then answers 502 (or drops the connection). */
  breakNextUpload(options?: BreakUploadOptions): void;
  /**
   * A slow link: uploads to the upload host and downloads of asset bytes (storage host,
   * `browser_download_url`) move at `bytesPerSecond` (shared by concurrent transfers, each
   * slice wobbling by a seeded `jitter`); 0 lifts the limit. `direction` defaults to both.
   */
  bandwidth(
    bytesPerSecond: number,
    options?: BandwidthOptions & { direction?: LinkDirection | 'both' },
  ): void;
  /**
   * The next upload (or asset download) stops moving after `afterBytes` and the connection
   * stays open, silent, until the client gives up: a dead link, not a reset.
   */
  stallNext(direction: LinkDirection, afterBytes: number): void;
  /** Answer `digest: null` on assets, as GitHub did before June 2025. */
  omitDigests(on: boolean): void;
  /**
   * New releases stay missing from `GET …/releases` for a random delay between `minMs` and
   * `maxMs`, drawn from `seed` (`maxMs` 0 turns the lag off), as GitHub's eventually
   * consistent listings do.
   */
  listingLag(maxMs: number, seed?: number, minMs?: number): void;
  /**
   * After a draft is published, `GET …/releases` keeps showing it as the draft, or leaves it
   * out (`view`; `either` draws per publish), for a random delay between `minMs` and `maxMs`
   * drawn from `seed` (`maxMs` 0 turns it off): GitHub's listings lag behind a publish too
   * (release-drafter/release-drafter#1727). A GET by id or by tag shows the release as it is.
   */
  publishListingLag(
    maxMs: number,
    seed?: number,
    minMs?: number,
    view?: 'draft' | 'missing' | 'either',
  ): void;
  /**
   * The next `count` API requests hit a rate limit (`count` 0 cancels): 403 by default, or
   * 429 (`options.status`); `retryAfterSeconds` null sends no `retry-after`;
   * `options.uploadsOnly` limits the uploads only.
   */
  rateLimitNext(
    count: number,
    kind: RateLimitKind,
    retryAfterSeconds?: number | null,
    options?: RateLimitOptions,
  ): void;
  /** The next `count` API requests answer `status` (`count` 0 cancels). */
  failNext(count: number, status?: 500 | 502 | 503 | 504): void;
  /** What the content-creation limit admitted and refused, when it is enforced. */
  contentLimitStats?: ContentLimitStats;
  close(): Promise<void>;
}

/** Starts the stand-in on 127.0.0.1; asset bytes go to a temp dir removed by `close()`. */
export async function startGitHub(options: GitHubOptions = {}): Promise<GitHubSandbox> {
  const tokens = new Map<string, Set<TokenPermission>>();
  const attestations: StoredAttestation[] = [];
  const requests: RequestRecord[] = [];
  const faults = new Faults();
  const tags: TagStore = new Map();
  const state: GitHubState = {
    origin: '',
    uploadOrigin: '',
    storageOrigin: '',
    signedUrls: new Map(),
    dir: await mkdtemp(join(tmpdir(), 'sandbox-github-')),
    store: new ReleaseStore(),
    digests: true,
    breakUpload: undefined,
    link: new Link(),
  };
  const api: Api = {
    state,
    tokens,
    faults,
    ...(options.contentLimits ? { limits: new ContentLimits(options.contentLimits) } : {}),
    routes: [
      ...releaseRoutes,
      ...assetRoutes,
      ...gitRoutes(tags),
      repositoryRoute,
      ...(options.enterprise ? [] : [attestationRoute(attestations)]),
    ],
  };
  const serve = (host: Host) => async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    record(requests, web(host, req, url), req, res, url);
    if (options.latencyMs) await sleep(options.latencyMs);
    try {
      await serveApi(api, host, req, res, url);
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      await drain(req);
      if (!res.headersSent && !res.destroyed) sendGitHubError(res, error);
    }
  };
  const servers = await Promise.all([
    listenLoopback(serve('api')),
    listenLoopback(serve('uploads')),
    listenLoopback((req, res) => serveStorage(state, req, res)),
  ]).catch(async (error: unknown) => {
    await rm(state.dir, { recursive: true, force: true });
    throw error;
  });
  const [server, uploads, storage] = servers;
  state.origin = server.url;
  state.uploadOrigin = uploads.url;
  state.storageOrigin = storage.url;

  const snapshot = (release: ReleaseRecord): ReleaseJson =>
    releaseJson(release, {
      origin: state.origin,
      uploadOrigin: state.uploadOrigin,
      digests: true,
    });
  return {
    url: server.url,
    uploadUrl: uploads.url,
    storageUrl: storage.url,
    ...(api.limits ? { contentLimitStats: api.limits.stats } : {}),
    attestations,
    requests,
    token(permissions) {
      const token = `ghs_${randomUUID().replace(/-/g, '')}`;
      tokens.set(token, new Set(permissions));
      return token;
    },
    releases: (repository) => state.store.list(repository, true).map(snapshot),
    createRelease: (repository, input) => snapshot(state.store.create(repository, input)),
    updateRelease: (repository, id, input) =>
      snapshot(state.store.update(state.store.find(repository, id), input)),
    uploadAsset: (repository, releaseId, name, data, seedOptions) =>
      seedAsset(state, state.store.find(repository, releaseId), name, data, seedOptions),
    createTag: (repository, tag) => addTag(tags, repository, tag),
    setImmutableReleases(repository, on) {
      state.store.repo(repository).immutableReleases = on;
    },
    setRepositoryIds(repository, ids) {
      state.store.repo(repository).ids = ids;
    },
    breakNextUpload(breakOptions = {}) {
      state.breakUpload = breakOptions;
    },
    bandwidth(bytesPerSecond, { direction = 'both', ...pace } = {}) {
      for (const d of ['upload', 'download'] as const)
        if (direction === 'both' || direction === d)
          state.link.setBandwidth(d, bytesPerSecond, pace);
    },
    stallNext: (direction, afterBytes) => state.link.stallNext(direction, afterBytes),
    omitDigests(on) {
      state.digests = !on;
    },
    listingLag(maxMs, seed = 1, minMs = 0) {
      state.store.lag = { minMs: Math.min(minMs, maxMs), maxMs, random: seededRandom(seed) };
    },
    publishListingLag(maxMs, seed = 1, minMs = 0, view = 'either') {
      state.store.publishLag = {
        minMs: Math.min(minMs, maxMs),
        maxMs,
        random: seededRandom(seed),
        view,
      };
    },
    rateLimitNext: (count, kind, retryAfterSeconds = 1, limitOptions = {}) =>
      faults.rateLimitNext(count, kind, retryAfterSeconds, limitOptions),
    failNext: (count, status = 503) => faults.failNext(count, status),
    async close() {
      await Promise.all(servers.map((s) => s.close()));
      await rm(state.dir, { recursive: true, force: true });
    },
  };
}

interface Api {
  state: GitHubState;
  tokens: Map<string, Set<TokenPermission>>;
  faults: Faults;
  limits?: ContentLimits;
  routes: Route[];
}

/** The API host, or the upload host that takes nothing but asset uploads. */
type Host = 'api' | 'uploads';

const isUpload = (route: Route): boolean => route.uploadHost === true;

/**
 * `/repos/{owner}/{repo}/…` behind the token check and the queued faults; github.com's
 * download pages (`/{owner}/{repo}/releases/download/…`), which the API host serves too.
 * Uploads are served only by the upload host, and it serves nothing else (both 404, as
 * `api.github.com` and `uploads.github.com` do).
 */
async function serveApi(api: Api, host: Host, req: IncomingMessage, res: ServerResponse, url: URL) {
  if (host === 'api' && DOWNLOAD_PATH.test(url.pathname))
    return serveDownload(api.state, req, res, url);
  const [, owner, repo, rest = ''] = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname) ?? [];
  if (!owner || !repo) throw notFound();
  const [token, granted] = authenticate(api.tokens, req.headers.authorization);
  const headers = api.faults.count(token);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  api.faults.inject(headers, host === 'uploads');
  api.limits?.admit(req.method, headers);
  const route = api.routes.find(
    (r) => r.method === req.method && r.path.test(rest) && isUpload(r) === (host === 'uploads'),
  );
  if (!route) throw notFound();
  const ctx: RouteContext = {
    req,
    res,
    url,
    repository: `${decodeURIComponent(owner)}/${decodeURIComponent(repo)}`,
    push: granted.has('contents:write'),
    requirePermission: (permission) => {
      if (!granted.has(permission))
        throw new GitHubError(403, 'Resource not accessible by integration');
    },
    state: api.state,
    // Answers from the upload host link to the API, as uploads.github.com's do.
    origin: (host === 'api' ? forwardedOrigin(req) : undefined) ?? api.state.origin,
  };
  await route.handle(ctx, (route.path.exec(rest) ?? []).slice(1));
}

function forwardedOrigin(req: IncomingMessage): string | undefined {
  const host = req.headers['x-forwarded-host'];
  if (typeof host !== 'string') return undefined;
  if (/^127\.0\.0\.1:\d+$/.test(host)) return `http://${host}`;
  // A TLS front-end serving the stand-in under a test name (proxy tests): `*.test:port`.
  const https = req.headers['x-forwarded-proto'] === 'https';
  return https && /^[a-z0-9.-]+\.test:\d+$/.test(host) ? `https://${host}` : undefined;
}

function authenticate(
  tokens: Map<string, Set<TokenPermission>>,
  header: string | undefined,
): [string, Set<TokenPermission>] {
  if (!header) throw new GitHubError(401, 'Requires authentication');
  const token = header.replace(/^(Bearer|token) /i, '');
  const granted = tokens.get(token);
  if (!granted) throw new GitHubError(401, 'Bad credentials');
  return [token, granted];
}

/** The download pages are github.com's, served here by the API host. */
const web = (host: Host, req: IncomingMessage, url: URL): RequestRecord['host'] =>
  host === 'api' && DOWNLOAD_PATH.test(url.pathname) ? 'web' : host;

function record(
  log: RequestRecord[],
  host: RequestRecord['host'],
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
  const entry = { host, method: req.method ?? '', path: url.pathname, query: url.search };
  res.on('close', () => {
    const answered = res.headersSent;
    const headers = Object.fromEntries(
      Object.entries(answered ? res.getHeaders() : {}).map(([k, v]) => [
        k.toLowerCase(),
        Array.isArray(v) ? v.join(', ') : String(v),
      ]),
    );
    const body = sentJson.get(res);
    log.push({
      ...entry,
      status: answered ? res.statusCode : 0,
      headers,
      ...(body === undefined ? {} : { body }),
    });
  });
}

/** `POST /repos/{owner}/{repo}/attestations` (needs `attestations: write`). */
function attestationRoute(attestations: StoredAttestation[]): Route {
  return {
    method: 'POST',
    path: /^\/attestations$/,
    async handle(ctx) {
      ctx.requirePermission('attestations:write');
      const body = await readJsonObject(ctx.req, MAX_ATTESTATION_BYTES);
      if (typeof body.bundle !== 'object' || body.bundle === null)
        throw new GitHubError(422, 'Invalid request: bundle is required');
      const id = attestations.length + 1;
      attestations.push({
        id,
        repository: ctx.repository,
        bundle: body.bundle as Record<string, unknown>,
      });
      sendJson(ctx.res, 201, { id });
    },
  };
}

// `node sandbox/github.ts [--latency-ms N] [--bandwidth BYTES_PER_SECOND]
// [--permission contents:write]... [content limit flags, github-limits.ts]`: announces the URL, the upload host's `uploadUrl` and `token`, a
// workflow token with the given permissions (default contents:write and
// attestations:write).
if (import.meta.main) {
  const flags = commandLine({
    'latency-ms': { type: 'string' },
    bandwidth: { type: 'string' },
    permission: { type: 'string', multiple: true },
    ...contentLimitFlags,
  });
  await serveUntilStopped(async () => {
    const latencyMs = numberFlag(flags['latency-ms'], 'latency-ms');
    const contentLimits = contentLimitsFrom(flags, numberFlag);
    const github = await startGitHub({
      ...(latencyMs === undefined ? {} : { latencyMs }),
      ...(contentLimits ? { contentLimits } : {}),
    });
    const bandwidth = numberFlag(flags.bandwidth, 'bandwidth');
    if (bandwidth !== undefined) github.bandwidth(bandwidth);
    const permissions = (flags.permission as TokenPermission[] | undefined) ?? [
      'contents:write',
      'attestations:write',
    ];
    return {
      // The action needs RELEASE_ACTION_GITHUB_UPLOAD_URL=uploadUrl: a loopback upload host
      // cannot be derived from the API URL.
      announce: { url: github.url, uploadUrl: github.uploadUrl, token: github.token(permissions) },
      close: () => github.close(),
    };
  });
}
