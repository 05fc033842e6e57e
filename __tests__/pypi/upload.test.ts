/**
 * The upload's answer against a loopback index: bounded in time (an answer that drips does not
 * hold the step) and in size (its first bytes are read); one warning line per retry; progress
 * lines for a long upload, as downloads print them.
 */
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/core/errors.ts';
import { retryPolicyFor } from '../../src/http/retry.ts';
import { PROGRESS_MIN_BYTES } from '../../src/http/transfer.ts';
import { uploadFile, type UploadRequest } from '../../src/pypi/upload.ts';
import { listenLoopback, type LoopbackServer } from '../../sandbox/http.ts';

let server: LoopbackServer;
let answer: (req: IncomingMessage, res: ServerResponse) => void;
let dir: string;
beforeAll(async () => {
  server = await listenLoopback((req, res) => {
    // The form is read whole before any answer, as Warehouse does.
    req.on('data', () => undefined);
    req.on('end', () => answer(req, res));
  });
  dir = await mkdtemp(join(tmpdir(), 'upload-'));
});
afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const policy = retryPolicyFor(1, 1000);
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return (error as ServiceError).message;
}

describe('the upload', () => {
  const request = (path: string, extra: Partial<UploadRequest> = {}): UploadRequest => ({
    uploadUrl: `${server.url}/legacy/`,
    token: 'pypi-token',
    path,
    filename: 'demo-1.0-py3-none-any.whl',
    kind: 'wheel',
    pyversion: 'py3',
    sha256: 'c'.repeat(64),
    metadata: [['name', 'demo']],
    ...extra,
  });
  let small: string;
  beforeAll(async () => {
    small = join(dir, 'small.whl');
    await writeFile(small, 'PK');
  });

  it('does not wait for an answer that drips after the upload', async () => {
    let timer: NodeJS.Timeout | undefined;
    answer = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      timer = setInterval(() => res.write('.'), 100);
      res.on('close', () => clearInterval(timer));
    };
    const startedAt = Date.now();
    const lines: string[] = [];
    const drip = { ...retryPolicyFor(1, 500), retries: 1, warn: (l: string) => lines.push(l) };
    const message = await refusal(uploadFile(request(small), drip, async () => undefined));
    expect(message).toMatch(
      /^Failed to upload "demo-1.0-py3-none-any.whl" to .*: timed out \(the index's answer was not whole within 0\.5 s\)$/,
    );
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(lines).toEqual([
      `The upload of "demo-1.0-py3-none-any.whl" to ${new URL(server.url).host} failed: timed out (the index's answer was not whole within 0.5 s); attempt 2 of 2 in 1 ms.`,
    ]);
    clearInterval(timer);
  });

  it('reads only the first bytes of a long answer', async () => {
    answer = (_req, res) => {
      res.writeHead(400, 'Bad Request', { 'content-type': 'text/plain' });
      res.end(`${'x'.repeat(10 * 1024 * 1024)}`);
    };
    expect(await refusal(uploadFile(request(small), policy, async () => undefined))).toMatch(
      /: 400 "Bad Request"$/,
    );
  });

  it('prints one warning line per retry of a 503, with its reason and what comes next', async () => {
    let calls = 0;
    answer = (_req, res) =>
      ++calls <= 2 ? res.writeHead(503, 'Service Unavailable').end() : res.writeHead(200).end();
    const lines: string[] = [];
    const waits: number[] = [];
    const warned = { ...policy, warn: (l: string) => lines.push(l) };
    await uploadFile(request(small), warned, async (ms) => void waits.push(ms));
    const host = new URL(server.url).host;
    expect(lines).toEqual([
      `${host} answered 503 "Service Unavailable" to the upload of "demo-1.0-py3-none-any.whl"; attempt 2 of 5 in 1 ms.`,
      `${host} answered 503 "Service Unavailable" to the upload of "demo-1.0-py3-none-any.whl"; attempt 3 of 5 in 2 ms.`,
    ]);
    expect(waits).toEqual([1, 2]);
  });

  it('prints progress for a long upload as downloads do', async () => {
    const big = join(dir, 'big.whl');
    await writeFile(big, '');
    await truncate(big, PROGRESS_MIN_BYTES + 1024 * 1024);
    answer = (_req, res) => res.writeHead(200).end();
    const lines: string[] = [];
    await uploadFile(request(big, { progress: (l) => lines.push(l) }), policy, async () => {});
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.at(-1)).toMatch(
      new RegExp(
        `^upload demo-1\\.0-py3-none-any\\.whl to ${new URL(server.url).host}: 100% \\(35 MB of 35 MB, [\\d.]+ [kMG]?B/s\\)$`,
      ),
    );
    const none: string[] = [];
    await uploadFile(request(small, { progress: (l) => none.push(l) }), policy, async () => {});
    expect(none).toEqual([]);
  });
});

describe('an index that answers before it has read the form', () => {
  it('gets no more of the file on that request, and a status no server sends is final', async () => {
    let received = 0;
    let requests = 0;
    let status = 503;
    // A raw socket, so nothing closes the connection on its own: it answers once the request
    // starts and goes on reading whatever the client still sends.
    const { createServer } = await import('node:net');
    const raw = createServer((socket) => {
      requests++;
      let answered = false;
      socket.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (answered) return;
        answered = true;
        socket.write(`HTTP/1.1 ${status} Busy\r\nContent-Length: 0\r\n\r\n`);
      });
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    const port = (raw.address() as { port: number }).port;
    const early = {
      url: `http://127.0.0.1:${port}`,
      close: () => new Promise<void>((resolve) => raw.close(() => resolve())),
    };
    const big = join(dir, 'early.whl');
    await writeFile(big, '');
    await truncate(big, 64 * 1024 * 1024);
    try {
      const upload = {
        uploadUrl: `${early.url}/legacy/`,
        token: 'pypi-token',
        path: big,
        filename: 'demo-1.0-py3-none-any.whl',
        kind: 'wheel' as const,
        pyversion: 'py3',
        sha256: 'c'.repeat(64),
        metadata: [['name', 'demo']] as [string, string][],
      };
      await expect(
        uploadFile(upload, { ...retryPolicyFor(1, 5000), retries: 1 }, async () => undefined),
      ).rejects.toThrow(/503/);
      expect(requests).toBe(2);
      // Two attempts, each cut off once answered: far less than twice the file's 64 MiB.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(received).toBeLessThan(32 * 1024 * 1024);

      status = 700;
      requests = 0;
      const error = await uploadFile(upload, retryPolicyFor(1, 5000), async () => undefined).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ServiceError);
      expect((error as Error).message).toMatch(/answered status 700, which is not an HTTP answer/);
      expect(requests).toBe(1);
    } finally {
      raw.unref();
      void early.close();
    }
  });
});
