/**
 * One fetch helper for the services the action calls itself (OIDC token service, artifact
 * listing, GitHub's attestations API and asset downloads, package indexes): a per-attempt
 * timeout and the retry policy of `retry.ts`.
 */
import { ServiceError } from '../core/errors.ts';
import {
  DEFAULT_RETRY_POLICY,
  realSleep,
  retryDelay,
  type RetryPolicy,
  type Sleep,
} from './retry.ts';

/**
 * Fetches with timeout and retries. `init` must be repeatable (a body factory for streams).
 * Returns the last response, transient or not, so the caller reads the service's answer;
 * throws a ServiceError when no attempt got an answer at all.
 */
export async function fetchWithRetry(
  url: string,
  init: () => RequestInit,
  what: string,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  sleep: Sleep = realSleep,
): Promise<Response> {
  const startedAt = Date.now();
  for (let retry = 1; ; retry++) {
    let response: Response | undefined;
    let failure: unknown;
    try {
      response = await fetch(url, { ...init(), signal: AbortSignal.timeout(policy.timeoutMs) });
    } catch (error) {
      failure = error;
    }
    const answer = { status: response?.status, headers: response?.headers };
    const delay = retryDelay(policy, retry, startedAt, answer);
    if (delay === undefined) {
      if (response) return response;
      throw new ServiceError(`Failed to ${what}: no answer (${describeFetchError(failure)}).`, {
        cause: failure,
        hint: `The service did not answer after ${retry} attempt(s); check its status page, then re-run the job.`,
      });
    }
    await response?.body?.cancel().catch(() => undefined);
    await sleep(delay);
  }
}

/** A fetch failure in a few words: `timed out`, the socket's error code, or its message. */
export function describeFetchError(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'timed out';
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
