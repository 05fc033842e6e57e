import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blake2b256File,
  DIGEST_CHUNK_BYTES,
  digestFile,
  sha256File,
} from '../src/digests/digest.ts';
import { digestFiles, sha256Files } from '../src/digests/hash-pool.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'digest-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const peer = (command: string, args: string[]): string =>
  execFileSync(command, args, { encoding: 'utf8' }).split(' ')[0] ?? '';

describe('digestFile', () => {
  it.each([0, 1, DIGEST_CHUNK_BYTES - 1, DIGEST_CHUNK_BYTES + 17, 3 * DIGEST_CHUNK_BYTES + 5])(
    'agrees with sha256sum and b2sum -l 256 for %i bytes',
    async (size) => {
      const path = join(dir, `f${size}`);
      await writeFile(path, randomBytes(size));
      const digests = await digestFile(path);
      expect(digests.size).toBe(size);
      expect(digests.sha256).toBe(peer('sha256sum', [path]));
      expect(digests.blake2b256).toBe(peer('b2sum', ['-l', '256', path]));
      expect(await sha256File(path)).toBe(digests.sha256);
      expect(await blake2b256File(path)).toBe(digests.blake2b256);
    },
  );
});

describe('sha256Files and digestFiles', () => {
  it('hash a large set on worker threads, agreeing with sha256sum and b2sum for every file', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 5; i++) {
      const path = join(dir, `pool-${i}`);
      await writeFile(path, randomBytes(8 * 1024 * 1024 + i * 1013));
      paths.push(path);
    }
    const small = join(dir, 'pool-empty');
    await writeFile(small, '');
    paths.push(small);
    const { digests, threads } = await sha256Files(paths, 4);
    expect(threads).toBe(
      Math.min(availableParallelism(), 4) >= 2 ? Math.min(availableParallelism(), 4) : 0,
    );
    expect([...digests.keys()]).toEqual(paths);
    const { digests: both } = await digestFiles(paths, 4);
    expect([...both.keys()]).toEqual(paths);
    for (const path of paths) {
      expect(digests.get(path)?.sha256).toBe(peer('sha256sum', [path]));
      expect(digests.get(path)?.size).toBe((await stat(path)).size);
      expect(both.get(path)).toEqual({
        size: digests.get(path)?.size,
        sha256: digests.get(path)?.sha256,
        blake2b256: peer('b2sum', ['-l', '256', path]),
      });
    }
  });

  it('names a file that cannot be read, on worker threads and on the main thread', async () => {
    const big = join(dir, 'pool-big');
    await writeFile(big, randomBytes(40 * 1024 * 1024));
    const missing = join(dir, 'pool-missing');
    await expect(sha256Files([big, big, missing], 4)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(sha256Files([missing], 4)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
