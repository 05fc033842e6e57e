/**
 * The one retry policy of every HTTP call the action makes (GitHub's API through Octokit, its
 * uploads and downloads, the OIDC token service, artifact listing, package indexes): which
 * answers are worth another attempt, how long to wait, and when to stop. Callers loop; this
 * module decides.
 *
 * Transient: no answer at all (connection reset, timeout), 408, 429, 5xx except 501, and
 * GitHub's rate limits (a 403 with `x-ratelimit-remaining: 0` or with `retry-after`, or one
 * whose message says "secondary rate limit"). Never another 4xx: those mean "no".
 */

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  /** First backoff delay; doubles each attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  /** Longest backoff between two attempts when the service states no wait. */
  maxDelayMs: number;
  /** Milliseconds per second the service asks to wait (`retry-after`, `x-ratelimit-reset`). */
  secondMs: number;
  /** Per-attempt timeout (headers and body). */
  timeoutMs: number;
  /** Bound on the time from the first attempt to the last retry's start. */
  totalMs: number;
  /**
   * The longest wait a service may ask for that is sat out. GitHub's hourly content limit asks
   * for up to an hour: rather than hold a runner that long (and risk the job's own timeout),
   * the action stops and says when a re-run will get through (`resumeAt`).
   */
  longestWaitMs: number;
  /**
   * Called once per retry with one line: what failed, why, and what comes next (`retryLine`).
   * The steps print it as a warning.
   */
  warn?: (line: string) => void;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 4,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  secondMs: 1000,
  timeoutMs: 30_000,
  totalMs: 10 * 60_000,
  longestWaitMs: 10 * 60_000,
};

/**
 * The default policy with the runner's test knobs applied: `retryDelayMs` scales every wait
 * (a second the service asks for included), `timeoutMs` replaces the per-attempt timeout.
 */
export function retryPolicyFor(retryDelayMs?: number, timeoutMs?: number): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY };
  if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) policy.timeoutMs = timeoutMs;
  if (retryDelayMs === undefined || !Number.isFinite(retryDelayMs)) return policy;
  return {
    ...policy,
    baseDelayMs: retryDelayMs,
    maxDelayMs: retryDelayMs * 8,
    secondMs: retryDelayMs,
    totalMs: Math.max(retryDelayMs * 200, policy.timeoutMs * (policy.retries + 1)),
    // Scaled like a second the service asks for, so a stand-in with a faster clock draws the
    // line where GitHub's real clock would.
    longestWaitMs: (policy.longestWaitMs / 1000) * retryDelayMs,
  };
}

/**
 * The line a retry prints: `what` (what failed and why), then the attempt that comes next and
 * the wait before it: "pypi.org answered 503 to …; attempt 2 of 5 in 4 s."
 */
export function retryLine(
  what: string,
  retry: number,
  policy: RetryPolicy,
  delayMs: number,
): string {
  const wait = delayMs < 1000 ? `${Math.round(delayMs)} ms` : `${Math.round(delayMs / 100) / 10} s`;
  return `${what}; attempt ${retry + 1} of ${policy.retries + 1} in ${wait}.`;
}

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a failed attempt got back: nothing (`status` undefined), or a status and headers. */
export interface Answer {
  status?: number | undefined;
  headers?: Headers | Readonly<Record<string, string | number | undefined>> | undefined;
  /** The error message, where GitHub words its secondary rate limit. */
  message?: string | undefined;
}

function header(answer: Answer, name: string): string | undefined {
  const { headers } = answer;
  if (!headers) return undefined;
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return value === undefined || value === null ? undefined : String(value);
}

/** GitHub's primary or secondary rate limit, in the words GitHub uses for them. */
export function isRateLimited(answer: Answer): boolean {
  if (answer.status === 429) return true;
  if (answer.status !== 403) return false;
  return (
    header(answer, 'x-ratelimit-remaining') === '0' ||
    header(answer, 'retry-after') !== undefined ||
    /\bsecondary rate\b/i.test(answer.message ?? '')
  );
}

/** Whether another attempt may get a different answer. */
export function isTransient(answer: Answer): boolean {
  const { status } = answer;
  if (status === undefined) return true;
  if (status === 408 || isRateLimited(answer)) return true;
  return status >= 500 && status !== 501;
}

/** GitHub's secondary limit, named in its message (`retry-after` may or may not come with it). */
export function isSecondaryLimit(answer: Answer): boolean {
  return answer.status === 403 && /\bsecondary rate\b/i.test(answer.message ?? '');
}

/** The wait the service asks for, in its own seconds, scaled by the policy; or undefined. */
export function statedWait(answer: Answer, policy: RetryPolicy): number | undefined {
  const retryAfter = header(answer, 'retry-after');
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * policy.secondMs;
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return (Math.max(0, date - Date.now()) / 1000) * policy.secondMs;
  }
  const reset = Number(header(answer, 'x-ratelimit-reset'));
  if (header(answer, 'x-ratelimit-remaining') === '0' && Number.isFinite(reset))
    return Math.max(1, reset - Date.now() / 1000) * policy.secondMs;
  // A secondary limit without `retry-after`: GitHub asks for at least a minute ("Exceeding the
  // rate limit"); retrying sooner risks the integration being banned.
  if (isRateLimited(answer) && /\bsecondary rate\b/i.test(answer.message ?? ''))
    return SECONDARY_LIMIT_WAIT_SECONDS * policy.secondMs;
  return undefined;
}

/** GitHub's "wait at least one minute" for a secondary limit that states no wait. */
export const SECONDARY_LIMIT_WAIT_SECONDS = 60;

/**
 * The wait before retry number `retry` (1-based) of a call first tried at `startedAt`, or
 * undefined when the call must stop: the answer is final, the attempts are spent, or the wait
 * would cross the policy's total time bound.
 */
export function retryDelay(
  policy: RetryPolicy,
  retry: number,
  startedAt: number,
  answer: Answer,
): number | undefined {
  if (retry > policy.retries || !isTransient(answer)) return undefined;
  const backoff = Math.min(policy.baseDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
  const stated = statedWait(answer, policy);
  // GitHub: a secondary limit without a stated wait is waited out for at least a minute.
  const delay =
    stated ?? (isSecondaryLimit(answer) ? Math.max(60 * policy.secondMs, backoff) : backoff);
  if (delay > policy.longestWaitMs) return undefined;
  if (Date.now() - startedAt + delay > policy.totalMs) return undefined;
  return delay;
}

/**
 * When a call stopped by a rate limit may be tried again: now plus the wait the service asked
 * for (scaled by the policy), or undefined when it stated none.
 */
export function resumeAt(answer: Answer, policy: RetryPolicy): Date | undefined {
  if (!isRateLimited(answer)) return undefined;
  const wait = statedWait(answer, policy);
  return wait === undefined ? undefined : new Date(Date.now() + wait);
}
