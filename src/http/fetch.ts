/**
 * One fetch helper with an explicit retry policy for the services the action calls itself
 * (OIDC token service, package indexes). Retries only what is safe to retry: 408, 429, 5xx and
 * connection failures, with exponential backoff that honours `retry-after`. Never a 4xx that
 * means "no".
 */
import { ServiceError } from '../core/errors.ts';

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  /** First backoff delay; doubles each attempt. */
  baseDelayMs: number;
  /** Longest single wait, also the cap on `retry-after`. */
  maxDelayMs: number;
  /** Per-attempt timeout (headers and body). */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 4,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  timeoutMs: 30_000,
};

/** The default policy, with backoff scaled down when the environment asks (tests). */
export function retryPolicyFor(retryDelayMs: number | undefined, timeoutMs?: number): RetryPolicy {
  const policy = { ...DEFAULT_RETRY_POLICY };
  if (timeoutMs !== undefined && Number.isFinite(timeoutMs)) policy.timeoutMs = timeoutMs;
  if (retryDelayMs === undefined || !Number.isFinite(retryDelayMs)) return policy;
  return { ...policy, baseDelayMs: retryDelayMs, maxDelayMs: retryDelayMs * 8 };
}

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUS.has(status) || (status >= 500 && status !== 501);
}

export type Sleep = (ms: number) => Promise<void>;
const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The delay before attempt `attempt` (1-based retry count), from `retry-after` when given. */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  retryAfter?: string | null,
): number {
  const seconds = retryAfter ? Number(retryAfter) : NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, policy.maxDelayMs);
  if (retryAfter) {
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.min(Math.max(0, date - Date.now()), policy.maxDelayMs);
  }
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

/**
 * Fetches with timeout and retries. `init` must be repeatable (a body factory for streams).
 * Returns the last response, retryable or not, so the caller reads the service's answer;
 * throws a ServiceError when every attempt failed to get an answer at all.
 */
export async function fetchWithRetry(
  url: string,
  init: () => RequestInit,
  what: string,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  sleep: Sleep = realSleep,
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    let response: Response | undefined;
    let failure: unknown;
    try {
      response = await fetch(url, { ...init(), signal: AbortSignal.timeout(policy.timeoutMs) });
    } catch (error) {
      failure = error;
    }
    const retryable = response === undefined || isRetryableStatus(response.status);
    if (!retryable || attempt >= policy.retries) {
      if (response) return response;
      throw new ServiceError(`Failed to ${what}: ${describeFetchError(failure)}`, {
        cause: failure,
        retryable: true,
        hint: `The service did not answer after ${policy.retries + 1} attempts; re-run the job.`,
      });
    }
    const delay = backoffDelay(attempt + 1, policy, response?.headers.get('retry-after'));
    await response?.body?.cancel().catch(() => undefined);
    await sleep(delay);
  }
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out';
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
