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

/** How a rate limit is answered: GitHub sends 403 or 429, with or without `retry-after`. */
export interface RateLimitOptions {
  status?: 403 | 429;
  /** Seconds in `retry-after` (secondary) or until `x-ratelimit-reset` (primary); null omits. */
  retryAfterSeconds?: number | null;
  /** Only requests to the upload host count (and get the limit). */
  uploadsOnly?: boolean;
}

interface QueuedLimit {
  count: number;
  kind: RateLimitKind;
  status: 403 | 429;
  retryAfterSeconds: number | null;
}

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
  #rateLimited: QueuedLimit = { count: 0, kind: 'primary', status: 403, retryAfterSeconds: 1 };
  #uploadsLimited: QueuedLimit = { ...this.#rateLimited };
  #failing = { count: 0, status: 503 };

  rateLimitNext(
    count: number,
    kind: RateLimitKind,
    retryAfterSeconds: number | null,
    options: RateLimitOptions = {},
  ): void {
    const limit = { count, kind, status: options.status ?? 403, retryAfterSeconds };
    if (options.uploadsOnly) this.#uploadsLimited = limit;
    else this.#rateLimited = limit;
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
  inject(headers: Record<string, string>, upload = false): void {
    const limit =
      upload && this.#uploadsLimited.count > 0 ? this.#uploadsLimited : this.#rateLimited;
    if (limit.count > 0) {
      limit.count -= 1;
      const { kind, status, retryAfterSeconds } = limit;
      throw kind === 'primary'
        ? primaryLimit(headers, status, retryAfterSeconds ?? 60)
        : secondaryLimit(headers, status, retryAfterSeconds);
    }
    if (this.#failing.count > 0) {
      this.#failing.count -= 1;
      const status = this.#failing.status;
      throw new GitHubError(status, SERVER_ERRORS[status] ?? 'Server Error', { headers });
    }
  }
}

function primaryLimit(
  headers: Record<string, string>,
  status: number,
  resetInSeconds: number,
): GitHubError {
  return new GitHubError(
    status,
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

// GitHub sends `retry-after` with some secondary limits and not others: then a client must
// wait at least a minute (docs: "Exceeding the rate limit").
function secondaryLimit(
  headers: Record<string, string>,
  status: number,
  retryAfter: number | null,
): GitHubError {
  return new GitHubError(status, SECONDARY_RATE_LIMIT_MESSAGE, {
    docs: `${RATE_LIMIT_DOCS}#about-secondary-rate-limits`,
    headers: retryAfter === null ? headers : { ...headers, 'retry-after': String(retryAfter) },
  });
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);
