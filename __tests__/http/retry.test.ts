import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETRY_POLICY,
  isTransient,
  resumeAt,
  retryDelay,
  retryLine,
  retryPolicyFor,
} from '../../src/http/retry.ts';

const policy = DEFAULT_RETRY_POLICY;
const now = Date.now();

describe('the retry policy', () => {
  it('retries no answer, 408, 429, 5xx (not 501) and rate limits; never another 4xx', () => {
    for (const status of [undefined, 408, 429, 500, 502, 503, 504])
      expect(isTransient({ status }), String(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 422, 501])
      expect(isTransient({ status }), String(status)).toBe(false);
    expect(isTransient({ status: 403, headers: { 'x-ratelimit-remaining': '0' } })).toBe(true);
    expect(isTransient({ status: 403, headers: new Headers({ 'retry-after': '3' }) })).toBe(true);
    expect(isTransient({ status: 403, message: 'You have exceeded a secondary rate limit.' })).toBe(
      true,
    );
  });

  it('waits GitHub’s minute for a secondary limit that states no wait, 403 or 429', () => {
    const message = 'You have exceeded a secondary rate limit. Please wait a few minutes.';
    for (const status of [403, 429])
      expect(retryDelay(policy, 1, now, { status, message }), String(status)).toBe(60_000);
    // retry-after, when sent, wins.
    expect(
      retryDelay(policy, 1, now, { status: 429, message, headers: { 'retry-after': '5' } }),
    ).toBe(5000);
    // A plain 429 without the message backs off as usual.
    expect(retryDelay(policy, 1, now, { status: 429 })).toBe(1000);
  });

  it('backs off exponentially, up to the longest wait', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(policy, n, now, { status: 503 }))).toEqual([
      1000, 2000, 4000, 8000,
    ]);
    const long = { ...policy, retries: 20, totalMs: Infinity };
    expect(retryDelay(long, 12, now, { status: 503 })).toBe(policy.maxDelayMs);
  });

  it('waits as retry-after or x-ratelimit-reset say', () => {
    expect(retryDelay(policy, 1, now, { status: 429, headers: { 'retry-after': '7' } })).toBe(7000);
    const inFive = String(Math.floor(Date.now() / 1000) + 5);
    const wait = retryDelay(policy, 1, now, {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inFive },
    });
    expect(wait).toBeGreaterThan(3000);
    expect(wait).toBeLessThanOrEqual(5000);
    const scaled = retryPolicyFor(10);
    expect(retryDelay(scaled, 1, now, { status: 429, headers: { 'retry-after': '7' } })).toBe(70);
  });

  it('stops at the attempt bound, at the time bound, and on a final answer', () => {
    expect(retryDelay(policy, policy.retries + 1, now, { status: 503 })).toBeUndefined();
    expect(retryDelay(policy, 1, now, { status: 404 })).toBeUndefined();
    // A reset an hour away is not waited for: the total bound is minutes.
    const inAnHour = String(Math.floor(Date.now() / 1000) + 3600);
    expect(
      retryDelay(policy, 1, now, {
        status: 403,
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': inAnHour },
      }),
    ).toBeUndefined();
    expect(retryDelay(policy, 2, now - policy.totalMs, { status: 503 })).toBeUndefined();
  });

  it('waits at least a minute on a secondary limit that states no wait', () => {
    const secondary = { status: 403, message: 'You have exceeded a secondary rate limit.' };
    expect(retryDelay(policy, 1, now, secondary)).toBe(60_000);
    expect(retryDelay(retryPolicyFor(10), 1, now, secondary)).toBe(600);
  });

  it('sits out no wait longer than the longest, and says when the limit lifts', () => {
    const hourly = { status: 403, headers: { 'retry-after': '2400' }, message: 'secondary rate' };
    const long = { ...policy, totalMs: Infinity };
    expect(retryDelay(long, 1, now, hourly)).toBeUndefined();
    expect(retryDelay(long, 1, now, { ...hourly, headers: { 'retry-after': '600' } })).toBe(
      600_000,
    );
    const at = resumeAt(hourly, policy)?.getTime() ?? 0;
    expect(at - Date.now()).toBeGreaterThan(2399_000);
    expect(at - Date.now()).toBeLessThanOrEqual(2400_000);
    // Scaled with the rest: 2400 of the service's seconds at 10 ms each.
    expect(retryDelay(retryPolicyFor(10), 1, now, hourly)).toBeUndefined();
    expect(resumeAt({ status: 503 }, policy)).toBeUndefined();
  });
});

describe('the warning line of each retry', () => {
  it('fetchWithRetry prints one per retry: what failed, why, and what comes next', async () => {
    const { fetchWithRetry } = await import('../../src/http/fetch.ts');
    const { listenLoopback } = await import('../../sandbox/http.ts');
    // /flaky answers 503 twice, then 200; /silent never answers.
    let calls = 0;
    const server = await listenLoopback((req, res) => {
      if (req.url === '/silent') return;
      if (++calls <= 2) return void res.writeHead(503, 'Service Unavailable').end();
      res.end('{}');
    });
    try {
      const lines: string[] = [];
      const warn = (line: string) => void lines.push(line);
      const flaky = await fetchWithRetry(`${server.url}/flaky`, () => ({}), 'read x', {
        ...retryPolicyFor(5, 2000),
        warn,
      });
      expect(flaky.status).toBe(200);
      const host = new URL(server.url).host;
      expect(lines).toEqual([
        `Could not read x: ${host} answered 503 "Service Unavailable"; attempt 2 of 5 in 5 ms.`,
        `Could not read x: ${host} answered 503 "Service Unavailable"; attempt 3 of 5 in 10 ms.`,
      ]);
      lines.length = 0;
      const silent = { ...retryPolicyFor(5, 200), retries: 1, warn };
      await expect(
        fetchWithRetry(`${server.url}/silent`, () => ({}), 'read z', silent),
      ).rejects.toThrow(/no answer \(timed out\)/);
      expect(lines).toEqual(['Could not read z: no answer (timed out); attempt 2 of 2 in 5 ms.']);
    } finally {
      await server.close();
    }
  });

  it('words waits of a second and more in seconds', () => {
    expect(retryLine('TestPyPI answered 503', 1, policy, 4000)).toBe(
      'TestPyPI answered 503; attempt 2 of 5 in 4 s.',
    );
    expect(retryLine('x', 2, policy, 1500)).toBe('x; attempt 3 of 5 in 1.5 s.');
  });
});
