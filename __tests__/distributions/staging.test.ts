import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyToPrivateFolder } from '../../src/distributions/staging.ts';
import { DistributionError } from '../../src/core/errors.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'staging-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('copyToPrivateFolder', () => {
  it('copies once: later changes to the original do not reach the copy', async () => {
    const original = join(dir, 'demo-1.0.tar.gz');
    await writeFile(original, 'built bytes');
    const [copy] = await copyToPrivateFolder(join(dir, 'root'), [original]);
    await writeFile(original, 'swapped bytes');
    expect(copy).not.toBe(original);
    expect(await readFile(copy as string, 'utf8')).toBe('built bytes');
  });

  it('refuses a file that became a link', async () => {
    const link = join(dir, 'link-1.0.tar.gz');
    await symlink('/etc/hostname', link);
    const error = await copyToPrivateFolder(join(dir, 'root'), [link]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DistributionError);
    expect((error as Error).message).toMatch(/changed into a link or folder/);
  });
});
