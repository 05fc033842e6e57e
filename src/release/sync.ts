/**
 * Bringing the release's assets in line with the local files: skip identical ones, restart
 * half-uploaded ones, refuse (or with `overwrite` replace) different ones, upload the rest with
 * bounded concurrency, and check GitHub's digest after every upload.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mapLimit } from '../core/concurrency.ts';
import { ChainOfCustodyError, ServiceError } from '../core/errors.ts';
import {
  isRateLimited,
  resumeAt,
  retryDelay,
  retryLine,
  type RetryPolicy,
  type Sleep,
} from '../http/retry.ts';
import { quote } from '../core/text.ts';
import {
  answerOf,
  isAlreadyExists,
  isTransientFailure,
  rateLimitFailure,
  resumeAtOf,
  statusOf,
} from '../github/errors.ts';
import { checkAsset } from '../github/shapes.ts';
import {
  digestHex,
  isDistribution,
  planAsset,
  SHA256SUMS,
  sha256sumsText,
  type AssetAction,
  type LocalAsset,
} from './plan.ts';
import type { Release, ReleaseAsset, ReleaseClient } from '../github/release-types.ts';
import { createHash } from 'node:crypto';

const SUMS_ROUNDS = 10;

export type Outcome = 'uploaded' | 'already there' | 'replaced';

export interface SyncContext {
  client: ReleaseClient;
  release: Release;
  concurrency: number;
  overwrite: boolean;
  tempDir: string;
  /** The action's one retry policy; uploads are retried here, with a fresh stream each time. */
  policy: RetryPolicy;
  sleep: Sleep;
  log: (message: string) => void;
  /** A retry of an upload: one warning line, with its reason and what comes next. */
  warn: (message: string) => void;
}

/** Plans every file first: a conflict stops the step before anything is uploaded. */
export async function planAssets(ctx: SyncContext, locals: LocalAsset[]): Promise<AssetAction[]> {
  const remote = new Map((await listAssets(ctx)).map((a) => [a.name, a]));
  const actions = await mapLimit(locals, ctx.concurrency, async (local) => {
    const existing = remote.get(local.name);
    const needsHash =
      existing && existing.state === 'uploaded' && digestHex(existing) === undefined;
    const hashed = needsHash ? await ctx.client.hashAsset(existing) : undefined;
    return planAsset(local, existing, ctx.overwrite, hashed);
  });
  const conflicts = actions.filter((a) => a.kind === 'conflict');
  if (conflicts.length > 0) {
    const list = conflicts
      .map(
        (c) =>
          `${quote(c.local.name)} (release has sha256 ${c.remoteSha256}, local file ${c.local.sha256})`,
      )
      .join('; ');
    throw new ChainOfCustodyError(
      `The release already has different files under the same name: ${list}. Nothing was uploaded.`,
      {
        subject: conflicts[0]?.local.name,
        hint: 'A release asset is never silently replaced. If the new file is right, re-run with `overwrite: true`; otherwise find out why the build produced different bytes.',
      },
    );
  }
  return actions;
}

export async function applyActions(
  ctx: SyncContext,
  actions: AssetAction[],
): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  const uploads = mapLimit(actions, ctx.concurrency, async (action) => {
    if (action.kind === 'skip') return outcomes.set(action.local.name, 'already there');
    if (action.kind === 'restart' || action.kind === 'replace')
      await deleteAsset(ctx, action.remote);
    const outcome = await uploadVerified(ctx, action.local);
    outcomes.set(
      action.local.name,
      action.kind === 'replace' && outcome === 'uploaded' ? 'replaced' : outcome,
    );
  });
  await uploads.catch((error: unknown) => {
    // Stopped by a rate limit: say how far the release got; the re-run skips those files.
    if (!isRateLimited(answerOf(error))) throw error;
    throw rateLimitFailure(
      error,
      'upload the release assets',
      resumeAtOf(error),
      `${outcomes.size} of ${actions.length} files are on the release`,
    );
  });
  return outcomes;
}

/**
 * Uploads with a fresh stream per attempt. Transient failures and a name taken meanwhile are
 * resolved by looking at what the release now holds.
 */
async function uploadVerified(ctx: SyncContext, local: LocalAsset): Promise<Outcome> {
  for (let retry = 1; ; retry++) {
    // The wait budget counts from this attempt: a big file's minutes on the wire before it
    // broke off do not use up the retries (their number still bounds them).
    const startedAt = Date.now();
    try {
      const asset = await ctx.client.uploadAsset(ctx.release, local.name, local.path, local.size);
      await checkUploaded(ctx, asset, local);
      return 'uploaded';
    } catch (error) {
      if (error instanceof ChainOfCustodyError) throw error;
      const taken = isAlreadyExists(error);
      if (!taken && !isTransientFailure(error)) throw error;
      const now = (await listAssets(ctx)).find((a) => a.name === local.name);
      if (now && now.state === 'uploaded') {
        const sha = digestHex(now) ?? (await ctx.client.hashAsset(now));
        if (sha === local.sha256) return taken ? 'already there' : 'uploaded';
        if (taken && !ctx.overwrite) throw conflict(local, sha);
      }
      if (now) await deleteAsset(ctx, now);
      // A name taken by a broken upload, now deleted, is retried like a passing fault.
      const answer = taken ? {} : answerOf(error);
      const delay = retryDelay(ctx.policy, retry, startedAt, answer);
      if (delay === undefined && isRateLimited(answer))
        throw rateLimitFailure(error, `upload ${local.name}`, resumeAt(answer, ctx.policy));
      if (delay === undefined) throw error;
      ctx.warn(
        retryLine(
          `Upload of ${local.name} failed (${failureReason(error)})`,
          retry,
          ctx.policy,
          delay,
        ),
      );
      await ctx.sleep(delay);
    }
  }
}

/** Why an attempt failed, in a few words: a timeout says so, a status says which. */
function failureReason(error: unknown): string {
  const status = statusOf(error);
  if (status !== undefined)
    return taken(error) ? `${status}: name taken by a broken upload` : `${status}`;
  const message = error instanceof Error ? error.message : String(error);
  return /timed out/.test(message)
    ? message.replace(/^Failed to [^:]*: /, '').replace(/\.$/, '')
    : 'no answer';
}

const taken = (error: unknown): boolean => isAlreadyExists(error);

async function checkUploaded(
  ctx: SyncContext,
  asset: ReleaseAsset,
  local: LocalAsset,
): Promise<void> {
  const reported = digestHex(asset) ?? (await ctx.client.hashAsset(asset));
  if (reported === local.sha256) return;
  await deleteAsset(ctx, asset);
  throw new ChainOfCustodyError(
    `GitHub stored ${quote(local.name)} with sha256 ${reported}, but the file sent has sha256 ${local.sha256}; the asset was removed.`,
    { subject: local.name, hint: 'The upload was corrupted in transit. Re-run the job.' },
  );
}

function conflict(local: LocalAsset, remoteSha256: string): ChainOfCustodyError {
  return new ChainOfCustodyError(
    `${quote(local.name)} was uploaded meanwhile with different contents (release has sha256 ${remoteSha256}, local file ${local.sha256}).`,
    {
      subject: local.name,
      hint: 'Two jobs produced different files under one name; make each job build distinct files.',
    },
  );
}

async function listAssets(ctx: SyncContext): Promise<ReleaseAsset[]> {
  const what = `list the assets of release ${ctx.release.id}`;
  return (await ctx.client.listAssets(ctx.release.id)).map((a) => checkAsset(a, what));
}

async function deleteAsset(ctx: SyncContext, asset: ReleaseAsset): Promise<void> {
  await ctx.client.deleteAsset(asset.id).catch((error: unknown) => {
    if (statusOf(error) !== 404) throw error;
  });
}

/** The asset's sha256, or undefined when another job deleted it meanwhile. */
async function assetSha256(ctx: SyncContext, asset: ReleaseAsset): Promise<string | undefined> {
  const reported = digestHex(asset);
  if (reported) return reported;
  return ctx.client.hashAsset(asset).catch((error: unknown) => {
    if (statusOf(error) === 404) return undefined;
    throw error;
  });
}

/**
 * Wait before the next look at SHA256SUMS: random and growing, so that jobs finishing together
 * spread out and one of them writes the file the others then find correct.
 */
function sumsBackoff(baseMs: number, round: number): number {
  return baseMs * 2 ** Math.min(round, 4) * (0.5 + Math.random());
}

/**
 * Regenerates SHA256SUMS from every distribution on the release (other jobs' too) until what
 * the release holds matches what its distributions say: concurrent jobs converge on one file.
 */
export async function syncSha256Sums(
  ctx: SyncContext,
): Promise<{ text: string; outcome: Outcome }> {
  let outcome: Outcome = 'already there';
  for (let round = 1; round <= SUMS_ROUNDS; round++) {
    const assets = await listAssets(ctx);
    const dists = assets.filter((a) => isDistribution(a.name) && a.state === 'uploaded');
    const entries = await mapLimit(dists, ctx.concurrency, async (a) => ({
      name: a.name,
      sha256: await assetSha256(ctx, a),
    }));
    const text = sha256sumsText(
      entries.filter((e): e is { name: string; sha256: string } => e.sha256 !== undefined),
    );
    const sha256 = createHash('sha256').update(text).digest('hex');
    const existing = assets.find((a) => a.name === SHA256SUMS);
    const current = existing?.state === 'uploaded' ? await assetSha256(ctx, existing) : undefined;
    if (entries.every((e) => e.sha256 !== undefined) && current === sha256)
      return { text, outcome };
    // Another job is uploading its SHA256SUMS right now: let it finish, then look again.
    if (existing && existing.state !== 'uploaded') {
      await ctx.sleep(sumsBackoff(ctx.policy.baseDelayMs, round));
      continue;
    }
    const path = join(ctx.tempDir, `${SHA256SUMS}-${round}`);
    await writeFile(path, text);
    if (existing) await deleteAsset(ctx, existing);
    await ctx.client
      .uploadAsset(ctx.release, SHA256SUMS, path, Buffer.byteLength(text))
      .then(
        () => sumsBackoff(ctx.policy.baseDelayMs, round),
        (error: unknown) => {
          // Taken or failed: the next round looks at what the release holds and tries again;
          // after the wait a rate limit asks for, or, past what the step waits, stopping.
          if (!isAlreadyExists(error) && !isTransientFailure(error)) throw error;
          const answer = answerOf(error);
          if (!isRateLimited(answer)) return sumsBackoff(ctx.policy.baseDelayMs, round);
          const delay = retryDelay(ctx.policy, 1, Date.now(), answer);
          if (delay === undefined)
            throw rateLimitFailure(error, `upload ${SHA256SUMS}`, resumeAt(answer, ctx.policy));
          return delay;
        },
      )
      .then((wait) => {
        outcome = existing ? 'replaced' : 'uploaded';
        return ctx.sleep(wait);
      });
  }
  throw new ServiceError(
    `${SHA256SUMS} did not settle after ${SUMS_ROUNDS} rounds (other jobs kept changing the release).`,
    {
      hint: 'Re-run this job once the other jobs have finished.',
    },
  );
}
