// examples/backup-index.yml as it runs: the index step with the example's inputs against the
// sandbox's GitHub, its folder served over loopback HTTP as GitHub Pages would serve the
// uploaded artifact, and the real pip installing from it.
import { execFile } from 'node:child_process';
import { readdir, readFile, mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  FIXTURES,
  HATCH_SDIST,
  HATCH_WHEEL,
  startPipeline,
  type Pipeline,
} from '../sandbox/pipeline.ts';

const example = parse(
  readFileSync(join(import.meta.dirname, '..', 'examples', 'backup-index.yml'), 'utf8'),
) as {
  jobs: { index: { steps: Array<{ id?: string; uses: string; with?: Record<string, string> }> } };
};
const [indexStep, uploadStep] = example.jobs.index.steps;

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => {
  await pipeline?.close();
});

/** Serves a folder the way GitHub Pages does: `dir/` answers with `dir/index.html`. */
async function servePages(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const path = normalize(
      join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)),
    );
    if (!path.startsWith(dir)) return void res.writeHead(404).end();
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    // Pages sends a type by extension; pip skips index pages without one.
    const type = file.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/octet-stream';
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': type }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

it('the backup index example: pip installs the release from the generated Pages site', async () => {
  expect(indexStep?.with?.step).toBe('index');
  expect(uploadStep?.with?.path).toBe(`\${{ steps.${indexStep?.id}.outputs.index-dir }}`);

  const repo = 'octo-org/backed-up';
  const { github } = pipeline.sandbox;
  const release = github.createRelease(repo, { tag_name: 'v0.1.0', draft: true });
  for (const name of [HATCH_WHEEL, HATCH_SDIST])
    await github.uploadAsset(repo, release.id, name, await readFile(join(FIXTURES, name)));
  github.updateRelease(repo, release.id, { draft: false });

  const job = await pipeline.job('pages');
  const run = await job.run(indexStep?.with ?? {}, { env: { GITHUB_REPOSITORY: repo } });
  expect(run.exitCode, run.stdout + run.stderr).toBe(0);
  const site = run.outputs['index-dir'] as string;
  expect(site).toBe(join(job.workspace, indexStep?.with?.['index-dir'] ?? ''));

  const pages = await servePages(site);
  const target = await mkdtemp(join(tmpdir(), 'pip-target-'));
  try {
    const pip = (args: string[]) =>
      promisify(execFile)(
        '/usr/bin/python3',
        ['-m', 'pip', '--disable-pip-version-check', ...args, '--index-url', pages.url],
        {
          env: { PATH: process.env.PATH, HOME: process.env.HOME, PIP_CONFIG_FILE: '/dev/null' },
          timeout: 60_000,
        },
      );
    await pip(['install', '--no-deps', '--target', target, 'hatch-demo==0.1.0']);
    const installed = await readdir(target);
    expect(installed).toContain('hatch_demo-0.1.0.dist-info');
    const record = await readFile(join(target, 'hatch_demo-0.1.0.dist-info', 'RECORD'), 'utf8');
    expect(record).toMatch(/hatch_demo/);
    const downloads = join(target, '..', `${target.split('/').pop()}-dl`);
    await pip(['download', '--no-deps', '-d', downloads, 'hatch-demo==0.1.0']);
    expect(await readdir(downloads)).toEqual([HATCH_WHEEL]);
    await rm(downloads, { recursive: true, force: true });
  } finally {
    await pages.close();
    await rm(target, { recursive: true, force: true });
  }
});
