import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blake2b256File, DIGEST_CHUNK_BYTES, digestFile, sha256File } from '../src/digest.ts';
import { sha256Files } from '../src/hash-pool.ts';

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

describe('sha256Files', () => {
  it('hashes a large set on worker threads, agreeing with sha256sum for every file', async () => {
    const paths: string[] = [];
    for (let i = 0; i < 5; i++) {
      const path = join(dir, `pool-${i}`);
      await writeFile(path, randomBytes(8 * 1024 * 1024 + i * 1013));
      paths.push(path);
    }
    const small = join(dir, 'pool-empty');
    await writeFile(small, '');
    paths.push(small);
    const digests = await sha256Files(paths, 4);
    expect([...digests.keys()]).toEqual(paths);
    for (const path of paths) {
      expect(digests.get(path)?.sha256).toBe(peer('sha256sum', [path]));
      expect(digests.get(path)?.size).toBe((await stat(path)).size);
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
