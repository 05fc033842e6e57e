/**
 * A hashing thread of hash-pool.ts: hashes each file it is sent, one at a time, reading it
 * through one reused buffer, and answers with its size and digests or the error.
 */
import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { blake2bHasher, DIGEST_CHUNK_BYTES, feedSync } from './digest.ts';

export interface HashJob {
  id: number;
  path: string;
  blake2b: boolean;
}

export interface HashAnswer {
  id: number;
  size?: number;
  sha256?: string;
  blake2b256?: string;
  error?: { message: string; code?: string };
}

const buffer = Buffer.allocUnsafe(DIGEST_CHUNK_BYTES);

async function hash(job: HashJob): Promise<HashAnswer> {
  const sha256 = createHash('sha256');
  const blake2b = job.blake2b ? await blake2bHasher() : undefined;
  try {
    const size = feedSync(job.path, blake2b ? [sha256, blake2b] : [sha256], buffer);
    return {
      id: job.id,
      size,
      sha256: sha256.digest('hex'),
      ...(blake2b ? { blake2b256: blake2b.digest('hex') } : {}),
    };
  } catch (error) {
    const { message, code } = error as NodeJS.ErrnoException;
    return { id: job.id, error: { message: String(message), ...(code ? { code } : {}) } };
  }
}

parentPort?.on('message', (job: HashJob) => {
  void hash(job).then((answer) => parentPort?.postMessage(answer));
});
