/**
 * `ReleaseClient` on the shared Octokit (`octokit.ts`: timeouts, one retry policy). Every
 * failure leaves as the action's typed error with a hint (`errors.ts`), so callers never
 * translate. Uploads go to the release's own `upload_url` (right for GitHub Enterprise too) when
 * it is on the API's upload host (`hosts.ts`), and are streamed; they are retried by the caller
 * with a fresh stream, never here. Downloads are capped at the listed size while they stream.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ServiceError } from '../core/errors.ts';
import { fetchWithRetry } from '../http/fetch.ts';
import { realSleep, retryDelay, retryLine } from '../http/retry.ts';
import {
  boundBody,
  timedOut,
  transferBoundMs,
  TransferBroken,
  type TransferBounds,
} from '../http/transfer.ts';
import { githubFailure } from './errors.ts';
import { checkUploadUrl, mayCarryToken } from './hosts.ts';
import { collectPages } from './pages.ts';
import { checkAsset, checkList, checkObject, checkRelease } from './shapes.ts';
import { createOctokit, requireToken, type ClientOptions } from './octokit.ts';
import type { AssetRef, ReleaseAsset, ReleaseClient } from './release-types.ts';

/** GitHub refuses assets of 2 GiB or more: no download is ever larger. */
export const MAX_ASSET_BYTES = 2 * 1024 * 1024 * 1024 - 1;

export type { ClientOptions } from './octokit.ts';

/** The releases API of `options.repository`; refuses at once when there is no token. */
export function createReleaseClient(options: ClientOptions): ReleaseClient {
  const octokit = createOctokit(options);
  const token = requireToken(options);
  const [owner = '', repo = ''] = options.repository.split('/');
  const base = { owner, repo };
  /** Runs one GitHub call; its failure leaves translated, saying what was attempted. */
  const call = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw githubFailure(error, what, options.repository);
    }
  };
  return {
    listReleases: () =>
      call('list releases', () =>
        collectPages(
          octokit,
          options,
          () => octokit.rest.repos.listReleases({ ...base, per_page: 100 }),
          (data) => checkList(data, 'list releases', (r) => checkRelease(r, 'list releases')),
          'list releases',
        ),
      ),
    getRelease: (id) =>
      call(`get release ${id}`, async () => {
        const { data } = await octokit.rest.repos
          .getRelease({ ...base, release_id: id })
          .catch(absentOn404);
        return data === undefined ? undefined : checkRelease(data, `get release ${id}`);
      }),
    getPublishedRelease: (tag) =>
      call(`get the published release for ${tag}`, async () => {
        const { data } = await octokit.rest.repos
          .getReleaseByTag({ ...base, tag })
          .catch(absentOn404);
        return data === undefined ? undefined : checkRelease(data, `get the release for ${tag}`);
      }),
    createDraft: (params) =>
      call(`create a draft release for ${params.tag}`, async () => {
        const { data } = await octokit.rest.repos.createRelease({
          ...base,
          tag_name: params.tag,
          draft: true,
          prerelease: params.prerelease,
          generate_release_notes: params.generateReleaseNotes,
          ...(params.name ? { name: params.name } : {}),
          ...(params.body ? { body: params.body } : {}),
        });
        return checkRelease(data, `create a draft release for ${params.tag}`);
      }),
    deleteRelease: (id) =>
      call(`delete release ${id}`, async () => {
        await octokit.rest.repos.deleteRelease({ ...base, release_id: id });
      }),
    publishRelease: (id, makeLatest) =>
      call(`publish release ${id}`, async () => {
        const { data } = await octokit.rest.repos.updateRelease({
          ...base,
          release_id: id,
          draft: false,
          ...(makeLatest ? { make_latest: makeLatest } : {}),
        });
        return checkRelease(data, `publish release ${id}`);
      }),
    listAssets: (releaseId) => {
      const what = `list the assets of release ${releaseId}`;
      return call(what, () =>
        collectPages(
          octokit,
          options,
          () =>
            octokit.rest.repos.listReleaseAssets({ ...base, release_id: releaseId, per_page: 100 }),
          (data) => checkList(data, what, (a) => checkObject(a, what) as unknown as ReleaseAsset),
          what,
        ),
      );
    },
    uploadAsset: (release, name, path, size) =>
      call(`upload ${name}`, async () => {
        checkUploadUrl(options.apiUrl, release.upload_url, name, options.uploadUrl);
        // A fixed deadline fails every large file on an ordinary link: the body gets an idle
        // timeout and a bound that grows with its size instead (`transfer.ts`).
        const controller = new AbortController();
        const what = `upload ${name}`;
        const body = boundBody(
          Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
          { ...transferBounds(what, size), maxBytes: MAX_ASSET_BYTES },
          (reason) => controller.abort(reason),
        );
        const overall = setTimeout(
          () => controller.abort(timedOut(what, transferBoundMs(size, options.policy.timeoutMs))),
          transferBoundMs(size, options.policy.timeoutMs),
        );
        try {
          const { data } = await octokit.request({
            method: 'POST',
            url: release.upload_url,
            name,
            data: body as unknown as string,
            headers: { 'content-type': contentTypeFor(name), 'content-length': size },
            request: { retries: 0, signal: controller.signal },
          });
          return checkAsset(data, what);
        } catch (error) {
          // Octokit reports an aborted request as a 500; the reason says what happened.
          if (controller.signal.aborted) throw controller.signal.reason as Error;
          throw error;
        } finally {
          clearTimeout(overall);
        }
      }),
    deleteAsset: (assetId) =>
      call(`delete asset ${assetId}`, async () => {
        await octokit.rest.repos.deleteReleaseAsset({ ...base, asset_id: assetId });
      }),
    hashAsset: (asset) =>
      call(`download ${describeAsset(asset)}`, () =>
        wholeDownload(asset, async (stream) => {
          const hash = createHash('sha256');
          for await (const chunk of stream) hash.update(chunk as Buffer);
          return hash.digest('hex');
        }),
      ),
    downloadAsset: (asset, path) =>
      call(`download ${describeAsset(asset)}`, () =>
        wholeDownload(asset, async (stream) => {
          const hash = createHash('sha256');
          let size = 0;
          await pipeline(
            stream,
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
        }),
      ),
  };

  /**
   * Reads the asset with `consume`, from the start again (a fresh request, a fresh `consume`)
   * when the body broke off on the way: a dead link's timeout, a reset, a short answer. The
   * request itself was retried by `fetchWithRetry` already; this retries what came after it.
   */
  async function wholeDownload<T>(
    asset: AssetRef,
    consume: (stream: Readable) => Promise<T>,
  ): Promise<T> {
    for (let retry = 1; ; retry++) {
      // The wait budget counts from this attempt: the bytes it moved do not use it up.
      const startedAt = Date.now();
      const stream = await assetStream(asset);
      try {
        return await consume(stream);
      } catch (error) {
        stream.destroy();
        const delay = brokeOff(error)
          ? retryDelay(options.policy, retry, startedAt, {})
          : undefined;
        if (delay === undefined) throw error;
        (options.warn ?? options.log)?.(
          retryLine(
            `Download of ${describeAsset(asset)} broke off (${brokenReason(error)})`,
            retry,
            options.policy,
            delay,
          ),
        );
        await (options.sleep ?? realSleep)(delay);
      }
    }
  }

  /**
   * The asset's bytes, by the retry policy. GitHub answers 200 or a 302 to storage on another
   * host; redirects are followed here so that the token goes only where `mayCarryToken` allows.
   * The body is capped at the listed size (and GitHub's 2 GiB) while it streams.
   */
  async function assetStream(asset: AssetRef): Promise<Readable> {
    let url = `${options.apiUrl}/repos/${owner}/${repo}/releases/assets/${asset.id}`;
    const what = `download ${describeAsset(asset)}`;
    const bounds: TransferBounds = {
      ...transferBounds(what, asset.size),
      maxBytes: MAX_ASSET_BYTES,
    };
    for (let hop = 0; ; hop++) {
      const response = await fetchWithRetry(
        url,
        () => ({ headers: downloadHeaders(url), redirect: 'manual' }),
        what,
        options.policy,
        options.sleep,
        bounds,
      );
      const location = response.headers.get('location');
      if (REDIRECTS.has(response.status) && location) {
        await response.body?.cancel().catch(() => undefined);
        if (hop >= MAX_REDIRECTS) throw tooManyRedirects(what);
        url = new URL(location, url).href;
        continue;
      }
      if (!response.ok || !response.body) throw await failedDownload(response);
      const declared = Number(response.headers.get('content-length') ?? Number.NaN);
      if (Number.isFinite(declared) && declared !== asset.size)
        throw sizeMismatch(what, declared, asset.size);
      return Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
    }
  }

  /** The bounds of one transfer of `size` bytes by the client's policy. */
  function transferBounds(what: string, size: number): Omit<TransferBounds, 'maxBytes'> {
    return {
      what,
      expectedBytes: size,
      idleMs: options.policy.timeoutMs,
      baseMs: options.policy.timeoutMs,
      progress: options.log,
    };
  }

  function downloadHeaders(url: string): Record<string, string> {
    return {
      ...(mayCarryToken(options.apiUrl, url, options.uploadUrl)
        ? { authorization: `Bearer ${token}` }
        : {}),
      accept: 'application/octet-stream',
      'user-agent': 'release-action',
    };
  }
}

/** A 404 as "no such release" (`data` undefined); any other failure goes on. */
function absentOn404(error: unknown): { data: undefined } {
  if ((error as { status?: unknown })?.status === 404) return { data: undefined };
  throw error;
}

/** 301, 302, 303, 307, 308: GitHub answers 302 towards storage. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** API -> storage is one hop; a few more allow for a proxy, never a loop. */
const MAX_REDIRECTS = 5;

/** A body that stopped on the way (not a refusal, not a full disk): worth a fresh attempt. */
function brokeOff(error: unknown): boolean {
  if (error instanceof TransferBroken) return true;
  // undici: `TypeError: terminated` when the connection closes mid-body.
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return (
    error instanceof TypeError &&
    (error.message === 'terminated' ||
      ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].includes(String(cause?.code)))
  );
}

function brokenReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error instanceof TransferBroken
    ? error.message.replace(/^Failed to [^:]*: /, '').replace(/\.$/, '')
    : 'the connection closed';
}

function describeAsset(asset: AssetRef): string {
  return asset.name ? `asset ${asset.id} (${asset.name})` : `asset ${asset.id}`;
}

function tooManyRedirects(what: string): ServiceError {
  return new ServiceError(`Failed to ${what}: more than ${MAX_REDIRECTS} redirects.`, {
    hint: 'GitHub or a proxy redirects in a loop; check the proxy settings, then re-run.',
  });
}

function sizeMismatch(what: string, declared: number, listed: number): ServiceError {
  return new ServiceError(
    `Failed to ${what}: the answer announces ${declared} bytes, but the asset is listed with ${listed}; nothing was kept.`,
    {
      hint: 'The server answered something other than the listed file; check the release, then re-run.',
    },
  );
}

/** A download's refusal, shaped like Octokit's RequestError so one translation serves both. */
async function failedDownload(response: Response): Promise<Error> {
  const text = (await response.text().catch(() => '')).slice(0, 2000);
  return Object.assign(new Error(`${response.status} ${text.slice(0, 200)}`.trim()), {
    status: response.status,
    response: { headers: response.headers, data: parseMessage(text) },
  });
}

function parseMessage(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { message: text.slice(0, 200) };
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
