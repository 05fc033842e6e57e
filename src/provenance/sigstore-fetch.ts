/**
 * What the bundle gives @sigstore/sign in place of make-fetch-happen: Node's own fetch. The
 * signing client asks only for one request at a time (it retries by itself, with `retry:
 * false`), a timeout, and a response with `ok`, `status`, `headers`, `json()` and `buffer()`.
 * make-fetch-happen brings an HTTP cache, proxy agents and encodings (1.4 MB of code) that
 * signing never uses; every step that signs or verifies starts faster without them.
 */

export interface SigstoreFetchOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Milliseconds for the whole request; 0 or absent: none. */
  timeout?: number;
  /** Retries are the caller's: only `false`/0 is accepted. */
  retry?: boolean | number | object;
}

export type SigstoreResponse = Response & { buffer(): Promise<Buffer> };

export default async function sigstoreFetch(
  url: string | URL,
  options: SigstoreFetchOptions = {},
): Promise<SigstoreResponse> {
  if (options.retry !== undefined && options.retry !== false && options.retry !== 0) {
    throw new Error('sigstore fetch: retries are handled by the caller (pass retry: false)');
  }
  const method = options.method ?? 'GET';
  let response: SigstoreResponse;
  try {
    response = (await fetch(url, {
      method,
      ...(options.headers ? { headers: options.headers } : {}),
      ...(options.body !== undefined ? { body: options.body } : {}),
      ...(options.timeout ? { signal: AbortSignal.timeout(options.timeout) } : {}),
    })) as SigstoreResponse;
  } catch (error) {
    // Node's fetch says only "fetch failed"; the reason is in its cause.
    throw new Error(`${method} ${String(url)} failed: ${reason(error, options.timeout)}`, {
      cause: error,
    });
  }
  response.buffer = async () => Buffer.from(await response.arrayBuffer());
  return response;
}

function reason(error: unknown, timeout: number | undefined): string {
  if (error instanceof Error && error.name === 'TimeoutError') {
    return `no answer within ${timeout} ms`;
  }
  const cause = error instanceof Error ? (error.cause ?? error) : error;
  if (cause instanceof Error) {
    const code = (cause as NodeJS.ErrnoException).code;
    return code && !cause.message.includes(code) ? `${code} ${cause.message}` : cause.message;
  }
  return String(cause);
}
