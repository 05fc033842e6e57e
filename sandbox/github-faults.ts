/**
 * Rate-limit headers and injected failures of the GitHub stand-in, in GitHub's own words, so
 * `@octokit/plugin-throttling` and `@octokit/plugin-retry` react to them as they do to GitHub:
 * a primary limit is a 403 with `x-ratelimit-remaining: 0` and a reset time, a secondary one a
 * 403 whose message says "secondary rate limit", with `retry-after`.
 */
import { GitHubError } from './github-wire.ts';

/** What the workflow token gets per hour on GitHub Enterprise Cloud; never enforced here. */
export const RATE_LIMIT = 15_000;
const HOUR_SECONDS = 3600;
/** Installation ids appear in GitHub's primary-limit message; any number does. */
const INSTALLATION_ID = 4242424;
const RATE_LIMIT_DOCS = 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api';
/** GitHub's words; Octokit's throttling plugin matches `/\bsecondary rate\b/i`. */
export const SECONDARY_RATE_LIMIT_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.';

/** `primary`: the hourly quota is spent; `secondary`: too many requests too fast. */
export type RateLimitKind = 'primary' | 'secondary';

const SERVER_ERRORS: Record<number, string> = {
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Counts requests per token and hands out the faults tests queue. */
export class Faults {
  #windowStart = nowSeconds();
  readonly #used = new Map<string, number>();
  #rateLimited = { count: 0, kind: 'primary' as RateLimitKind, retryAfterSeconds: 1 };
  #failing = { count: 0, status: 503 };

  rateLimitNext(count: number, kind: RateLimitKind, retryAfterSeconds: number): void {
    this.#rateLimited = { count, kind, retryAfterSeconds };
  }

  failNext(count: number, status: number): void {
    if (!(status in SERVER_ERRORS))
      throw new Error(`failNext takes 500, 502, 503 or 504, not ${status}`);
    this.#failing = { count, status };
  }

  /** Counts one request of `token` and returns the `x-ratelimit-*` headers of its answer. */
  count(token: string): Record<string, string> {
    const now = nowSeconds();
    if (now >= this.#windowStart + HOUR_SECONDS) {
      this.#windowStart = now;
      this.#used.clear();
    }
    const used = (this.#used.get(token) ?? 0) + 1;
    this.#used.set(token, used);
    return {
      'x-ratelimit-limit': String(RATE_LIMIT),
      'x-ratelimit-remaining': String(Math.max(0, RATE_LIMIT - used)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(this.#windowStart + HOUR_SECONDS),
      'x-ratelimit-resource': 'core',
    };
  }

  /** Throws the queued fault for this request, if any; rate limits come before failures. */
  inject(headers: Record<string, string>): void {
    if (this.#rateLimited.count > 0) {
      this.#rateLimited.count -= 1;
      const { kind, retryAfterSeconds } = this.#rateLimited;
      throw kind === 'primary'
        ? primaryLimit(headers, retryAfterSeconds)
        : secondaryLimit(headers, retryAfterSeconds);
    }
    if (this.#failing.count > 0) {
      this.#failing.count -= 1;
      const status = this.#failing.status;
      throw new GitHubError(status, SERVER_ERRORS[status] ?? 'Server Error', { headers });
    }
  }
}

function primaryLimit(headers: Record<string, string>, resetInSeconds: number): GitHubError {
  return new GitHubError(
    403,
    `API rate limit exceeded for installation ID ${INSTALLATION_ID}. If you reach out to GitHub Support for help, please include the request ID and timestamp.`,
    {
      docs: `${RATE_LIMIT_DOCS}#primary-rate-limit`,
      headers: {
        ...headers,
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': headers['x-ratelimit-limit'] ?? String(RATE_LIMIT),
        'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds),
      },
    },
  );
}

function secondaryLimit(headers: Record<string, string>, retryAfter: number): GitHubError {
  return new GitHubError(403, SECONDARY_RATE_LIMIT_MESSAGE, {
    docs: `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`,
    headers: { ...headers, 'retry-after': String(retryAfter) },
  });
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);
