/**
 * `node bench/slow-link.ts --target <url> --rtt-ms N --upload-ms N`: a reverse proxy in a
 * process of its own that makes a loopback index look like one some way off that does real work
 * per upload. Every request waits half the round trip before it is forwarded and half before its
 * answer goes back; an upload (a `POST` to the upload path, `/legacy/`) is answered no sooner than
 * `upload-ms` after it was forwarded, the time a real index spends on the file before it replies
 * (what the stand-in index itself spent on it counts towards that time). Other
 * requests (the token exchange, the JSON and simple pages) pay the round trip only: PyPI does
 * no per-file work for them. Bytes stream through unbuffered, so
 * the proxy adds time, not memory. Announces `{ url }` like the stand-ins (sandbox/process.ts).
 */
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { listenLoopback } from '../sandbox/http.ts';
import { commandLine, numberFlag, serveUntilStopped } from '../sandbox/process.ts';

export interface SlowLinkOptions {
  target: string;
  rttMs: number;
  uploadMs: number;
}

/** Forwards one request to the target with the link's delays. */
async function forward(
  options: SlowLinkOptions,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const half = options.rttMs / 2;
  await sleep(half);
  const target = new URL(req.url ?? '/', options.target);
  const forwarded = performance.now();
  const answer = await new Promise<IncomingMessage>((resolve, reject) => {
    const upstream = request(target, { method: req.method, headers: req.headers }, resolve);
    upstream.once('error', reject);
    req.pipe(upstream);
  });
  // The index's own work on the file (the stand-in really checks the metadata, hashes the file
  // and verifies the attestations) is part of the time PyPI spends on it, not added to it.
  if (req.method === 'POST' && target.pathname.startsWith('/legacy/'))
    await sleep(Math.max(0, options.uploadMs - (performance.now() - forwarded)));
  await sleep(half);
  res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
  answer.pipe(res);
}

/** The link in this process (for profiling: `onRequest` sees every request as it ends). */
export function startSlowLink(
  options: SlowLinkOptions,
  onRequest?: (method: string, path: string, startedAt: number, endedAt: number) => void,
) {
  return listenLoopback(async (req, res) => {
    const startedAt = performance.now();
    res.once('finish', () =>
      onRequest?.(req.method ?? '', req.url ?? '', startedAt, performance.now()),
    );
    await forward(options, req, res);
  });
}

if (import.meta.main) {
  const flags = commandLine({
    target: { type: 'string' },
    'rtt-ms': { type: 'string' },
    'upload-ms': { type: 'string' },
  });
  await serveUntilStopped(async () => {
    if (typeof flags.target !== 'string') throw new Error('--target <url> is required');
    const options: SlowLinkOptions = {
      target: flags.target,
      rttMs: numberFlag(flags['rtt-ms'], 'rtt-ms') ?? 0,
      uploadMs: numberFlag(flags['upload-ms'], 'upload-ms') ?? 0,
    };
    const server = await startSlowLink(options);
    return { announce: { url: server.url }, close: () => server.close() };
  });
}
