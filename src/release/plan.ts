/**
 * Pure decisions of the release step: which draft is the one for a tag, what each local file
 * needs (upload, skip, replace, conflict), the SHA256SUMS text, content types.
 */
import type { Release, ReleaseAsset } from '../github/release-types.ts';

export const SHA256SUMS = 'SHA256SUMS';

export interface LocalAsset {
  name: string;
  path: string;
  size: number;
  sha256: string;
}

/**
 * Every job picks the same draft: the oldest (lowest id) draft for the tag. The others are
 * extras created in a race (or left by a crashed run) to be emptied into it and deleted.
 */
export function chooseDraft(
  releases: readonly Release[],
  tag: string,
): { draft?: Release; extras: Release[]; published?: Release } {
  const forTag = releases.filter((r) => r.tag_name === tag);
  const published = forTag.find((r) => !r.draft);
  const drafts = forTag.filter((r) => r.draft).sort((a, b) => a.id - b.id);
  const [draft, ...extras] = drafts;
  return { ...(draft ? { draft } : {}), extras, ...(published ? { published } : {}) };
}

export type AssetAction =
  | { kind: 'upload'; local: LocalAsset }
  | { kind: 'skip'; local: LocalAsset; remote: ReleaseAsset }
  | { kind: 'restart'; local: LocalAsset; remote: ReleaseAsset }
  | { kind: 'replace'; local: LocalAsset; remote: ReleaseAsset; remoteSha256: string }
  | { kind: 'conflict'; local: LocalAsset; remote: ReleaseAsset; remoteSha256: string };

/** `sha256:<hex>` -> `<hex>`; undefined when GitHub gave no digest. */
export function digestHex(asset: Pick<ReleaseAsset, 'digest'>): string | undefined {
  const match = /^sha256:([0-9a-f]{64})$/i.exec(asset.digest ?? '');
  return match ? (match[1] as string).toLowerCase() : undefined;
}

/**
 * Decides per file. `remoteSha256` gives the digest of assets GitHub reported none for (the
 * caller downloaded and hashed them).
 */
export function planAsset(
  local: LocalAsset,
  remote: ReleaseAsset | undefined,
  overwrite: boolean,
  remoteSha256?: string,
): AssetAction {
  if (!remote) return { kind: 'upload', local };
  if (remote.state !== 'uploaded') return { kind: 'restart', local, remote };
  const sha256 = digestHex(remote) ?? remoteSha256;
  if (sha256 === undefined) throw new Error(`no digest known for asset ${remote.name}`);
  if (sha256 === local.sha256) return { kind: 'skip', local, remote };
  return overwrite
    ? { kind: 'replace', local, remote, remoteSha256: sha256 }
    : { kind: 'conflict', local, remote, remoteSha256: sha256 };
}

/** `sha256sum` format, sorted by name, for every distribution of the release. */
export function sha256sumsText(entries: ReadonlyArray<{ name: string; sha256: string }>): string {
  return [...entries]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((e) => `${e.sha256}  ${e.name}\n`)
    .join('');
}

export function isDistribution(name: string): boolean {
  return name.endsWith('.whl') || name.endsWith('.tar.gz');
}

/** The kinds of files the step uploads from `packages-dir`. */
export function isReleaseFile(name: string): boolean {
  return isDistribution(name) || name.endsWith('.intoto.jsonl') || name.endsWith('.asc');
}
