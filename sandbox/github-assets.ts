/**
 * Release asset routes of the GitHub stand-in: list, get (JSON or bytes), rename, delete, the
 * upload to `upload_url`, and the token-less `browser_download_url`. Uploads stream to disk
 * while hashing, so assets of any size keep memory flat. An asset is listed as `open` (GitHub's prose: `starter`) from
 * the moment its upload starts; a broken upload leaves it so, as GitHub does, and the name
 * stays taken until the asset is deleted.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readJsonObject, sendJson } from './http.ts';
import { assetJson, downloadSegment, type AssetJson } from './github-json.ts';
import {
  jsonOptions,
  MAX_JSON_BYTES,
  visibleRelease,
  WRITE,
  type BreakUploadOptions,
  type GitHubState,
  type Route,
  type RouteContext,
} from './github-releases.ts';
import { refuseImmutableAssets, type AssetRecord, type ReleaseRecord } from './github-store.ts';
import {
  GitHubError,
  notFound,
  paginate,
  stringField,
  timestamp,
  validationFailed,
} from './github-wire.ts';

/** GitHub refuses assets of 2 GiB or more. */
export const MAX_ASSET_BYTES = 2 * 1024 * 1024 * 1024 - 1;

/** https://docs.github.com/rest/releases/assets */
export const assetRoutes: Route[] = [
  { method: 'GET', path: /^\/releases\/(\d+)\/assets$/, handle: listAssets },
  { method: 'POST', path: /^\/releases\/(\d+)\/assets$/, handle: uploadRoute, uploadHost: true },
  { method: 'GET', path: /^\/releases\/assets\/(\d+)$/, handle: getAsset },
  { method: 'PATCH', path: /^\/releases\/assets\/(\d+)$/, handle: updateAsset },
  { method: 'DELETE', path: /^\/releases\/assets\/(\d+)$/, handle: deleteAsset },
];

/**
 * GitHub's renaming of uploaded names: characters outside `[A-Za-z0-9._+-]` become `.`, and
 * leading and trailing dots go (`my file (1).whl` -> `my.file..1..whl`).
 */
export function githubAssetName(name: string): string {
  return name.replace(/[^A-Za-z0-9._+-]/g, '.').replace(/^\.+|\.+$/g, '');
}

function listAssets(ctx: RouteContext, [id]: string[]): void {
  const release = visibleRelease(ctx, id);
  const sorted = [...release.assets].sort((a, b) => a.id - b.id);
  const { page, headers } = paginate(sorted, ctx.url, ctx.origin);
  const options = jsonOptions(ctx);
  sendJson(
    ctx.res,
    200,
    page.map((a) => assetJson(release, a, options)),
    headers,
  );
}

/** The asset `id` and its release, as the caller may see them. */
function visibleAsset(ctx: RouteContext, id: string | undefined) {
  const found = ctx.state.store.findAsset(ctx.repository, Number(id));
  if (found.release.draft && !ctx.push) throw notFound();
  return found;
}

function getAsset(ctx: RouteContext, [id]: string[]): void {
  const { release, asset } = visibleAsset(ctx, id);
  const wantsBytes = /application\/octet-stream/i.test(ctx.req.headers.accept ?? '');
  if (wantsBytes) return redirectToStorage(ctx, asset);
  sendJson(ctx.res, 200, assetJson(release, asset, jsonOptions(ctx)));
}

async function updateAsset(ctx: RouteContext, [id]: string[]): Promise<void> {
  ctx.requirePermission(WRITE);
  const { release, asset } = visibleAsset(ctx, id);
  refuseImmutableAssets(release, 'modify assets of');
  const body = await readJsonObject(ctx.req, MAX_JSON_BYTES);
  const name = stringField(body, 'name');
  const label = stringField(body, 'label');
  if (name) {
    const renamed = githubAssetName(name);
    if (release.assets.some((a) => a !== asset && a.name === renamed)) throw duplicateName();
    asset.name = renamed;
  }
  if (typeof label === 'string') asset.label = label;
  asset.updatedAt = timestamp();
  sendJson(ctx.res, 200, assetJson(release, asset, jsonOptions(ctx)));
}

async function deleteAsset(ctx: RouteContext, [id]: string[]): Promise<void> {
  ctx.requirePermission(WRITE);
  const { release, asset } = visibleAsset(ctx, id);
  refuseImmutableAssets(release, 'delete assets of');
  release.assets = release.assets.filter((a) => a !== asset);
  if (asset.path) await rm(asset.path, { force: true });
  ctx.res.writeHead(204).end();
}

const duplicateName = (): GitHubError =>
  validationFailed({ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' });

/** `POST …/releases/{id}/assets?name=&label=` with the raw bytes as the body. */
async function uploadRoute(ctx: RouteContext, [id]: string[]): Promise<void> {
  ctx.requirePermission(WRITE);
  const release = visibleRelease(ctx, id);
  refuseImmutableAssets(release, 'upload assets to');
  const name = githubAssetName(ctx.url.searchParams.get('name') ?? '');
  if (!name)
    throw validationFailed({ resource: 'ReleaseAsset', code: 'missing_field', field: 'name' });
  const contentType = ctx.req.headers['content-type'];
  if (!contentType)
    throw validationFailed({
      resource: 'ReleaseAsset',
      code: 'missing_field',
      field: 'content_type',
    });
  const length = Number(ctx.req.headers['content-length'] ?? Number.NaN);
  if (length > MAX_ASSET_BYTES)
    throw validationFailed({
      resource: 'ReleaseAsset',
      code: 'custom',
      field: 'size',
      message: 'size must be less than 2 GiB',
    });
  const label = ctx.url.searchParams.get('label') ?? '';
  const asset = ctx.state.store.addAsset(release, name, label, contentType);
  const cut = takeBreak(ctx.state, length);
  const link = ctx.state.link.shapes('upload') ? ctx.state.link.transfer('upload') : undefined;
  const outcome = await receiveAsset(ctx.state, release, asset, ctx.req, cut, link);
  if (outcome === 'aborted') return; // the connection is gone: nobody to answer
  if (outcome === 'broken') throw new GitHubError(502, 'Bad Gateway');
  sendJson(ctx.res, 201, assetJson(release, asset, jsonOptions(ctx)));
}

function takeBreak(state: GitHubState, length: number): Required<BreakUploadOptions> | undefined {
  const cut = state.breakUpload;
  if (!cut) return undefined;
  state.breakUpload = undefined;
  const half = Number.isFinite(length) ? Math.floor(length / 2) : 64 * 1024;
  return { afterBytes: cut.afterBytes ?? half, reset: cut.reset ?? false };
}

/**
 * Streams `source` into the asset's file while hashing. With `cut`, keeps only the first
 * `afterBytes` and reports the upload broken (draining the rest, or dropping the connection);
 * the asset then stays `open` with no digest. With `link`, the bytes arrive at the pace of the
 * runner's link (`github-link.ts`).
 */
export async function receiveAsset(
  state: GitHubState,
  release: ReleaseRecord,
  asset: AssetRecord,
  source: Readable,
  cut?: Required<BreakUploadOptions>,
  link?: Transform,
): Promise<'uploaded' | 'broken' | 'aborted'> {
  const path = join(state.dir, `asset-${asset.id}`);
  const hash = createHash('sha256');
  const limit = cut ? cut.afterBytes : Number.POSITIVE_INFINITY;
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const part = chunk.subarray(0, Math.max(0, limit - size));
      size += chunk.length;
      hash.update(part);
      if (cut?.reset && size >= limit) source.destroy();
      done(null, part.length > 0 ? part : undefined);
    },
  });
  try {
    if (link) await pipeline(source, link, meter, createWriteStream(path));
    else await pipeline(source, meter, createWriteStream(path));
  } catch {
    await rm(path, { force: true });
    return 'aborted';
  }
  if (cut || !release.assets.includes(asset)) {
    // Broken, or the asset was deleted while its bytes arrived.
    await rm(path, { force: true });
    return cut ? 'broken' : 'uploaded';
  }
  Object.assign(asset, {
    state: 'uploaded',
    size,
    digest: `sha256:${hash.digest('hex')}`,
    path,
    updatedAt: timestamp(),
  });
  return 'uploaded';
}

/**
 * GitHub answers a download with a 302 to a short-lived signed URL on its storage host
 * (`release-assets.githubusercontent.com`, `X-Amz-Expires=300`).
 */
function redirectToStorage(ctx: RouteContext, asset: AssetRecord): void {
  if (asset.state !== 'uploaded') throw notFound();
  const key = randomBytes(16).toString('hex');
  ctx.state.signedUrls.set(key, {
    repository: ctx.repository,
    assetId: asset.id,
    expiresAt: Date.now() + SIGNED_URL_SECONDS * 1000,
  });
  const signature = createHash('sha256').update(key).digest('hex');
  const location = `${ctx.state.storageOrigin}/${key}?X-Amz-Expires=${SIGNED_URL_SECONDS}&X-Amz-Signature=${signature}`;
  ctx.res.setHeader('location', location);
  ctx.res.setHeader('content-length', '0');
  ctx.res.writeHead(302).end();
}

/** How long a signed storage URL lives, as GitHub's do. */
const SIGNED_URL_SECONDS = 300;

/**
 * The storage host: serves a signed URL's bytes without a token, and refuses a request that
 * carries one as S3 does (the signature is already the credential).
 */
export function serveStorage(state: GitHubState, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://storage');
  const signed = state.signedUrls.get(url.pathname.slice(1));
  const xml = (status: number, code: string, message: string): void => {
    res.writeHead(status, { 'content-type': 'application/xml' });
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
    );
  };
  if (req.method !== 'GET' || !signed) return xml(403, 'AccessDenied', 'Access Denied');
  if (req.headers.authorization)
    return xml(
      400,
      'InvalidArgument',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
    );
  if (Date.now() > signed.expiresAt) return xml(403, 'AccessDenied', 'Request has expired');
  let asset: AssetRecord;
  try {
    ({ asset } = state.store.findAsset(signed.repository, signed.assetId));
  } catch {
    return xml(404, 'NoSuchKey', 'The specified key does not exist.');
  }
  if (asset.state !== 'uploaded') return xml(404, 'NoSuchKey', 'The specified key does not exist.');
  sendAssetBytes(state, res, asset);
}

function sendAssetBytes(state: GitHubState, res: ServerResponse, asset: AssetRecord): void {
  if (asset.state !== 'uploaded') throw notFound();
  asset.downloadCount += 1;
  res.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(asset.size),
    'content-disposition': `attachment; filename=${asset.name}`,
  });
  // The asset may be deleted mid-download: drop the connection rather than crash the server.
  const file = createReadStream(asset.path);
  const sent = state.link.shapes('download')
    ? pipeline(file, state.link.transfer('download'), res)
    : pipeline(file, res);
  sent.catch(() => res.destroy());
}

/**
 * `GET /{owner}/{repo}/releases/download/{tag or untagged-…}/{name}`: the
 * `browser_download_url`, a github.com page rather than an API endpoint, served without a token
 * like a public repository's downloads.
 */
export function serveDownload(
  state: GitHubState,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): void {
  const [, owner, repo, segment, name] = DOWNLOAD_PATH.exec(url.pathname) ?? [];
  if (req.method !== 'GET' || !owner || !repo || !segment || !name) throw notFound();
  const release = state.store
    .list(`${decodeURIComponent(owner)}/${decodeURIComponent(repo)}`, true)
    .find((r) => downloadSegment(r) === decodeURIComponent(segment));
  const asset = release?.assets.find((a) => a.name === decodeURIComponent(name));
  if (!asset) throw notFound();
  sendAssetBytes(state, res, asset);
}

/** github.com's download page of a release asset. */
export const DOWNLOAD_PATH = /^\/([^/]+)\/([^/]+)\/releases\/download\/([^/]+)\/([^/]+)$/;

/** How `uploadAsset` seeds an asset. */
export interface SeedAssetOptions {
  contentType?: string;
  label?: string;
}

/** Stores an asset straight into `release`, by the upload's naming and duplicate rules. */
export async function seedAsset(
  state: GitHubState,
  release: ReleaseRecord,
  name: string,
  data: Buffer | string | Readable,
  options: SeedAssetOptions = {},
): Promise<AssetJson> {
  const source =
    typeof data === 'string' || Buffer.isBuffer(data) ? Readable.from([Buffer.from(data)]) : data;
  const contentType = options.contentType ?? 'application/octet-stream';
  const asset = state.store.addAsset(
    release,
    githubAssetName(name),
    options.label ?? '',
    contentType,
  );
  if ((await receiveAsset(state, release, asset, source)) !== 'uploaded')
    throw new Error(`seeding asset ${name} failed: its source stream broke`);
  return assetJson(release, asset, {
    origin: state.origin,
    uploadOrigin: state.uploadOrigin,
    digests: true,
  });
}
