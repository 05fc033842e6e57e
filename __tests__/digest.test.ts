import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blake2b256File, DIGEST_CHUNK_BYTES, digestFile, sha256File } from '../src/digest.ts';

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
