/**
 * `ReleaseClient` on Octokit with its retry and throttling plugins: primary and secondary rate
 * limits and `retry-after` are respected, 5xx and resets retried, every request has a timeout.
 * Uploads go to the release's own `upload_url` (right for GitHub Enterprise too) and are
 * streamed; they are retried by the caller with a fresh stream, never by Octokit.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';
import type { Release, ReleaseAsset, ReleaseClient } from './release-types.ts';

/** Per-request timeout; uploads of large files get this much per attempt too. */
export const REQUEST_TIMEOUT_MS = 120_000;
/** Rate-limited requests are retried this many times, waiting as GitHub says. */
export const RATE_LIMIT_RETRIES = 4;

export interface ClientOptions {
  token: string;
  apiUrl: string;
  repository: string;
  /** Writes (uploads included) running at once. */
  concurrency: number;
  /** Scales every retry wait (tests); undefined = GitHub's own values in seconds. */
  retryDelayMs?: number;
  /** Per-request timeout (tests shorten it). */
  timeoutMs?: number;
  log?: (message: string) => void;
}

const ThrottledOctokit = Octokit.plugin(retry, throttling);

function timeoutFetch(timeoutMs: number) {
  return (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(url, { ...init, signal });
  };
}

export function createOctokit(options: ClientOptions): InstanceType<typeof ThrottledOctokit> {
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _o: unknown,
      retryCount: number,
    ) => {
      options.log?.(
        `GitHub ${kind} rate limit on ${request.method} ${request.url}; waiting ${retryAfter} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES}).`,
      );
      return retryCount < RATE_LIMIT_RETRIES;
    };
  const baseValue = options.retryDelayMs ?? 1000;
  return new ThrottledOctokit({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: 'release-action',
    request: { fetch: timeoutFetch(options.timeoutMs ?? REQUEST_TIMEOUT_MS) },
    retry: { retryAfterBaseValue: baseValue },
    throttle: {
      onRateLimit: onLimit('primary'),
      onSecondaryRateLimit: onLimit('secondary'),
      retryAfterBaseValue: baseValue,
      // The plugin's default spaces writes a second apart, one at a time; uploads to one
      // release are independent, so they run `concurrency` at once.
      write: new Bottleneck.Group({ maxConcurrent: options.concurrency, minTime: 0 }),
    },
  });
}

export function createReleaseClient(options: ClientOptions): ReleaseClient {
  const octokit = createOctokit(options);
  const [owner = '', repo = ''] = options.repository.split('/');
  const base = { owner, repo };
  return {
    async listReleases() {
      return (await octokit.paginate(octokit.rest.repos.listReleases, {
        ...base,
        per_page: 100,
      })) as Release[];
    },
    async createDraft(params) {
      const { data } = await octokit.rest.repos.createRelease({
        ...base,
        tag_name: params.tag,
        draft: true,
        prerelease: params.prerelease,
        generate_release_notes: params.generateReleaseNotes,
        ...(params.name ? { name: params.name } : {}),
        ...(params.body ? { body: params.body } : {}),
      });
      return data as Release;
    },
    async deleteRelease(id) {
      await octokit.rest.repos.deleteRelease({ ...base, release_id: id });
    },
    async publishRelease(id, makeLatest) {
      const { data } = await octokit.rest.repos.updateRelease({
        ...base,
        release_id: id,
        draft: false,
        ...(makeLatest ? { make_latest: makeLatest } : {}),
      });
      return data as Release;
    },
    async listAssets(releaseId) {
      return (await octokit.paginate(octokit.rest.repos.listReleaseAssets, {
        ...base,
        release_id: releaseId,
        per_page: 100,
      })) as ReleaseAsset[];
    },
    async uploadAsset(release, name, path, size) {
      const { data } = await octokit.request({
        method: 'POST',
        url: release.upload_url,
        name,
        data: createReadStream(path) as unknown as string,
        headers: { 'content-type': contentTypeFor(name), 'content-length': size },
        request: { retries: 0 },
      });
      return data as ReleaseAsset;
    },
    async deleteAsset(assetId) {
      await octokit.rest.repos.deleteReleaseAsset({ ...base, asset_id: assetId });
    },
    async hashAsset(assetId) {
      const hash = createHash('sha256');
      for await (const chunk of await assetStream(assetId)) hash.update(chunk as Buffer);
      return hash.digest('hex');
    },
    async downloadAsset(assetId, path) {
      const hash = createHash('sha256');
      let size = 0;
      await pipeline(
        await assetStream(assetId),
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(path),
      );
      return { size, sha256: hash.digest('hex') };
    },
  };

  async function assetStream(assetId: number): Promise<Readable> {
    const url = `${options.apiUrl}/repos/${owner}/${repo}/releases/assets/${assetId}`;
    const response = await timeoutFetch(options.timeoutMs ?? REQUEST_TIMEOUT_MS)(url, {
      headers: {
        authorization: `Bearer ${options.token}`,
        accept: 'application/octet-stream',
        'user-agent': 'release-action',
      },
    });
    if (!response.ok || !response.body)
      throw Object.assign(new Error(`download of asset ${assetId} answered ${response.status}`), {
        status: response.status,
      });
    return Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
  }
}

/** The Content-Type GitHub stores with an asset and answers its downloads with. */
function contentTypeFor(name: string): string {
  if (name.endsWith('.whl')) return 'application/zip';
  if (name.endsWith('.tar.gz')) return 'application/gzip';
  if (name.endsWith('.intoto.jsonl')) return 'application/jsonl';
  if (name.endsWith('.asc')) return 'application/pgp-signature';
  if (name === 'SHA256SUMS') return 'text/plain';
  return 'application/octet-stream';
}
