/**
 * One fetch helper for the services the action calls itself (OIDC token service, artifact
 * listing, GitHub's attestations API and asset downloads, package indexes): a per-attempt
 * timeout and the retry policy of `retry.ts`. Downloads pass `TransferBounds`: then the
 * timeout covers the wait for the headers, and the body is bounded by `transfer.ts` (size cap,
 * idle timeout, a bound that grows with the size, progress).
 */
import { ServiceError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import { boundBody, type TransferBounds } from './transfer.ts';
import {
  DEFAULT_RETRY_POLICY,
  realSleep,
  retryDelay,
  retryLine,
  type RetryPolicy,
  type Sleep,
} from './retry.ts';

/**
 * Fetches with timeout and retries. `init` is called for every attempt (a body factory for
 * streams; it may be async, e.g. to get a fresh single-use credential per attempt).
 * Returns the last response, transient or not, so the caller reads the service's answer;
 * throws a ServiceError when no attempt got an answer at all. With `bounds`, a successful
 * answer's body is bounded as `transfer.ts` says.
 */
export async function fetchWithRetry(
  url: string,
  init: () => RequestInit | Promise<RequestInit>,
  what: string,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  sleep: Sleep = realSleep,
  bounds?: TransferBounds,
): Promise<Response> {
  const startedAt = Date.now();
  for (let retry = 1; ; retry++) {
    let response: Response | undefined;
    let failure: unknown;
    const request = await init();
    try {
      response = bounds
        ? await fetchBounded(url, request, policy.timeoutMs, bounds)
        : await fetch(url, { ...request, signal: AbortSignal.timeout(policy.timeoutMs) });
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
    policy.warn?.(
      retryLine(`Could not ${what}: ${answerText(url, response, failure)}`, retry, policy, delay),
    );
    await sleep(delay);
  }
}

/**
 * One attempt whose timeout ends with the headers; a 2xx body is then bounded by `bounds`
 * (the whole transfer of a 2 GiB file cannot fit in a per-request timeout).
 */
async function fetchBounded(
  url: string,
  init: RequestInit,
  timeoutMs: number,
  bounds: TransferBounds,
): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('no answer in time', 'TimeoutError')),
    timeoutMs,
  );
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    if (!response.ok || !response.body) return response;
    const body = boundBody(response.body, bounds, (reason) => controller.abort(reason));
    return new Response(body, { status: response.status, headers: response.headers });
  } finally {
    clearTimeout(timer);
  }
}

/** What a failed attempt got: "pypi.org answered 503 \"Service Unavailable\"", or no answer and why. */
function answerText(url: string, response: Response | undefined, failure: unknown): string {
  if (!response) return `no answer (${describeFetchError(failure)})`;
  const reason = response.statusText ? ` ${quote(response.statusText)}` : '';
  return `${new URL(url).host} answered ${response.status}${reason}`;
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
