/**
 * GitHub's secondary rate limit on content creation, as its documentation states it: "in
 * general" no more than 80 content-generating requests per minute and 500 per hour (REST API
 * docs, "Rate limits for the REST API" › secondary rate limits). Past either, GitHub answers 403
 * with its secondary-limit message and a `retry-after`.
 *
 * What counts here: every POST, PATCH, PUT and DELETE, asset uploads included (whether GitHub
 * counts those is undocumented; counting them is the strict reading). One budget for the whole
 * stand-in, as GitHub keeps one per installation: a re-run's fresh token does not reset it. The
 * windows slide; a refused request is not counted.
 *
 * `scale` shrinks time so a benchmark of the limit stays short: with scale 60 a minute lasts one
 * second and an hour one minute, and `retry-after` still counts GitHub's seconds (a client
 * scales its own waits alike, e.g. RELEASE_ACTION_RETRY_DELAY_MS = 1000 / scale).
 */
import { SECONDARY_RATE_LIMIT_MESSAGE } from './github-faults.ts';
import { GitHubError } from './github-wire.ts';

export interface ContentLimitOptions {
  /** Content-creating requests per minute; GitHub's figure by default. */
  perMinute?: number;
  /** Content-creating requests per hour; GitHub's figure by default. */
  perHour?: number;
  /** How many times faster than GitHub's clock the windows run (1: real time). */
  scale?: number;
}

export const CONTENT_PER_MINUTE = 80;
export const CONTENT_PER_HOUR = 500;
const DOCS =
  'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits';
const CONTENT_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/**
 * The command-line flags of `node sandbox/github.ts` that turn the limit on: the windows'
 * speed-up (`--content-limits-scale 60`; 1 is GitHub's clock) and, for short tests, other
 * budgets than GitHub's (`--content-per-minute`, `--content-per-hour`).
 */
export const contentLimitFlags = {
  'content-limits-scale': { type: 'string' },
  'content-per-minute': { type: 'string' },
  'content-per-hour': { type: 'string' },
} as const;

/** The limit's options from those flags; undefined (no limit) without a scale. */
export function contentLimitsFrom(
  flags: Record<string, unknown>,
  number: (value: unknown, flag: string) => number | undefined,
): ContentLimitOptions | undefined {
  const scale = number(flags['content-limits-scale'], 'content-limits-scale');
  if (scale === undefined) return undefined;
  const perMinute = number(flags['content-per-minute'], 'content-per-minute');
  const perHour = number(flags['content-per-hour'], 'content-per-hour');
  return {
    scale,
    ...(perMinute === undefined ? {} : { perMinute }),
    ...(perHour === undefined ? {} : { perHour }),
  };
}

/** What the limit did, for assertions and the benchmark's report. */
export interface ContentLimitStats {
  admitted: number;
  refused: number;
  /** When the first and the last content-creating request were admitted (ms since epoch). */
  firstAt?: number;
  lastAt?: number;
}

/** The sliding per-minute and per-hour windows of content-creating requests. */
export class ContentLimits {
  readonly perMinute: number;
  readonly perHour: number;
  readonly scale: number;
  readonly stats: ContentLimitStats = { admitted: 0, refused: 0 };
  /** Admission times (ms), oldest first, no older than the hour window. */
  readonly #admitted: number[] = [];

  constructor(options: ContentLimitOptions = {}) {
    this.perMinute = options.perMinute ?? CONTENT_PER_MINUTE;
    this.perHour = options.perHour ?? CONTENT_PER_HOUR;
    this.scale = options.scale ?? 1;
    if (!(this.scale > 0)) throw new Error(`content limit scale must be > 0, not ${this.scale}`);
  }

  /** Counts a request; throws GitHub's 403 when it would go past either window. */
  admit(method: string | undefined, headers: Record<string, string> = {}): void {
    if (!CONTENT_METHODS.has(method ?? '')) return;
    const now = Date.now();
    const minuteMs = 60_000 / this.scale;
    const hourMs = 3_600_000 / this.scale;
    while (this.#admitted.length > 0 && (this.#admitted[0] as number) <= now - hourMs)
      this.#admitted.shift();
    const wait = Math.max(
      this.#waitFor(now, this.perHour, hourMs),
      this.#waitFor(now, this.perMinute, minuteMs),
    );
    if (wait > 0) {
      this.stats.refused += 1;
      // In GitHub's seconds, rounded up as GitHub states whole seconds.
      const retryAfter = Math.max(1, Math.ceil((wait * this.scale) / 1000));
      throw new GitHubError(403, SECONDARY_RATE_LIMIT_MESSAGE, {
        docs: DOCS,
        headers: { ...headers, 'retry-after': String(retryAfter) },
      });
    }
    this.#admitted.push(now);
    this.stats.admitted += 1;
    this.stats.firstAt ??= now;
    this.stats.lastAt = now;
  }

  /** How long until one more request fits a window of `limit` per `windowMs` (0: now). */
  #waitFor(now: number, limit: number, windowMs: number): number {
    const inWindow = this.#admitted.filter((t) => t > now - windowMs);
    if (inWindow.length < limit) return 0;
    // The request that must leave the window before one more fits.
    const oldest = inWindow[inWindow.length - limit] as number;
    return oldest + windowMs - now;
  }
}
