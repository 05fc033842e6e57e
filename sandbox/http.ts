/**
 * Small helpers shared by the loopback stand-ins: listen on 127.0.0.1 with a free port, read a
 * bounded request body, answer JSON. Each stand-in formats its own errors (Twirp JSON, Azure
 * XML, GitHub JSON), so nothing here decides what an error body looks like.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request handler; a rejection it does not handle itself is answered by `listenLoopback`. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  server: Server;
  /** Stops listening and destroys open sockets, so a test never waits for keep-alive. */
  close(): Promise<void>;
}

/** An error a handler throws to answer with `status`; the stand-in chooses the body. */
export class HttpError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
  }
}

/** Starts `handler` on 127.0.0.1 on a port the OS picks. */
export async function listenLoopback(handler: Handler): Promise<LoopbackServer> {
  const server = createServer((req, res) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => answerUnhandled(res, error));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// A bug in a stand-in answers 400, not 500: clients retry 5xx for tens of seconds, which would
// hide the bug behind a timeout instead of showing its message.
export function answerUnhandled(res: ServerResponse, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const status = error instanceof HttpError ? error.status : 400;
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`sandbox stand-in failed: ${message}\n`);
}

/** Reads the whole body, refusing (413) more than `limit` bytes. Only for small bodies. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      // Past the limit, keep draining and dropping the rest so the 413 can still be sent.
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) reject(new HttpError(413, `request body larger than ${limit} bytes`));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/** Reads a JSON object body of at most `limit` bytes; 400 when it is not a JSON object. */
export async function readJsonObject(
  req: IncomingMessage,
  limit: number,
): Promise<Record<string, unknown>> {
  const text = (await readBody(req, limit)).toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text || '{}');
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'request body is not a JSON object');
  }
  return value as Record<string, unknown>;
}

/**
 * The JSON text each answer carried, by response: what the GitHub stand-in's request log keeps
 * (a weak map, so answers nobody records cost nothing once they are gone).
 */
export const sentJson = new WeakMap<ServerResponse, string>();

/** Answers `body` as JSON with `status`. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  // Set one by one, not through writeHead, so `res.getHeaders()` has them for request logs.
  const all = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  };
  for (const [name, value] of Object.entries(all)) res.setHeader(name, value);
  sentJson.set(res, text);
  res.writeHead(status).end(text);
}
