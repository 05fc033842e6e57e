/**
 * Default artifact names for `collect`. Every job of a workflow run needs its own name (the
 * artifact service answers 409 to a second upload under the same name), and a matrix job has
 * no name of its own in the environment. The runner's token carries one: the job's backend id,
 * unique per job and per attempt. The name is `release-dists-<job id>-<12 hex of its hash>`.
 */
import { createHash } from 'node:crypto';
import type { RunnerEnv } from './runner-env.ts';

export const ARTIFACT_NAME_PREFIX = 'release-dists-';
/** The pattern later steps download by default: every default-named collect artifact. */
export const DEFAULT_ARTIFACT_PATTERN = `${ARTIFACT_NAME_PREFIX}*`;

/** Reads `Actions.Results:<run>:<job>` from the runtime token's `scp` claim (not verified). */
export function jobBackendId(runtimeToken: string | undefined): string | undefined {
  return runtimeIds(runtimeToken)?.job;
}

/** The workflow run's and this job's backend ids, from the runtime token. */
export function runtimeIds(
  runtimeToken: string | undefined,
): { run: string; job: string } | undefined {
  const payload = runtimeToken?.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      scp?: unknown;
    };
    if (typeof claims.scp !== 'string') return undefined;
    for (const scope of claims.scp.split(' ')) {
      const parts = scope.split(':');
      if (parts[0] === 'Actions.Results' && parts.length === 3 && parts[1] && parts[2]) {
        return { run: parts[1], job: parts[2] };
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * A name unique to this job: from the job's backend id when the token has one, else from the
 * run, attempt, job and the files themselves (outside a runner, or on an older runner).
 */
export function defaultArtifactName(env: RunnerEnv, filenames: readonly string[]): string {
  const source =
    jobBackendId(env.runtimeToken) ??
    [env.runId, env.runAttempt, env.job, ...[...filenames].sort()].join('\n');
  const digest = createHash('sha256').update(source).digest('hex').slice(0, 12);
  const job = env.job.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 60) || 'job';
  return `${ARTIFACT_NAME_PREFIX}${job}-${digest}`;
}

/** The 12 hex digits a default name carries for the job that uploaded it. */
export function jobNameDigest(jobBackendId: string): string {
  return createHash('sha256').update(jobBackendId).digest('hex').slice(0, 12);
}
