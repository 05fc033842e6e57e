/**
 * SHA-256 of many files on every core. Hashing is CPU-bound and Node hashes on the calling
 * thread, so a release of many large files hashes them in worker threads while the main
 * thread goes on with other work. Small sets hash on the main thread: starting a worker costs
 * more than it saves there.
 */
import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { mapLimit } from './concurrency.ts';
import { DIGEST_CHUNK_BYTES, sha256Digest, type Sha256Digest } from './digest.ts';

/** Below this many bytes in all, the files hash on the main thread. */
const WORKER_THRESHOLD_BYTES = 32 * 1024 * 1024;
const MAX_WORKERS = 4;

/**
 * The worker: reads each file it is sent through one reused buffer and answers with its size
 * and digest, or the error. Plain CommonJS, so the bundle needs no second entry point.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { openSync, readSync, closeSync } = require('node:fs');
const { createHash } = require('node:crypto');
const buffer = Buffer.allocUnsafe(${DIGEST_CHUNK_BYTES});
parentPort.on('message', ({ id, path }) => {
  let fd;
  try {
    fd = openSync(path, 'r');
    const hash = createHash('sha256');
    let size = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      size += n;
    }
    parentPort.postMessage({ id, size, sha256: hash.digest('hex') });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
});
`;

interface Answer {
  id: number;
  size?: number;
  sha256?: string;
  error?: { message: string; code?: string };
}

/** Size and SHA-256 of each file, by path. */
export async function sha256Files(
  paths: readonly string[],
  concurrency: number,
): Promise<Map<string, Sha256Digest>> {
  const sizes = await mapLimit(paths, concurrency, async (path) => (await stat(path)).size);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const threads = Math.min(availableParallelism(), MAX_WORKERS, paths.length);
  if (threads < 2 || total < WORKER_THRESHOLD_BYTES) {
    const digests = await mapLimit(paths, concurrency, sha256Digest);
    return new Map(paths.map((path, i) => [path, digests[i] as Sha256Digest]));
  }
  // Largest first, so that no thread is left with one big file at the end.
  const queue = paths
    .map((path, i) => ({ path, size: sizes[i] as number }))
    .sort((a, b) => b.size - a.size)
    .map((f) => f.path);
  const results = new Map<string, Sha256Digest>();
  const workers = Array.from({ length: threads }, () => new Worker(WORKER_SOURCE, { eval: true }));
  try {
    await Promise.all(workers.map((worker) => drain(worker, queue, results)));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return new Map(paths.map((path) => [path, results.get(path) as Sha256Digest]));
}

/** Feeds one worker from the shared queue until it is empty. */
function drain(worker: Worker, queue: string[], results: Map<string, Sha256Digest>): Promise<void> {
  return new Promise((resolve, reject) => {
    let id = 0;
    let current: string | undefined;
    const next = () => {
      current = queue.shift();
      if (current === undefined) return resolve();
      worker.postMessage({ id: ++id, path: current });
    };
    worker.on('message', (answer: Answer) => {
      if (answer.id !== id || current === undefined) return;
      if (answer.error) {
        queue.length = 0;
        return reject(
          Object.assign(new Error(`${answer.error.message}`), {
            code: answer.error.code,
            path: current,
          }),
        );
      }
      results.set(current, { size: answer.size as number, sha256: answer.sha256 as string });
      next();
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (current !== undefined && !results.has(current))
        reject(new Error(`the hashing thread stopped (exit code ${code})`));
    });
    next();
  });
}
