/**
 * GitHub OIDC tokens: the `id-token: write` check with the YAML that fixes it, fetching a token
 * for an audience (masked the moment it exists), and reading its claims.
 */
import { readFileSync } from 'node:fs';
import { EnvironmentError, ServiceError } from '../core/errors.ts';
import { kindOf, MAX_TOKEN_ANSWER_BYTES, readJsonObject } from '../http/answer.ts';
import { fetchWithRetry } from '../http/fetch.ts';
import type { RetryPolicy } from '../http/retry.ts';
import type { RunnerEnv } from '../config/runner-env.ts';

/** The claims of a GitHub Actions OIDC token the action uses. */
export interface GitHubClaims {
  iss: string;
  sub: string;
  repository: string;
  repository_id?: string;
  repository_owner?: string;
  repository_owner_id?: string;
  repository_visibility?: string;
  ref: string;
  sha: string;
  workflow_ref: string;
  job_workflow_ref: string;
  event_name: string;
  environment?: string;
  run_id: string;
  run_attempt: string;
  runner_environment?: string;
  [claim: string]: unknown;
}

/**
 * The YAML that lets a job request OIDC tokens, with the other permissions the step needs: a
 * `permissions` block replaces the defaults, so whatever else the job reads must be listed.
 */
export function idTokenPermissionHint(others: readonly string[] = []): string {
  const lines = ['id-token: write', ...others].map((line) => `      ${line}`).join('\n');
  return `Give the job permission to request an OIDC token:

    permissions:
${lines}

(Pull requests from forks never get OIDC tokens.)`;
}

/**
 * Fails before any work when the job cannot request OIDC tokens. `others` are the other
 * permissions the step needs, for the YAML of the fix (`contents: read` to check out).
 */
export function requireIdTokenPermission(
  env: RunnerEnv,
  why: string,
  others: readonly string[] = ['contents: read'],
): void {
  if (env.idTokenRequestUrl && env.idTokenRequestToken) return;
  if (isForkPullRequest(env)) {
    throw new EnvironmentError(
      `This step needs an OIDC token to ${why}, but this run is for a pull request from a fork: GitHub never gives those an OIDC token, whatever the permissions.`,
      {
        subject: 'permissions',
        hint: "Run signing, releasing and publishing only on tag pushes or in the base repository (e.g. `if: github.event_name == 'push'`); pull requests from forks can build and `collect` only.",
      },
    );
  }
  throw new EnvironmentError(
    `This step needs an OIDC token to ${why}, but the job has no \`id-token: write\` permission (ACTIONS_ID_TOKEN_REQUEST_URL is not set).`,
    { subject: 'permissions', hint: idTokenPermissionHint(others) },
  );
}

/** A `pull_request` run whose head repository is a fork (read from the event payload). */
export function isForkPullRequest(env: RunnerEnv): boolean {
  if (env.eventName !== 'pull_request' || !env.eventPath) return false;
  try {
    const event = JSON.parse(readFileSync(env.eventPath, 'utf8')) as {
      pull_request?: { head?: { repo?: { fork?: boolean } } };
    };
    return event.pull_request?.head?.repo?.fork === true;
  } catch {
    return false;
  }
}

/**
 * Fetches an OIDC token for `audience` from the runner's token service. `mask` is called with
 * the token before it is returned, so it never reaches a log unmasked.
 */
export async function fetchIdToken(
  env: RunnerEnv,
  audience: string,
  mask: (secret: string) => void,
  policy?: RetryPolicy,
): Promise<string> {
  requireIdTokenPermission(env, `prove this workflow's identity to ${audience}`, []);
  const url = new URL(env.idTokenRequestUrl as string);
  url.searchParams.set('audience', audience);
  const response = await fetchWithRetry(
    url.toString(),
    () => ({
      headers: { authorization: `Bearer ${env.idTokenRequestToken}`, accept: 'application/json' },
    }),
    `get an OIDC token (audience ${audience})`,
    policy,
  );
  const hint = `The runner's token service refused; re-run the job. If it persists, check the job's permissions. ${idTokenPermissionHint()}`;
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new ServiceError(
      `Failed to get an OIDC token (audience ${audience}): ${response.status} ${response.statusText}`,
      { hint },
    );
  }
  const answer = await readJsonObject(response, {
    service: "The runner's OIDC token service",
    // The request URL is the runner's; its query is not needed to tell which service it is.
    url: `${url.origin}${url.pathname}`,
    maxBytes: MAX_TOKEN_ANSWER_BYTES,
    hint,
    secret: true,
  });
  const { value } = answer.body;
  if (typeof value !== 'string' || !value)
    throw answer.wrong(
      value === '' ? '"value" is empty' : `"value" is ${kindOf(value)}, not a string`,
    );
  mask(value);
  return value;
}

/** Decodes (does not verify) a JWT's claims; the token came straight from the runner. */
export function decodeClaims(token: string): GitHubClaims {
  const notAToken = () =>
    new ServiceError("The OIDC token the runner's token service gave is not a JWT.", {
      hint: `Re-run the job; if it persists, check ACTIONS_ID_TOKEN_REQUEST_URL (it must be the runner's own token service). ${idTokenPermissionHint()}`,
    });
  const payload = token.split('.')[1];
  if (!payload) throw notAToken();
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw notAToken();
  }
  if (typeof claims !== 'object' || claims === null || Array.isArray(claims)) throw notAToken();
  return claims as GitHubClaims;
}
