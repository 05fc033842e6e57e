import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('every benchmark runs once on tiny inputs', async () => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(import.meta.dirname, '..', 'bench', 'run.ts'), '--smoke'],
    {
      timeout: 300_000,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  expect(stdout).toMatch(/bench smoke: \d+ rows/);
  for (const name of [
    'sha256',
    'blake2b-256',
    'cold start',
    "one build job's overhead",
    'provenance',
    'release: 10 assets',
    "release under GitHub's secondary rate limit",
    "release past GitHub's hourly limit",
    'publish with PyPI-like server time',
    'memory, flat in file size',
    'sdist, loopback',
  ])
    expect(stdout).toContain(name);
}, 300_000);
