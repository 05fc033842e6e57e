/**
 * Digests of many files on every core. Hashing is CPU-bound and Node hashes on the calling
 * thread, so a release of many large files hashes them in worker threads (hash-worker.ts)
 * while the main thread goes on with other work. Small sets hash on the main thread: starting
 * a worker costs more than it saves there.
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { mapLimit } from '../core/concurrency.ts';
import { digestFile, sha256Digest, type FileDigests, type Sha256Digest } from './digest.ts';
import type { HashAnswer, HashJob } from './hash-worker.ts';

/** Below this many bytes in all, the files hash on the main thread. */
const WORKER_THRESHOLD_BYTES = 32 * 1024 * 1024;
const MAX_WORKERS = 4;

export interface Hashed<D> {
  /** By path, in the order given. */
  digests: Map<string, D>;
  /** Worker threads used; 0 when the files hashed on the main thread. */
  threads: number;
}

/** Size and SHA-256 of each file. */
export function sha256Files(
  paths: readonly string[],
  concurrency: number,
): Promise<Hashed<Sha256Digest>> {
  return hashFiles(paths, concurrency, false);
}

/** Size, SHA-256 and BLAKE2b-256 of each file. */
export function digestFiles(
  paths: readonly string[],
  concurrency: number,
): Promise<Hashed<FileDigests>> {
  return hashFiles(paths, concurrency, true) as Promise<Hashed<FileDigests>>;
}

/**
 * The worker's script: next to this module when it runs from the sources, at the top of
 * `dist/` when it runs from a bundled chunk.
 */
function workerScript(): URL | undefined {
  for (const candidate of ['./hash-worker.js', '../hash-worker.js', './hash-worker.ts']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  return undefined;
}

async function hashFiles(
  paths: readonly string[],
  concurrency: number,
  blake2b: boolean,
): Promise<Hashed<Sha256Digest>> {
  const sizes = await mapLimit(paths, concurrency, async (path) => (await stat(path)).size);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const threads = Math.min(availableParallelism(), MAX_WORKERS, paths.length);
  const script = threads >= 2 && total >= WORKER_THRESHOLD_BYTES ? workerScript() : undefined;
  if (!script) {
    const digests = await mapLimit(paths, concurrency, blake2b ? digestFile : sha256Digest);
    return {
      digests: new Map(paths.map((path, i) => [path, digests[i] as Sha256Digest])),
      threads: 0,
    };
  }
  // Largest first, so that no thread is left with one big file at the end.
  const queue = paths
    .map((path, i) => ({ path, size: sizes[i] as number }))
    .sort((a, b) => b.size - a.size)
    .map((f) => f.path);
  const results = new Map<string, Sha256Digest>();
  const workers = Array.from({ length: threads }, () => new Worker(script));
  try {
    await Promise.all(workers.map((worker) => drain(worker, queue, results, blake2b)));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return {
    digests: new Map(paths.map((path) => [path, results.get(path) as Sha256Digest])),
    threads,
  };
}

/** Feeds one worker from the shared queue until it is empty. */
function drain(
  worker: Worker,
  queue: string[],
  results: Map<string, Sha256Digest>,
  blake2b: boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let id = 0;
    let current: string | undefined;
    const next = () => {
      current = queue.shift();
      if (current === undefined) return resolve();
      const job: HashJob = { id: ++id, path: current, blake2b };
      worker.postMessage(job);
    };
    worker.on('message', (answer: HashAnswer) => {
      if (answer.id !== id || current === undefined) return;
      if (answer.error) {
        queue.length = 0;
        return reject(
          Object.assign(new Error(answer.error.message), {
            code: answer.error.code,
            path: current,
          }),
        );
      }
      results.set(current, {
        size: answer.size as number,
        sha256: answer.sha256 as string,
        ...(answer.blake2b256 ? { blake2b256: answer.blake2b256 } : {}),
      });
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
