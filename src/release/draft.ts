/**
 * Finding or creating the one draft release for a tag, race-safe: GitHub lets several drafts
 * share a tag, so every job creates only when it sees none, then re-lists and keeps the oldest;
 * extra drafts are emptied into it and deleted, by whichever job sees them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { EnvironmentError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import { isAlreadyExists, statusOf } from '../github/errors.ts';
import { chooseDraft } from './plan.ts';
import type { CreateReleaseParams, Release, ReleaseClient } from '../github/release-types.ts';

export interface DraftContext {
  client: ReleaseClient;
  tempDir: string;
  log: (message: string) => void;
}

/** Returns the release to append to: the tag's one draft, or its published, mutable release. */
export async function ensureRelease(
  ctx: DraftContext,
  params: CreateReleaseParams,
): Promise<{ release: Release; created: boolean }> {
  const found = chooseDraft(await list(ctx), params.tag);
  if (found.published) {
    refuseImmutable(found.published);
    ctx.log(`Appending to the published release ${found.published.html_url} (mutable).`);
    return { release: found.published, created: false };
  }
  let created: Release | undefined;
  if (!found.draft) {
    created = await ctx.client.createDraft(params);
  }
  const settled = chooseDraft(await list(ctx), params.tag);
  const draft = settled.draft ?? created;
  if (!draft)
    throw new EnvironmentError(
      `The draft release for ${quote(params.tag)} vanished while it was being created.`,
      { hint: 'Re-run the job.' },
    );
  for (const extra of settled.extras) await mergeExtraDraft(ctx, draft, extra);
  return { release: draft, created: created?.id === draft.id };
}

function refuseImmutable(release: Release): void {
  if (!release.immutable) return;
  throw new EnvironmentError(
    `Release ${quote(release.tag_name)} is published and immutable: GitHub refuses new or changed assets on it.`,
    {
      subject: 'tag',
      hint: 'Publish a new patch release (e.g. a new tag) for the new files, or keep releases as drafts until every job has uploaded (set `publish-release: true` only in the last job).',
    },
  );
}

async function list(ctx: DraftContext): Promise<Release[]> {
  return ctx.client.listReleases();
}

/** Moves an extra draft's finished assets into the chosen draft, then deletes it. */
async function mergeExtraDraft(ctx: DraftContext, into: Release, extra: Release): Promise<void> {
  ctx.log(`Merging duplicate draft ${extra.id} for ${extra.tag_name} into draft ${into.id}.`);
  const dir = await mkdtemp(join(ctx.tempDir, `merge-${extra.id}-`));
  try {
    const [assets, existing] = await Promise.all([
      ctx.client.listAssets(extra.id).catch(ignoreGone([])),
      ctx.client.listAssets(into.id),
    ]);
    const present = new Set(existing.map((a) => a.name));
    for (const asset of assets.filter((a) => a.state === 'uploaded' && !present.has(a.name))) {
      const path = join(dir, `${asset.id}`);
      const moved = await ctx.client.downloadAsset(asset, path).then(
        () => true,
        (error: unknown) => (statusOf(error) === 404 ? false : Promise.reject(error)),
      );
      if (!moved) continue;
      await ctx.client.uploadAsset(into, asset.name, path, asset.size).catch((error: unknown) => {
        if (!isAlreadyExists(error)) throw error;
      });
    }
    await ctx.client.deleteRelease(extra.id).catch(ignoreGone(undefined));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Another job may have deleted the same extra draft first: a 404 is that, not a failure. */
function ignoreGone<T>(value: T): (error: unknown) => T {
  return (error) => {
    if (statusOf(error) === 404) return value;
    throw error;
  };
}
