/**
 * A fault-injecting reverse proxy placed between the action and a stand-in. For a seeded
 * fraction of requests it drops the connection, answers 5xx, 429 or GitHub's secondary rate
 * limit with `retry-after`, stalls past the client's timeout, or forwards the request and then
 * cuts the answer short (the service did the work, the client never learns it).
 */
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenLoopback } from './http.ts';

export type FaultKind =
  'reset' | '500' | '502' | '503' | '429' | 'secondary' | 'stall' | 'truncate';

export interface FaultProxyOptions {
  target: string;
  seed: number;
  /** Share of requests that get a fault, 0 to 1. */
  rate: number;
  kinds: FaultKind[];
  /** How long a stalled request is held before its socket is dropped. */
  stallMs?: number;
  /** Requests never faulted (e.g. downloads the test itself makes). */
  spare?: (req: IncomingMessage) => boolean;
}

export interface FaultProxy {
  url: string;
  /** Requests seen, faulted or not. */
  requests: number;
  injected: Partial<Record<FaultKind, number>>;
  /** Stops (true) or resumes (false) injecting: a plain re-run after a failure runs calm. */
  setCalm(on: boolean): void;
  close(): Promise<void>;
}

/** mulberry32: small, fast and reproducible from a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const injected: Partial<Record<FaultKind, number>> = {};
  const target = new URL(options.target);
  let calm = false;

  const forward = (req: IncomingMessage, res: ServerResponse, truncate: boolean): void => {
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host, 'x-forwarded-host': req.headers.host ?? '' },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        if (!truncate) return void answer.pipe(res);
        let sent = 0;
        const limit = Math.max(1, Number(answer.headers['content-length'] ?? 64) >> 1);
        answer.on('data', (chunk: Buffer) => {
          if (sent >= limit) return;
          res.write(chunk.subarray(0, limit - sent));
          sent += chunk.length;
          if (sent >= limit) res.destroy();
        });
        answer.on('end', () => res.destroy());
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };

  const server = await listenLoopback((req, res) => {
    proxy.requests += 1;
    const faulty = !calm && !options.spare?.(req) && random() < options.rate;
    const kind = faulty ? options.kinds[Math.floor(random() * options.kinds.length)] : undefined;
    if (kind) injected[kind] = (injected[kind] ?? 0) + 1;
    switch (kind) {
      case undefined:
        return forward(req, res, false);
      case 'truncate':
        return forward(req, res, true);
      case 'reset':
        req.resume();
        return void req.socket.destroy();
      case 'stall':
        req.resume();
        return void setTimeout(() => req.socket.destroy(), options.stallMs ?? 2000);
      case 'secondary':
        return answer(
          req,
          res,
          403,
          { 'retry-after': '1' },
          {
            message:
              'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          },
        );
      case '429':
        return answer(req, res, 429, { 'retry-after': '1' }, { message: 'Too Many Requests' });
      default:
        return answer(req, res, Number(kind), {}, { message: `injected ${kind}` });
    }
  });
  const proxy: FaultProxy = {
    url: '',
    requests: 0,
    injected,
    setCalm: (on) => {
      calm = on;
    },
    close: () => server.close(),
  };
  proxy.url = server.url;
  return proxy;
}

function answer(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
): void {
  req.resume();
  req.on('end', () => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  });
}
