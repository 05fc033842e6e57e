/**
 * The one Octokit the GitHub clients share: the token required here (the only place that
 * checks it), a per-request timeout, and one request hook that retries by the action's retry
 * policy (`http/retry.ts`): 5xx, resets and timeouts, and GitHub's primary and secondary rate
 * limits, waiting as `retry-after` or `x-ratelimit-reset` say, within a bound on attempts and
 * time. Streamed uploads pass `request: { retries: 0 }`: their callers retry with a fresh stream.
 */
import { Octokit } from '@octokit/rest';
import { EnvironmentError } from '../core/errors.ts';
import { realSleep, resumeAt, retryDelay, type RetryPolicy, type Sleep } from '../http/retry.ts';
import { answerOf } from './errors.ts';

export interface ClientOptions {
  /** The `github-token` input; empty when the workflow passed none. */
  token: string | undefined;
  apiUrl: string;
  repository: string;
  /** Retries, waits and the per-request timeout (uploads of large files get it per attempt). */
  policy: RetryPolicy;
  sleep?: Sleep;
  log?: (message: string) => void;
}

/** The token, or the error that says how to give one. */
export function requireToken(options: ClientOptions): string {
  if (options.token) return options.token;
  throw new EnvironmentError('This step calls GitHub, but `github-token` is empty.', {
    subject: 'github-token',
    hint: 'Leave `github-token` at its default (the workflow token), or pass a token that can read the repository.',
  });
}

/** `fetch` with a per-request timeout, combined with any signal the caller passes. */
export function timeoutFetch(timeoutMs: number) {
  return (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(url, { ...init, signal });
  };
}

/** An Octokit for `options.repository`'s API, retrying by `options.policy`. */
export function createOctokit(options: ClientOptions): Octokit {
  const octokit = new Octokit({
    auth: requireToken(options),
    baseUrl: options.apiUrl,
    userAgent: 'release-action',
    request: { fetch: timeoutFetch(options.policy.timeoutMs) },
  });
  const sleep = options.sleep ?? realSleep;
  octokit.hook.wrap('request', async (request, params) => {
    const startedAt = Date.now();
    const once = (params.request as { retries?: number } | undefined)?.retries === 0;
    for (let retry = 1; ; retry++) {
      try {
        return await request(params);
      } catch (error) {
        const answer = answerOf(error);
        const delay = once ? undefined : retryDelay(options.policy, retry, startedAt, answer);
        if (delay === undefined) {
          // A rate limit not waited out: note when it lifts, so the error says when to re-run.
          const at = once ? undefined : resumeAt(answer, options.policy);
          if (at && error && typeof error === 'object') Object.assign(error, { resumeAt: at });
          throw error;
        }
        options.log?.(
          `GitHub answered ${answer.status ?? 'nothing'} to ${params.method} ${params.url}; retry ${retry} of ${options.policy.retries} in ${Math.round(delay)} ms.`,
        );
        await sleep(delay);
      }
    }
  });
  return octokit;
}
