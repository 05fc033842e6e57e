/** The parts of GitHub's release and asset objects the release step reads. */

export interface Release {
  id: number;
  tag_name: string;
  name: string | null;
  draft: boolean;
  prerelease: boolean;
  /** Published releases in repositories with immutable releases on. */
  immutable?: boolean;
  html_url: string;
  upload_url: string;
}

export interface ReleaseAsset {
  id: number;
  name: string;
  /** `uploaded`; `starter`/`open` after a broken upload. */
  state: string;
  size: number;
  /** `sha256:<hex>`; null on older GitHub versions. */
  digest: string | null;
  content_type: string;
  browser_download_url: string;
}

/** An asset to download: its id, and the size GitHub lists it with (the download's cap). */
export type AssetRef = Pick<ReleaseAsset, 'id' | 'size'> & { name?: string };

export interface CreateReleaseParams {
  tag: string;
  name?: string;
  body?: string;
  generateReleaseNotes: boolean;
  prerelease: boolean;
}

/** GitHub's releases API, narrowed to what the step needs (Octokit implements it). */
export interface ReleaseClient {
  listReleases(): Promise<Release[]>;
  /** One release as it is now (a listing may lag); undefined when it is gone (404). */
  getRelease(id: number): Promise<Release | undefined>;
  /** The published release of `tag` as it is now (drafts never show here); undefined on 404. */
  getPublishedRelease(tag: string): Promise<Release | undefined>;
  createDraft(params: CreateReleaseParams): Promise<Release>;
  deleteRelease(id: number): Promise<void>;
  publishRelease(id: number, makeLatest: 'true' | 'false' | 'legacy' | undefined): Promise<Release>;
  /**
   * The release's assets as listed: a list of objects, each item's fields unchecked (readers
   * check them with `checkAsset`, or skip bad ones with a warning, as the index step does).
   */
  listAssets(releaseId: number): Promise<ReleaseAsset[]>;
  /** Streams the file; the caller retries with a fresh stream when needed. */
  uploadAsset(release: Release, name: string, path: string, size: number): Promise<ReleaseAsset>;
  deleteAsset(assetId: number): Promise<void>;
  /** Streams the asset and returns its sha256; more or fewer bytes than listed is an error. */
  hashAsset(asset: AssetRef): Promise<string>;
  /** Streams the asset into `path`; returns the size and sha256 of the bytes written. */
  downloadAsset(asset: AssetRef, path: string): Promise<{ size: number; sha256: string }>;
}
