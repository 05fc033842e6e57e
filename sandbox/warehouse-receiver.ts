/**
 * Upload receivers for the Warehouse stand-in: threads that listen on an index's public port
 * together (SO_REUSEPORT, Linux) and take the per-byte work of uploads off the thread that
 * holds the index's state. A receiver reads an upload's multipart form, hashes the file and
 * keeps its bytes; the state thread gets the fields and digests (as JSON, on a private port)
 * and answers as it would for the upload itself. Every other request is relayed unchanged.
 *
 * Real indexes spread uploads over many machines; a single-threaded stand-in on the client's
 * own cores became the slowest part of every upload it received. The threads are shared by
 * every index of the process and stay warm from one index to the next.
 */
import { Worker } from 'node:worker_threads';
import { localBlake2bMemo, type ReceivedForm } from './warehouse-upload.ts';

/** The request header a receiver sets on a relayed upload: `<thread>:<upload>`. */
export const RELAYED = 'x-sandbox-relayed-upload';
/** The answer header by which the state thread says it kept a relayed upload's bytes. */
export const KEPT = 'x-sandbox-kept';

/** A relayed upload as the state thread receives it: the form without the file's bytes. */
export interface RelayedForm {
  fields: Array<[string, string[]]>;
  tupleField?: string;
  file?: Omit<NonNullable<ReceivedForm['file']>, 'chunks'>;
}

export interface Receivers {
  /** `http://127.0.0.1:<port>`: the index's public address. */
  url: string;
  /** The bytes of an upload a receiver holds (`ref` from the RELAYED header). */
  read(ref: string): Promise<Buffer[]>;
  close(): Promise<void>;
}

/** What a receiver thread says. */
export type ReceiverReply =
  | { listening: number; port: number }
  | { failed: number; error: string }
  | { closed: number }
  | { ticket: number; chunks: Buffer[] | null }
  | { memoGet: string; ticket: number }
  | { memoSet: string; digest: string };

/** What a receiver thread is told. */
export type ReceiverCommand =
  | { listen: number; port: number; stateUrl: string; thread: number }
  | { close: number }
  | { read: number; ticket: number }
  | { ticket: number; digest: string | undefined };

const pool: Worker[] = [];
const waiting = new Map<number, (reply: ReceiverReply) => void>();
let tickets = 0;
let indexes = 0;

function receiverThread(n: number): Worker {
  const known = pool[n];
  if (known) return known;
  const worker = new Worker(new URL('./warehouse-receiver-thread.ts', import.meta.url));
  worker.on('message', (reply: ReceiverReply) => {
    if ('memoGet' in reply) {
      const command: ReceiverCommand = {
        ticket: reply.ticket,
        digest: localBlake2bMemo.get(reply.memoGet) as string | undefined,
      };
      worker.postMessage(command);
    } else if ('memoSet' in reply) {
      localBlake2bMemo.set(reply.memoSet, reply.digest);
    } else {
      const key =
        'listening' in reply
          ? reply.listening
          : 'failed' in reply
            ? reply.failed
            : 'closed' in reply
              ? reply.closed
              : reply.ticket;
      waiting.get(key)?.(reply);
    }
  });
  worker.on('error', (error) => {
    for (const settle of waiting.values()) settle({ failed: -1, error: String(error) });
    waiting.clear();
    pool.length = 0;
  });
  // Never what keeps a process alive (the servers using it do that); after the listeners,
  // which would take a reference again.
  worker.unref();
  pool[n] = worker;
  return worker;
}

function ask(worker: Worker, key: number, command: ReceiverCommand): Promise<ReceiverReply> {
  return new Promise((resolve) => {
    waiting.set(key, (reply) => {
      waiting.delete(key);
      resolve(reply);
    });
    worker.postMessage(command);
  });
}

/** Starts `count` receivers in front of the state thread's server at `stateUrl`. */
export async function startReceivers(count: number, stateUrl: string): Promise<Receivers> {
  if (process.platform !== 'linux')
    throw new Error('upload receivers share a port with SO_REUSEPORT, which needs Linux');
  const index = ++indexes;
  const threads: Worker[] = [];
  let port = 0;
  // One at a time: the answers of one index share its key.
  const close = async () => {
    for (const thread of threads) await ask(thread, index, { close: index });
  };
  // The first picks the port; the others join it.
  for (let n = 0; n < count; n++) {
    const worker = receiverThread(n);
    const reply = await ask(worker, index, { listen: index, port, stateUrl, thread: n });
    if ('failed' in reply) {
      await close();
      throw new Error(`an upload receiver could not listen: ${reply.error}`);
    }
    threads.push(worker);
    if ('port' in reply) port = reply.port;
  }
  return {
    url: `http://127.0.0.1:${port}`,
    read(ref) {
      const [thread, upload] = ref.split(':').map(Number);
      const worker = threads[thread ?? -1];
      if (!worker || upload === undefined)
        return Promise.reject(new Error(`no receiver for upload ${ref}`));
      const ticket = -++tickets;
      return ask(worker, ticket, { read: upload, ticket }).then((reply) => {
        const chunks = 'chunks' in reply ? reply.chunks : null;
        if (!chunks) throw new Error(`no receiver holds upload ${ref} any more`);
        return chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength));
      });
    },
    close,
  };
}
