/**
 * The only reader of the runner's GITHUB_* / RUNNER_* / ACTIONS_* variables. Steps receive the
 * typed object; tests build one directly.
 */
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';

export interface RunnerEnv {
  workspace: string;
  runnerTemp: string;
  repository: string;
  serverUrl: string;
  apiUrl: string;
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

export function readRunnerEnv(env: NodeJS.ProcessEnv = process.env): RunnerEnv {
  const get = (name: string): string => env[name] ?? '';
  const optional = (name: string): string | undefined => env[name] || undefined;
  return {
    workspace: resolve(env.GITHUB_WORKSPACE || process.cwd()),
    runnerTemp: resolve(env.RUNNER_TEMP || tmpdir()),
    repository: get('GITHUB_REPOSITORY'),
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com',
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
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
