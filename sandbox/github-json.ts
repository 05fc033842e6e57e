/**
 * The JSON GitHub answers for a release and a release asset (REST API 2022-11-28 shapes), built
 * from the stand-in's records. URLs point at the stand-in: `upload_url` is the RFC 6570 template
 * clients expand, on the separate upload host, `browser_download_url` serves the bytes without a token, like github.com.
 */
import type { AssetRecord, ReleaseRecord } from './github-store.ts';
import { ACTIONS_BOT, nodeId } from './github-wire.ts';

/** A release asset as GitHub answers it. */
export interface AssetJson {
  url: string;
  id: number;
  node_id: string;
  name: string;
  label: string;
  uploader: typeof ACTIONS_BOT;
  content_type: string;
  /** GitHub's description has `uploaded | open`; a broken upload stays `open`. */
  state: 'uploaded' | 'open';
  size: number;
  digest: string | null;
  download_count: number;
  created_at: string;
  updated_at: string;
  browser_download_url: string;
}

/** A release as GitHub answers it, its assets included. */
export interface ReleaseJson {
  url: string;
  html_url: string;
  assets_url: string;
  upload_url: string;
  tarball_url: string;
  zipball_url: string;
  id: number;
  node_id: string;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  immutable: boolean;
  created_at: string;
  published_at: string | null;
  author: typeof ACTIONS_BOT;
  assets: AssetJson[];
}

export interface JsonOptions {
  /** The stand-in's origin, `http://127.0.0.1:<port>`. */
  origin: string;
  /** The upload host's origin (GitHub's `uploads.github.com`), another port. */
  uploadOrigin: string;
  /** False answers `digest: null`, as GitHub did before June 2025. */
  digests: boolean;
}

/** Drafts have no tag yet on GitHub: their pages and downloads use `untagged-<hex>`. */
export const downloadSegment = (release: ReleaseRecord): string =>
  release.draft ? release.untagged : release.tagName;

/** `<origin>/<owner>/<repo>/releases/download/<tag or untagged-…>/<name>`, as github.com's. */
export function browserDownloadUrl(
  origin: string,
  release: ReleaseRecord,
  asset: AssetRecord,
): string {
  const segment = encodeURIComponent(downloadSegment(release));
  return `${origin}/${release.repository}/releases/download/${segment}/${encodeURIComponent(asset.name)}`;
}

/** https://docs.github.com/rest/releases/releases#get-a-release */
export function releaseJson(release: ReleaseRecord, options: JsonOptions): ReleaseJson {
  const repoUrl = `${options.origin}/repos/${release.repository}`;
  const url = `${repoUrl}/releases/${release.id}`;
  const tag = encodeURIComponent(release.tagName);
  return {
    url,
    html_url: `${options.origin}/${release.repository}/releases/tag/${encodeURIComponent(downloadSegment(release))}`,
    assets_url: `${url}/assets`,
    upload_url: `${options.uploadOrigin}/repos/${release.repository}/releases/${release.id}/assets{?name,label}`,
    tarball_url: `${repoUrl}/tarball/${tag}`,
    zipball_url: `${repoUrl}/zipball/${tag}`,
    id: release.id,
    node_id: nodeId('RE', release.id),
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: release.body,
    draft: release.draft,
    prerelease: release.prerelease,
    immutable: release.immutable,
    created_at: release.createdAt,
    published_at: release.publishedAt,
    author: ACTIONS_BOT,
    assets: [...release.assets]
      .sort((a, b) => a.id - b.id)
      .map((a) => assetJson(release, a, options)),
  };
}

/** https://docs.github.com/rest/releases/assets#get-a-release-asset */
export function assetJson(
  release: ReleaseRecord,
  asset: AssetRecord,
  options: JsonOptions,
): AssetJson {
  return {
    url: `${options.origin}/repos/${release.repository}/releases/assets/${asset.id}`,
    id: asset.id,
    node_id: nodeId('RA', asset.id),
    name: asset.name,
    label: asset.label,
    uploader: ACTIONS_BOT,
    content_type: asset.contentType,
    state: asset.state,
    size: asset.size,
    digest: options.digests ? asset.digest : null,
    download_count: asset.downloadCount,
    created_at: asset.createdAt,
    updated_at: asset.updatedAt,
    browser_download_url: browserDownloadUrl(options.origin, release, asset),
  };
}
