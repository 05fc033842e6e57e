/** The bounds of one streamed body: progress by tenths, the cap, and the size-grown bound. */
import { describe, expect, it } from 'vitest';
import { boundBody, MIN_BYTES_PER_SECOND, transferBoundMs } from '../../src/http/transfer.ts';

function source(total: number, chunk = 1024 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const size = Math.min(chunk, total - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size));
    },
  });
}

async function drain(stream: ReadableStream<Uint8Array>): Promise<number> {
  let bytes = 0;
  for await (const chunk of stream) bytes += chunk.byteLength;
  return bytes;
}

const bounds = { what: 'download a.whl', maxBytes: 2 ** 31, idleMs: 5000, baseMs: 5000 };

describe('boundBody', () => {
  it('prints progress at each tenth of a long transfer: percentage and throughput', async () => {
    const lines: string[] = [];
    const total = 64 * 1024 * 1024;
    const body = boundBody(
      source(total),
      { ...bounds, expectedBytes: total, progress: (l) => lines.push(l) },
      () => undefined,
    );
    expect(await drain(body)).toBe(total);
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.at(-1)).toMatch(/^download a\.whl: 100% \(67 MB of 67 MB, [\d.]+ [kMG]?B\/s\)$/);
  });

  it('stops at the cap even when the size is not listed', async () => {
    let aborted: Error | undefined;
    const body = boundBody(source(10_000, 100), { ...bounds, maxBytes: 1000 }, (e) => {
      aborted = e;
    });
    await expect(drain(body)).rejects.toThrow(/larger than 1\.0 kB, the most the action accepts/);
    expect(aborted?.message).toMatch(/larger than/);
  });

  it('grows the overall bound with the size', () => {
    expect(transferBoundMs(0, 30_000)).toBe(30_000);
    expect(transferBoundMs(MIN_BYTES_PER_SECOND * 600, 30_000)).toBe(630_000);
    // 2 GiB at the slowest link the bound allows for: well past any fixed 120 s deadline.
    expect(transferBoundMs(2 ** 31, 30_000)).toBeGreaterThan(2 * 3600 * 1000);
  });
});
