/**
 * One upload receiver thread (see warehouse-receiver.ts): for each index it is asked to serve,
 * an HTTP server on the index's public port, shared with the other receivers, in front of the
 * state thread's private one.
 */
import {
  Agent,
  createServer,
  request,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort } from 'node:worker_threads';
import { answerUnhandled } from './http.ts';
import {
  KEPT,
  RELAYED,
  type ReceiverCommand,
  type ReceiverReply,
  type RelayedForm,
} from './warehouse-receiver.ts';
import { readUploadForm, useBlake2bMemo } from './warehouse-upload.ts';

const parent = parentPort!;
const say = (reply: ReceiverReply) => parent.postMessage(reply);
const agent = new Agent({ keepAlive: true });
/** Bytes of the uploads a state thread kept, by upload number, and which index has each. */
const held = new Map<number, { index: number; chunks: Buffer[] }>();
const servers = new Map<number, Server>();
let uploads = 0;

const memoAnswers = new Map<number, (digest: string | undefined) => void>();
let memoTickets = 0;
// BLAKE2b digests are remembered by the main thread, for every receiver and index alike.
useBlake2bMemo({
  get: (key) =>
    new Promise((resolve) => {
      const ticket = ++memoTickets;
      memoAnswers.set(ticket, resolve);
      say({ memoGet: key, ticket });
    }),
  set: (key, digest) => say({ memoSet: key, digest }),
});

parent.on('message', (command: ReceiverCommand) => {
  if ('listen' in command) listen(command);
  else if ('close' in command) close(command.close);
  else if ('read' in command)
    say({ ticket: command.ticket, chunks: held.get(command.read)?.chunks ?? null });
  else {
    memoAnswers.get(command.ticket)?.(command.digest);
    memoAnswers.delete(command.ticket);
  }
});

function listen({
  listen: index,
  port,
  stateUrl,
  thread,
}: Extract<ReceiverCommand, { listen: number }>) {
  const server = createServer((req, res) => {
    handle(req, res, index, stateUrl, thread).catch((error: unknown) =>
      answerUnhandled(res, error),
    );
  });
  server.once('error', (error) => say({ failed: index, error: String(error) }));
  server.listen({ port, host: '127.0.0.1', reusePort: true }, () => {
    servers.set(index, server);
    say({ listening: index, port: (server.address() as AddressInfo).port });
  });
}

function close(index: number) {
  for (const [upload, entry] of held) if (entry.index === index) held.delete(upload);
  const server = servers.get(index);
  servers.delete(index);
  if (!server) return say({ closed: index });
  server.close(() => say({ closed: index }));
  server.closeAllConnections();
}

/** Sends a request on to the state thread and relays its answer; says if it kept the bytes. */
function relay(
  req: IncomingMessage,
  res: ServerResponse,
  stateUrl: string,
  headers: IncomingHttpHeaders,
  body?: string,
): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const onward = request(
      new URL(req.url ?? '/', stateUrl),
      { method: req.method, headers, agent },
      (answer) => {
        const kept = answer.headers[KEPT] === '1';
        const out = { ...answer.headers };
        delete out[KEPT];
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, out);
        answer.pipe(res);
        answer.once('end', () => resolve(kept));
        answer.once('error', reject);
      },
    );
    onward.once('error', reject);
    if (body === undefined) req.pipe(onward);
    else onward.end(body);
  });
}

function withoutOurs(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const copy = { ...headers };
  delete copy[RELAYED];
  return copy;
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  index: number,
  stateUrl: string,
  thread: number,
): Promise<void> {
  const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
  const multipart = /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
  if (!(path === '/legacy/' && req.method === 'POST' && multipart)) {
    await relay(req, res, stateUrl, withoutOurs(req.headers));
    return;
  }
  const form = await readUploadForm(req);
  const upload = ++uploads;
  const relayed: RelayedForm = { fields: [...form.fields] };
  if (form.tupleField !== undefined) relayed.tupleField = form.tupleField;
  if (form.file) {
    const { chunks, ...file } = form.file;
    relayed.file = file;
    held.set(upload, { index, chunks });
  }
  const body = JSON.stringify(relayed);
  const headers = withoutOurs(req.headers);
  delete headers['transfer-encoding'];
  headers['content-type'] = 'application/json';
  headers['content-length'] = String(Buffer.byteLength(body));
  headers[RELAYED] = `${thread}:${upload}`;
  const kept = await relay(req, res, stateUrl, headers, body).catch((error: unknown) => {
    held.delete(upload);
    throw error;
  });
  if (!kept) held.delete(upload);
}
