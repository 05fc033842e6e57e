/**
 * The only reader of the runner's GITHUB_* / RUNNER_* / ACTIONS_* variables. Steps receive the
 * typed object; tests build one directly.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';

export interface RunnerEnv {
  workspace: string;
  runnerTemp: string;
  repository: string;
  /** GITHUB_REPOSITORY_ID and GITHUB_REPOSITORY_OWNER_ID: ids that survive renames. */
  repositoryId: string | undefined;
  repositoryOwnerId: string | undefined;
  serverUrl: string;
  apiUrl: string;
  /** Who issues this server's Actions OIDC tokens (`iss`): see oidcIssuerFor. */
  oidcIssuer: string;
  runId: string;
  runAttempt: string;
  job: string;
  sha: string;
  ref: string;
  eventName: string;
  /** The event payload's file (GITHUB_EVENT_PATH). */
  eventPath: string | undefined;
  workflowRef: string;
  runtimeToken: string | undefined;
  resultsUrl: string | undefined;
  idTokenRequestUrl: string | undefined;
  idTokenRequestToken: string | undefined;
  /** Scales every retry backoff; only the tests set it (RELEASE_ACTION_RETRY_DELAY_MS). */
  retryDelayMs: number | undefined;
  /** Overrides every request timeout; only the tests set it (RELEASE_ACTION_TIMEOUT_MS). */
  timeoutMs: number | undefined;
  /**
   * The upload host of a GitHub-compatible API whose upload host cannot be derived from its
   * URL (a stand-in on loopback); only the tests set it (RELEASE_ACTION_GITHUB_UPLOAD_URL).
   */
  githubUploadUrl: string | undefined;
}

/** github.com's Actions token service, the issuer of its OIDC tokens. */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

/**
 * The issuer of Actions OIDC tokens on `serverUrl`: github.com's token service, GHE.com's own
 * (`https://token.actions.SUBDOMAIN.ghe.com`), or a GitHub Enterprise Server's
 * `https://HOSTNAME/_services/token`.
 */
export function oidcIssuerFor(serverUrl: string): string {
  const url = new URL(serverUrl);
  const host = url.hostname.toLowerCase();
  if (host === 'github.com') return GITHUB_ACTIONS_ISSUER;
  if (host.endsWith('.ghe.com')) return `https://token.actions.${host}`;
  return `${url.origin}/_services/token`;
}

/** Whether `serverUrl` is a GitHub Enterprise Server (not github.com, not GHE.com). */
export function isEnterpriseServer(serverUrl: string): boolean {
  const host = new URL(serverUrl).hostname.toLowerCase();
  // *.localhost is what @actions/artifact takes for GitHub's own development hosts.
  return !(host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost'));
}

export function readRunnerEnv(env: NodeJS.ProcessEnv = process.env): RunnerEnv {
  const get = (name: string): string => env[name] ?? '';
  const optional = (name: string): string | undefined => env[name] || undefined;
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  return {
    workspace: resolve(env.GITHUB_WORKSPACE || process.cwd()),
    runnerTemp: resolve(env.RUNNER_TEMP || tmpdir()),
    repository: get('GITHUB_REPOSITORY'),
    repositoryId: optional('GITHUB_REPOSITORY_ID'),
    repositoryOwnerId: optional('GITHUB_REPOSITORY_OWNER_ID'),
    serverUrl,
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    oidcIssuer: oidcIssuerFor(serverUrl),
    runId: get('GITHUB_RUN_ID'),
    runAttempt: env.GITHUB_RUN_ATTEMPT || '1',
    job: get('GITHUB_JOB'),
    sha: get('GITHUB_SHA'),
    ref: get('GITHUB_REF'),
    eventName: get('GITHUB_EVENT_NAME'),
    eventPath: optional('GITHUB_EVENT_PATH'),
    workflowRef: get('GITHUB_WORKFLOW_REF'),
    runtimeToken: optional('ACTIONS_RUNTIME_TOKEN'),
    resultsUrl: optional('ACTIONS_RESULTS_URL'),
    idTokenRequestUrl: optional('ACTIONS_ID_TOKEN_REQUEST_URL'),
    idTokenRequestToken: optional('ACTIONS_ID_TOKEN_REQUEST_TOKEN'),
    retryDelayMs: env.RELEASE_ACTION_RETRY_DELAY_MS
      ? Number(env.RELEASE_ACTION_RETRY_DELAY_MS)
      : undefined,
    timeoutMs: env.RELEASE_ACTION_TIMEOUT_MS ? Number(env.RELEASE_ACTION_TIMEOUT_MS) : undefined,
    githubUploadUrl: optional('RELEASE_ACTION_GITHUB_UPLOAD_URL'),
  };
}

/**
 * The `workflow_dispatch` inputs from the event payload (they are in no OIDC token, so the
 * provenance records them from here); empty for other events or without a payload.
 */
export function readDispatchInputs(env: RunnerEnv): Record<string, unknown> {
  if (env.eventName !== 'workflow_dispatch' || !env.eventPath) return {};
  try {
    const payload = JSON.parse(readFileSync(env.eventPath, 'utf8')) as { inputs?: unknown };
    const inputs = payload.inputs;
    return inputs && typeof inputs === 'object' && !Array.isArray(inputs)
      ? (inputs as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
