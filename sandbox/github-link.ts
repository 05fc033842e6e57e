/**
 * The link between a runner and GitHub's upload and storage hosts, for tests of big assets: a
 * bandwidth shared by every transfer in one direction (a slow uplink, a slow downlink), with
 * a seeded wobble, and a stall that stops a transfer dead after some bytes while the
 * connection stays open (a link that went away without a reset). Off by default: then the
 * stand-in moves bytes as fast as loopback does.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { seededRandom } from './fault-proxy.ts';

export type LinkDirection = 'upload' | 'download';

/** Bytes are paced in slices this big: fine enough for a smooth rate, coarse enough to be cheap. */
const SLICE_BYTES = 64 * 1024;

export interface BandwidthOptions {
  /** Each slice's rate varies by up to this fraction around `bytesPerSecond` (default 0.2). */
  jitter?: number;
  seed?: number;
}

interface Pace {
  bytesPerSecond: number;
  jitter: number;
  random: () => number;
  /** When the link is free again (ms since epoch): transfers queue behind each other. */
  freeAt: number;
}

export class Link {
  readonly #paces = new Map<LinkDirection, Pace>();
  readonly #stalls = new Map<LinkDirection, number>();

  /** `bytesPerSecond` 0 (or less) lifts the limit. */
  setBandwidth(direction: LinkDirection, bytesPerSecond: number, options: BandwidthOptions = {}) {
    if (bytesPerSecond <= 0) return void this.#paces.delete(direction);
    this.#paces.set(direction, {
      bytesPerSecond,
      jitter: Math.min(0.9, Math.max(0, options.jitter ?? 0.2)),
      random: seededRandom(options.seed ?? 1),
      freeAt: 0,
    });
  }

  /**
   * The next transfer in `direction` to pass `afterBytes` stops moving there, until its peer
   * gives up (smaller transfers meanwhile are not affected).
   */
  stallNext(direction: LinkDirection, afterBytes: number): void {
    this.#stalls.set(direction, afterBytes);
  }

  /** Whether a transfer in `direction` needs the pacing stream at all. */
  shapes(direction: LinkDirection): boolean {
    return this.#paces.has(direction) || this.#stalls.has(direction);
  }

  /** A pass-through stream that moves bytes as this link does, for one transfer. */
  transfer(direction: LinkDirection): Transform {
    const stalls = this.#stalls;
    const paces = this.#paces;
    let moved = 0;
    let stalled = false;
    return new Transform({
      transform(chunk: Buffer, _encoding, done: TransformCallback) {
        void (async () => {
          for (let at = 0; at < chunk.length; at += SLICE_BYTES) {
            let slice = chunk.subarray(at, at + SLICE_BYTES);
            const stallAt = stalls.get(direction);
            if (stallAt !== undefined && moved + slice.length > stallAt) {
              stalls.delete(direction);
              slice = slice.subarray(0, Math.max(0, stallAt - moved));
              if (slice.length) this.push(slice);
              moved += slice.length;
              // Dead link: nothing more moves, and nothing says so; the peer must time out.
              stalled = true;
              return;
            }
            const pace = paces.get(direction);
            if (pace) await sleep(reserve(pace, slice.length));
            if (this.destroyed) return;
            this.push(slice);
            moved += slice.length;
          }
          done();
        })().catch((error: unknown) => done(error as Error));
      },
      flush(done) {
        if (!stalled) done();
      },
    });
  }
}

/** Books `bytes` on the link; returns how long to wait before they have crossed it. */
function reserve(pace: Pace, bytes: number): number {
  const wobble = 1 + pace.jitter * (2 * pace.random() - 1);
  const now = Date.now();
  const start = Math.max(now, pace.freeAt);
  pace.freeAt = start + (bytes / (pace.bytesPerSecond * wobble)) * 1000;
  return Math.max(0, pace.freeAt - now);
}
