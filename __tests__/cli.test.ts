import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../sandbox/pipeline.ts';

const cli = join(import.meta.dirname, '..', 'dist', 'cli.js');

describe('release-action command line', () => {
  it('lists every step, verify and demo, with examples', () => {
    const help = execFileSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
    for (const word of [
      'prepare',
      'collect',
      'provenance',
      'release',
      'publish',
      'verify',
      'index',
      'demo',
      'Examples:',
    ]) {
      expect(help).toContain(word);
    }
  });

  it('runs a step against a folder from a terminal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-'));
    try {
      await mkdir(join(dir, 'dist'));
      await copyFile(
        join(FIXTURES, 'flit_demo-2.0.tar.gz'),
        join(dir, 'dist', 'flit_demo-2.0.tar.gz'),
      );
      const out = execFileSync(process.execPath, [cli, 'collect', '--upload-artifact', 'false'], {
        encoding: 'utf8',
        cwd: dir,
        env: { PATH: process.env.PATH, RUNNER_TEMP: dir },
      });
      expect(out).toContain('files=["flit_demo-2.0.tar.gz"]');
      expect(out).toContain('version=2.0');
      expect(out).toMatch(/flit_demo 2\.0: 1 distribution\(s\) are valid/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('exits non-zero with the error and the fix', () => {
    const run = spawnSync(
      process.execPath,
      [cli, 'collect', '--packages-dir', 'nope', '--upload-artifact', 'false'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/error: Input "packages-dir": folder "nope" does not exist/);
    expect(run.stderr).toMatch(/Fix: /);
  });
});
