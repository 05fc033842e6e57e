/**
 * Bounds on one streamed answer body: a size cap checked while the bytes arrive (never after
 * they are on disk), an idle timeout between chunks, an overall bound that grows with the size
 * (a fixed deadline fails every large file on an ordinary link), and progress lines for long
 * transfers. A breach errors the stream with the action's typed error, naming it.
 */
import { ServiceError } from '../core/errors.ts';
import { formatBytes } from '../core/text.ts';

/** The slowest link the overall bound allows for: 256 kB/s (a weak hotel Wi-Fi). */
export const MIN_BYTES_PER_SECOND = 256 * 1024;
/** A progress line at most this often, and at each tenth of the size. */
export const PROGRESS_INTERVAL_MS = 5000;
/** Transfers smaller than this print no progress. */
export const PROGRESS_MIN_BYTES = 32 * 1024 * 1024;

/**
 * A transfer that broke off on the way (timed out, or the answer ended short): the request was
 * fine, so another attempt with a fresh request may finish it.
 */
export class TransferBroken extends ServiceError {}

export interface TransferBounds {
  /** What is transferred, for messages: "download asset 12 (foo.whl)". */
  what: string;
  /** The size the service listed; more or fewer bytes is an error. */
  expectedBytes?: number | undefined;
  /** Never more than this, whatever is listed. */
  maxBytes: number;
  /** Longest silence between two chunks. */
  idleMs: number;
  /** Fixed part of the overall bound; the size adds `bytes / MIN_BYTES_PER_SECOND`. */
  baseMs: number;
  progress?: ((line: string) => void) | undefined;
}

/** The overall time bound of a transfer of `bytes`. */
export function transferBoundMs(bytes: number, baseMs: number): number {
  return baseMs + Math.ceil((bytes / MIN_BYTES_PER_SECOND) * 1000);
}

/**
 * Wraps `body` so that it errors (and `abort` is called, to close the connection) when a bound
 * is crossed. The caller reads the returned stream as it would the body.
 */
export function boundBody(
  body: ReadableStream<Uint8Array>,
  bounds: TransferBounds,
  abort: (reason: Error) => void,
): ReadableStream<Uint8Array> {
  const limit = Math.min(bounds.expectedBytes ?? bounds.maxBytes, bounds.maxBytes);
  const totalMs = transferBoundMs(limit, bounds.baseMs);
  const startedAt = Date.now();
  const report = progressReporter(bounds.what, limit, bounds.progress, startedAt);
  let received = 0;
  let controller: TransformStreamDefaultController<Uint8Array> | undefined;
  const fail = (error: Error): void => {
    clearTimeout(idle);
    clearTimeout(overall);
    controller?.error(error);
    abort(error);
  };
  const timeout = (detail: string): ServiceError => timeoutError(bounds.what, detail);
  let idle = setTimeout(
    () => fail(timeout(`no data for ${seconds(bounds.idleMs)}`)),
    bounds.idleMs,
  );
  const overall = setTimeout(
    () => fail(timeout(`not finished within ${seconds(totalMs)} for ${formatBytes(limit)}`)),
    totalMs,
  );
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      start(c) {
        controller = c;
      },
      transform(chunk, c) {
        received += chunk.byteLength;
        if (received > limit) return fail(tooLarge(bounds, limit));
        clearTimeout(idle);
        idle = setTimeout(
          () => fail(timeout(`no data for ${seconds(bounds.idleMs)}`)),
          bounds.idleMs,
        );
        report(received);
        c.enqueue(chunk);
      },
      flush() {
        clearTimeout(idle);
        clearTimeout(overall);
        if (bounds.expectedBytes !== undefined && received !== bounds.expectedBytes)
          throw new TransferBroken(
            `Failed to ${bounds.what}: the answer ended after ${received} bytes, but ${bounds.expectedBytes} were listed.`,
            { hint: 'The transfer was cut short; re-run the job.' },
          );
      },
    }),
  );
}

function timeoutError(what: string, detail: string): ServiceError {
  return new TransferBroken(`Failed to ${what}: timed out (${detail}).`, {
    hint: 'The link or the service is too slow; re-run the job (finished files are skipped).',
  });
}

/** The error of a transfer that did not finish within its overall bound of `ms`. */
export function timedOut(what: string, ms: number): ServiceError {
  return timeoutError(what, `not finished within ${seconds(ms)}`);
}

function tooLarge(bounds: TransferBounds, limit: number): ServiceError {
  const listed = bounds.expectedBytes !== undefined && bounds.expectedBytes <= bounds.maxBytes;
  return new ServiceError(
    listed
      ? `Failed to ${bounds.what}: the service sent more than the ${limit} bytes it lists; the download was stopped.`
      : `Failed to ${bounds.what}: the answer is larger than ${formatBytes(limit)}, the most the action accepts; the download was stopped.`,
    {
      hint: 'The service answered something other than the listed file; check the release, then re-run.',
    },
  );
}

/**
 * A progress reporter for a transfer of `total` bytes: called with the bytes done so far, it
 * calls `progress` every few seconds or tenth with the percentage and the throughput. Transfers
 * under `PROGRESS_MIN_BYTES` print nothing. Shared by downloads and uploads.
 */
export function progressReporter(
  what: string,
  total: number,
  progress: ((line: string) => void) | undefined,
  startedAt = Date.now(),
): (done: number) => void {
  let lastAt = startedAt;
  let lastTenth = 0;
  return (done: number): void => {
    if (!progress || total < PROGRESS_MIN_BYTES) return;
    const now = Date.now();
    const tenth = Math.floor((done / total) * 10);
    if (tenth === lastTenth && now - lastAt < PROGRESS_INTERVAL_MS) return;
    lastAt = now;
    lastTenth = tenth;
    const rate = done / Math.max(0.001, (now - startedAt) / 1000);
    progress(
      `${what}: ${Math.floor((done / total) * 100)}% (${formatBytes(done)} of ${formatBytes(total)}, ${formatBytes(rate)}/s)`,
    );
  };
}

/** A duration to a tenth of a second: `1.5 s`. */
export const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
