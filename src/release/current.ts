/**
 * The releases of a tag as GitHub holds them now, not as a lagging listing shows them.
 * `GET /releases` is eventually consistent after a publish as well as after a create: for a
 * while a just-published release can still be listed as a draft, or be missing from the list
 * (a tool that trusted such a listing un-published a release, release-drafter#1727). Reads of
 * one release, by id or the published one by tag, are current: the tag's listed drafts are read
 * again by id, and its published release is asked for by tag when none is listed. So a step
 * never appends to a "draft" that is published (and perhaps immutable), and never creates a
 * second release for a tag that is already released.
 */
import type { Release, ReleaseClient } from '../github/release-types.ts';

/**
 * `listed` with the entries for `tag` brought up to date. Without a tag (the index of every
 * release), every listed draft is read again, and releases missing from the list stay missing.
 */
export async function currentReleases(
  client: ReleaseClient,
  listed: readonly Release[],
  tag: string | undefined,
): Promise<Release[]> {
  const concerned = (r: Release): boolean => r.draft && (tag === undefined || r.tag_name === tag);
  const current: Release[] = [];
  for (const release of listed) {
    if (!concerned(release)) {
      current.push(release);
      continue;
    }
    const now = await client.getRelease(release.id);
    if (now) current.push(now);
  }
  if (tag === undefined || current.some((r) => r.tag_name === tag && !r.draft)) return current;
  const published = await client.getPublishedRelease(tag);
  return published ? [...current.filter((r) => r.id !== published.id), published] : current;
}

/** The current releases of the repository, with `tag`'s brought up to date. */
export async function listCurrentReleases(
  client: ReleaseClient,
  tag: string | undefined,
): Promise<Release[]> {
  return currentReleases(client, await client.listReleases(), tag);
}
