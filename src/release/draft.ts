/**
 * Finding or creating the one draft release for a tag, race-safe: GitHub lets several drafts
 * share a tag, so every job creates only when it sees none, then re-lists and keeps the oldest;
 * extra drafts are emptied into it and deleted, by whichever job sees them.
 *
 * GitHub's listings lag (a draft can be missing from `GET /releases` for seconds after its
 * create answered), so two jobs can each create a draft without seeing the other's. A creator
 * waits until its own draft is listed before choosing, and `untilSettled` re-checks after the
 * uploads: a job whose draft was merged away meanwhile uploads again into the chosen one
 * (identical files are skipped), so no asset is lost.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { EnvironmentError, InputError, ServiceError } from '../core/errors.ts';
import type { RetryPolicy, Sleep } from '../http/retry.ts';
import { quote } from '../core/text.ts';
import { isAlreadyExists, statusOf } from '../github/errors.ts';
import { checkAsset } from '../github/shapes.ts';
import { listCurrentReleases } from './current.ts';
import { chooseDraft } from './plan.ts';
import type { CreateReleaseParams, Release, ReleaseClient } from '../github/release-types.ts';

export interface DraftContext {
  client: ReleaseClient;
  tempDir: string;
  log: (message: string) => void;
  /** Waits while a listing lags behind a create: the policy's backoff, doubled each look. */
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>;
  sleep: Sleep;
}

/** Looks at the listing this many times for a draft just created (1+2+4+8+16 backoffs). */
const LISTING_LOOKS = 6;
/** Upload rounds against a draft merged away meanwhile; each round finds the chosen one. */
const SETTLE_ROUNDS = 4;
/** GitHub's limit on a release body (a longer one is answered 422 "body is too long"). */
export const MAX_BODY_CHARACTERS = 125_000;

/** Returns the release to append to: the tag's one draft, or its published, mutable release. */
export async function ensureRelease(
  ctx: DraftContext,
  params: CreateReleaseParams,
  attempt = 1,
): Promise<{ release: Release; created: boolean }> {
  refuseLongBody(params.body);
  // Current, not merely listed: after a publish the list may still show the draft, or miss the
  // release, and creating then would give the released tag a second release.
  const found = chooseDraft(await listCurrentReleases(ctx.client, params.tag), params.tag);
  if (found.published) {
    refuseImmutable(found.published);
    ctx.log(`Appending to the published release ${found.published.html_url} (mutable).`);
    return { release: found.published, created: false };
  }
  let created: Release | undefined;
  if (!found.draft) {
    created = await ctx.client.createDraft(params);
  }
  const settled = chooseDraft(await listIncluding(ctx, created), params.tag);
  const draft = settled.draft;
  if (!draft) {
    // The draft this job saw was merged away and deleted meanwhile: look (and create) again.
    if (attempt < SETTLE_ROUNDS) return ensureRelease(ctx, params, attempt + 1);
    throw new EnvironmentError(
      `The draft release for ${quote(params.tag)} vanished while it was being created.`,
      { hint: 'Re-run the job.' },
    );
  }
  for (const extra of settled.extras) await mergeExtraDraft(ctx, draft, extra);
  return { release: draft, created: created?.id === draft.id };
}

/**
 * Runs `work` (the uploads) against `release` until, after it, `release` is still the draft
 * every job agrees on. A draft merged into an older one while `work` ran (it is gone: 404, or
 * it is no longer the oldest) is replaced by the chosen draft and `work` runs again there.
 */
export async function untilSettled<T>(
  ctx: DraftContext,
  params: CreateReleaseParams,
  first: Release,
  work: (release: Release) => Promise<T>,
): Promise<{ release: Release; result: T }> {
  let release = first;
  for (let round = 1; ; round++) {
    let result: T | undefined;
    let gone = false;
    try {
      result = await work(release);
    } catch (error) {
      if (statusOf(error) !== 404 || round >= SETTLE_ROUNDS) throw error;
      gone = true;
    }
    if (!release.draft && !gone) return { release, result: result as T };
    const chosen = chooseDraft(await list(ctx), params.tag).draft;
    if (!gone && (chosen === undefined || chosen.id >= release.id))
      return { release, result: result as T };
    if (round >= SETTLE_ROUNDS)
      throw new ServiceError(
        `Draft release ${release.id} for ${quote(params.tag)} kept being merged into another while this job uploaded.`,
        { hint: 'Re-run this job once the other jobs have finished: identical files are skipped.' },
      );
    ctx.log(
      `Draft ${release.id} for ${params.tag} was merged into an older draft by another job; uploading there.`,
    );
    release = (await ensureRelease(ctx, params)).release;
  }
}

function refuseLongBody(body: string | undefined): void {
  if (body === undefined || body.length <= MAX_BODY_CHARACTERS) return;
  throw new InputError(
    `The release body has ${body.length} characters; GitHub refuses more than ${MAX_BODY_CHARACTERS}. Nothing was sent.`,
    {
      subject: 'body',
      hint: 'Shorten `body` or the file `body-path` names (link to a changelog instead of including it).',
    },
  );
}

/**
 * The releases, once `created` (a draft this job just created) is among them: GitHub's list
 * can lag behind the create, and choosing the oldest draft only works when every job sees its
 * own. After the looks run out, `created` is added to what was listed.
 */
async function listIncluding(ctx: DraftContext, created: Release | undefined): Promise<Release[]> {
  for (let look = 1; ; look++) {
    const releases = await list(ctx);
    if (!created || releases.some((r) => r.id === created.id)) return releases;
    if (look >= LISTING_LOOKS) {
      ctx.log(`GitHub still does not list draft ${created.id}; going on with it as created.`);
      return [...releases, created];
    }
    const delay = Math.min(ctx.policy.baseDelayMs * 2 ** (look - 1), ctx.policy.maxDelayMs);
    ctx.log(
      `GitHub does not list the new draft ${created.id} yet (listings lag); looking again in ${delay} ms.`,
    );
    await ctx.sleep(delay);
  }
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
    for (const asset of [...assets, ...existing]) checkAsset(asset, 'merge duplicate drafts');
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
