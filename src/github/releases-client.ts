/**
 * `ReleaseClient` on the shared Octokit (`octokit.ts`: timeouts, one retry policy). Every
 * failure leaves as the action's typed error with a hint (`errors.ts`), so callers never
 * translate. Uploads go to the release's own `upload_url` (right for GitHub Enterprise too) and
 * are streamed; they are retried by the caller with a fresh stream, never here.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fetchWithRetry } from '../http/fetch.ts';
import { githubFailure } from './errors.ts';
import { createOctokit, requireToken, type ClientOptions } from './octokit.ts';
import type { Release, ReleaseAsset, ReleaseClient } from './release-types.ts';

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
      call(
        'list releases',
        async () =>
          (await octokit.paginate(octokit.rest.repos.listReleases, {
            ...base,
            per_page: 100,
          })) as Release[],
      ),
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
        return data as Release;
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
        return data as Release;
      }),
    listAssets: (releaseId) =>
      call(
        `list the assets of release ${releaseId}`,
        async () =>
          (await octokit.paginate(octokit.rest.repos.listReleaseAssets, {
            ...base,
            release_id: releaseId,
            per_page: 100,
          })) as ReleaseAsset[],
      ),
    uploadAsset: (release, name, path, size) =>
      call(`upload ${name}`, async () => {
        const { data } = await octokit.request({
          method: 'POST',
          url: release.upload_url,
          name,
          data: createReadStream(path) as unknown as string,
          headers: { 'content-type': contentTypeFor(name), 'content-length': size },
          request: { retries: 0 },
        });
        return data as ReleaseAsset;
      }),
    deleteAsset: (assetId) =>
      call(`delete asset ${assetId}`, async () => {
        await octokit.rest.repos.deleteReleaseAsset({ ...base, asset_id: assetId });
      }),
    hashAsset: (assetId) =>
      call(`download asset ${assetId}`, async () => {
        const hash = createHash('sha256');
        for await (const chunk of await assetStream(assetId)) hash.update(chunk as Buffer);
        return hash.digest('hex');
      }),
    downloadAsset: (assetId, path) =>
      call(`download asset ${assetId}`, async () => {
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
      }),
  };

  /** The asset's bytes (GitHub redirects to storage; fetch follows), by the retry policy. */
  async function assetStream(assetId: number): Promise<Readable> {
    const url = `${options.apiUrl}/repos/${owner}/${repo}/releases/assets/${assetId}`;
    const response = await fetchWithRetry(
      url,
      () => ({
        headers: {
          authorization: `Bearer ${token}`,
          accept: 'application/octet-stream',
          'user-agent': 'release-action',
        },
      }),
      `download asset ${assetId}`,
      options.policy,
      options.sleep,
    );
    if (!response.ok || !response.body) {
      const text = await response.text().catch(() => '');
      // Shaped like Octokit's RequestError, so one translation serves both.
      throw Object.assign(new Error(`${response.status} ${text.slice(0, 200)}`.trim()), {
        status: response.status,
        response: { headers: response.headers, data: parseMessage(text) },
      });
    }
    return Readable.fromWeb(response.body as import('node:stream/web').ReadableStream);
  }
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
