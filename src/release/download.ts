/**
 * Fetching what the reviewer saw: every finished asset of the tag's release (the draft, or the
 * published release), streamed into a folder and hashed on the way.
 */
import { mkdir, rm } from 'node:fs/promises';
import { mapLimit } from '../core/concurrency.ts';
import type { Sha256Digest } from '../digests/digest.ts';
import { ChainOfCustodyError, EnvironmentError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import { fileNameProblem, joinFileName } from '../core/workspace-files.ts';
import { listCurrentReleases } from './current.ts';
import { chooseDraft } from './plan.ts';
import type { Release, ReleaseClient } from '../github/release-types.ts';
import { checkAsset } from '../github/shapes.ts';

/** Asset names that could not be written safely as a plain file name. */
const SAFE_ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

export async function downloadReleaseAssets(
  client: ReleaseClient,
  repository: string,
  tag: string,
  dir: string,
  concurrency: number,
): Promise<{ release: Release; paths: string[]; digests: Map<string, Sha256Digest> }> {
  const releases = await listCurrentReleases(client, tag);
  const { draft, published, extras } = chooseDraft(releases, tag);
  if (draft && extras.length > 0) throw severalDrafts(repository, tag, [draft, ...extras]);
  const release = draft ?? published;
  if (!release) {
    // GitHub answers a token without push access as if drafts did not exist: a publish job
    // with `contents: read` (as gh-action-pypi-publish's examples have) cannot tell a missing
    // draft from an invisible one, so the fix for both is given, the likelier one first.
    throw new EnvironmentError(
      `GitHub lists no release for tag ${quote(tag)} in ${repository} to this token. Draft releases are invisible to tokens that cannot write to the repository: a job with \`contents: read\` sees no draft at all.`,
      {
        subject: 'permissions',
        hint: `Give the publish job permission to see the draft:

    permissions:
      contents: write
      id-token: write

If the token can write already, the release does not exist yet: run \`step: release\` first, or publish \`from: artifacts\` / \`from: folder\`.`,
      },
    );
  }
  const what = `list the assets of release ${release.id}`;
  const assets = (await client.listAssets(release.id))
    .map((a) => checkAsset(a, what))
    .filter((a) => a.state === 'uploaded');
  for (const asset of assets)
    if (!SAFE_ASSET_NAME.test(asset.name) || fileNameProblem(asset.name))
      throw notAPlainName(asset.name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  // Each asset is hashed as it is written: the digest of the bytes on disk, without a second read.
  const digests = new Map<string, Sha256Digest>();
  const paths = await mapLimit(assets, concurrency, async (asset) => {
    // Checked above: a plain name by this OS's rules, so the path is directly in `dir`.
    const path = joinFileName(dir, asset.name);
    if (!path) throw notAPlainName(asset.name);
    const digest = await client.downloadAsset(asset, path);
    digests.set(path, digest);
    return path;
  });
  return { release, paths, digests };
}

function notAPlainName(name: string): ChainOfCustodyError {
  return new ChainOfCustodyError(`Release asset name ${quote(name)} is not a plain file name.`, {
    subject: name,
    hint: 'Remove that asset from the release; the action only publishes files it can name safely.',
  });
}

/**
 * Several drafts for one tag: jobs raced (or one is still merging them). Which one the reviewer
 * approved cannot be established, so publish takes none.
 */
function severalDrafts(repository: string, tag: string, drafts: Release[]): EnvironmentError {
  const ids = drafts.map((d) => `${d.id} (${d.html_url})`).join(', ');
  return new EnvironmentError(
    `GitHub lists ${drafts.length} draft releases for tag ${quote(tag)} in ${repository}: ${ids}. Publishing cannot tell which one was reviewed, so nothing was published.`,
    {
      subject: 'tag',
      hint: 'Re-run `step: release` for the tag (it merges duplicate drafts into the oldest, losing no file), check that draft, then re-run publish. Or delete the drafts that are not wanted.',
    },
  );
}
