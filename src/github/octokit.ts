/**
 * The one Octokit the GitHub clients share: the token required here (the only place that
 * checks it), a per-request timeout, and one request hook that retries by the action's retry
 * policy (`http/retry.ts`): 5xx, resets and timeouts, and GitHub's primary and secondary rate
 * limits, waiting as `retry-after` or `x-ratelimit-reset` say, within a bound on attempts and
 * time. Streamed uploads pass `request: { retries: 0 }`: their callers retry with a fresh stream.
 */
import { Octokit } from '@octokit/rest';
import { ActionError, EnvironmentError, ServiceError } from '../core/errors.ts';
import { readCapped } from '../http/answer.ts';
import {
  realSleep,
  resumeAt,
  retryDelay,
  retryLine,
  type RetryPolicy,
  type Sleep,
} from '../http/retry.ts';
import { answerOf } from './errors.ts';

export interface ClientOptions {
  /** The `github-token` input; empty when the workflow passed none. */
  token: string | undefined;
  apiUrl: string;
  /** The API's upload host when its URL does not tell (`hosts.ts`); tests only. */
  uploadUrl?: string;
  repository: string;
  /** Retries, waits and the per-request timeout (uploads of large files get it per attempt). */
  policy: RetryPolicy;
  sleep?: Sleep;
  /** Progress and notes: informational lines. */
  log?: (message: string) => void;
  /** A retry: one warning line each, with its reason and what comes next (else `log`). */
  warn?: (message: string) => void;
  /** Public reads (tags, repository ids) may go without a token, within GitHub's lower limit. */
  anonymous?: boolean;
}

/** The token, or the error that says how to give one. */
export function requireToken(options: ClientOptions): string {
  if (options.token) return options.token;
  throw new EnvironmentError('This step calls GitHub, but `github-token` is empty.', {
    subject: 'github-token',
    hint: 'Leave `github-token` at its default (the workflow token), or pass a token that can read the repository.',
  });
}

/**
 * GitHub's largest JSON answers are pages of 100 releases with bodies of up to 125,000
 * characters (about 50 MB at worst); anything larger is not the API answering.
 */
export const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

/**
 * `fetch` with a per-request timeout, and the answer read here with a size cap (Octokit would
 * read any size into memory). A caller that passes its own signal (a streamed upload, bounded
 * by its size and an idle timeout) replaces the fixed timeout with it.
 */
export function timeoutFetch(timeoutMs: number) {
  return async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const signal = init?.signal ?? AbortSignal.timeout(timeoutMs);
    return capAnswer(await fetch(url, { ...init, signal }), String(url));
  };
}

/** The answer with its body read, or a ServiceError once it passes `MAX_ANSWER_BYTES`. */
async function capAnswer(response: Response, url: string): Promise<Response> {
  if (!response.body) return response;
  const { bytes, truncated } = await readCapped(response, MAX_ANSWER_BYTES);
  if (truncated) {
    throw new ServiceError(
      `GitHub's answer to ${url.split('?')[0]} is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB; no API answer is that large, so it was not read.`,
      {
        hint: 'Something between the runner and GitHub (a proxy, a wrong GITHUB_API_URL) answers instead of the GitHub API; check it, then re-run.',
      },
    );
  }
  const read = new Response(bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // Octokit reports the answer's URL (pagination reads it); a new Response has none.
  Object.defineProperty(read, 'url', { value: response.url });
  return read;
}

/** An Octokit for `options.repository`'s API, retrying by `options.policy`. */
export function createOctokit(options: ClientOptions): Octokit {
  const octokit = new Octokit({
    ...(options.anonymous && !options.token ? {} : { auth: requireToken(options) }),
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
        // A refusal made here (an answer too large) is final, and already says what happened.
        const cause = (error as { cause?: unknown }).cause;
        if (cause instanceof ActionError) throw cause;
        const answer = answerOf(error);
        const delay = once ? undefined : retryDelay(options.policy, retry, startedAt, answer);
        if (delay === undefined) {
          // A rate limit not waited out: note when it lifts, so the error says when to re-run.
          const at = once ? undefined : resumeAt(answer, options.policy);
          if (at && error && typeof error === 'object') Object.assign(error, { resumeAt: at });
          throw error;
        }
        (options.warn ?? options.log)?.(
          retryLine(
            `${githubFailure(answer.status, error)} to ${params.method} ${params.url}`,
            retry,
            options.policy,
            delay,
          ),
        );
        await sleep(delay);
      }
    }
  });
  return octokit;
}

/** Why a request failed, in a few words: GitHub's status, else what went wrong on the way. */
function githubFailure(status: number | undefined, error: unknown): string {
  if (status !== undefined) return `GitHub answered ${status}`;
  const message = error instanceof Error ? error.message.split('\n')[0] : '';
  return `No answer from GitHub${message ? ` (${message.replace(/\.$/, '')})` : ''}`;
}
