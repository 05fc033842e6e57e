import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURES,
  HATCH_SDIST,
  HATCH_WHEEL,
  startPipeline,
  type Pipeline,
} from '../../sandbox/pipeline.ts';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => {
  await pipeline?.close();
});

/** Serves a folder on loopback, as GitHub Pages would. */
async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const path = normalize(
      join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)),
    );
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': 'text/html' }).end(body),
      () => res.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('step: index', () => {
  it('writes a PEP 503 index of the published releases that the real pip downloads from', async () => {
    const repo = 'octo-org/indexed';
    const { github } = pipeline.sandbox;
    const release = github.createRelease(repo, { tag_name: 'v0.1.0', draft: true });
    for (const name of [HATCH_WHEEL, HATCH_SDIST])
      await github.uploadAsset(repo, release.id, name, await readFile(join(FIXTURES, name)));
    await github.uploadAsset(
      repo,
      release.id,
      `${HATCH_WHEEL}.asc`,
      '-----BEGIN PGP SIGNATURE-----\n',
    );
    await github.uploadAsset(repo, release.id, 'hatch_demo-0.1.0.intoto.jsonl', '{}\n');
    github.updateRelease(repo, release.id, { draft: false });
    github.createRelease(repo, { tag_name: 'v0.2.0', draft: true }); // drafts stay out

    const job = await pipeline.job('pages');
    const run = await job.run({ step: 'index' }, { env: { GITHUB_REPOSITORY: repo } });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const out = join(job.workspace, 'simple');
    expect(await readdir(out)).toEqual(['hatch-demo', 'index.html']);
    const page = await readFile(join(out, 'hatch-demo', 'index.html'), 'utf8');
    const sha = createHash('sha256')
      .update(await readFile(join(FIXTURES, HATCH_WHEEL)))
      .digest('hex');
    expect(page).toContain(`#sha256=${sha}"`);
    expect(page).toContain('data-requires-python="&#62;=3.9"');
    expect(page).toContain('data-gpg-sig="true"');
    expect(page).toContain('hatch_demo-0.1.0.intoto.jsonl');

    const site = await serve(out);
    const downloads = await mkdtemp(join(tmpdir(), 'pip-'));
    try {
      // Async: the index and the GitHub stand-in answer from this very process.
      const pip = (args: string[]) =>
        promisify(execFile)(
          '/usr/bin/python3',
          [
            '-m',
            'pip',
            'download',
            '--no-deps',
            '--disable-pip-version-check',
            '--index-url',
            `${site.url}/`,
            '--trusted-host',
            '127.0.0.1',
            '-d',
            downloads,
            ...args,
          ],
          {
            env: { PATH: process.env.PATH, HOME: process.env.HOME, PIP_CONFIG_FILE: '/dev/null' },
            timeout: 30_000,
          },
        );
      await pip(['hatch-demo==0.1.0']);
      await pip(['--no-binary', ':all:', '--no-build-isolation', 'hatch-demo==0.1.0']);
      expect((await readdir(downloads)).sort()).toEqual([HATCH_WHEEL, HATCH_SDIST].sort());
      for (const name of [HATCH_WHEEL, HATCH_SDIST]) {
        expect(
          (await readFile(join(downloads, name))).equals(await readFile(join(FIXTURES, name))),
        ).toBe(true);
      }
    } finally {
      await site.close();
      await rm(downloads, { recursive: true, force: true });
    }
  });

  it('writes only inside its folder and links only https: URLs, whatever the server answers', async () => {
    const wheel = await readFile(join(FIXTURES, HATCH_WHEEL));
    const hostile = await serveHostileGitHub(wheel);
    try {
      const job = await pipeline.job('hostile');
      const run = await job.run(
        { step: 'index' },
        { env: { GITHUB_REPOSITORY: 'octo-org/hostile', GITHUB_API_URL: hostile.url } },
      );
      expect(run.exitCode, run.stdout + run.stderr).toBe(0);
      const out = join(job.workspace, 'simple');
      // Only the one good wheel made it; every other asset is named in a warning.
      expect(await readdir(out)).toEqual(['hatch-demo', 'index.html']);
      const page = await readFile(join(out, 'hatch-demo', 'index.html'), 'utf8');
      expect(page).toContain(`${hostile.url}/good/${HATCH_WHEEL}#sha256=`);
      expect(page).not.toMatch(/javascript:|ftp:|<script/);
      const warnings = run.annotations.filter((a) => a.level === 'warning').map((a) => a.message);
      expect(warnings.join('\n')).toContain('is not a plain file name');
      expect(warnings.join('\n')).toContain('the index links only https: URLs');
      expect(warnings.join('\n')).toContain(
        'deleted after the release was listed (404 on download)',
      );
      expect(warnings.join('\n')).toMatch(/id "\.\.\/\.\." is not a number/);
      // Nothing escaped the job's folders.
      expect(await readdir(join(job.workspace))).toEqual(['dist', 'simple']);
    } finally {
      await hostile.close();
    }
  });
});

/**
 * A server that answers GitHub's release listing with hostile or broken assets: a name that
 * climbs out of the folder, a non-https link, an id that is a path, one deleted before download.
 */
async function serveHostileGitHub(wheel: Buffer) {
  let origin = '';
  const asset = (id: unknown, name: string, link = `${origin}/good/${name}`) => ({
    id,
    name,
    state: 'uploaded',
    size: wheel.length,
    digest: null,
    content_type: 'application/zip',
    browser_download_url: link,
  });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const json = (body: unknown) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/repos/octo-org/hostile/releases')
      return json([
        {
          id: 1,
          tag_name: 'v0.1.0',
          draft: false,
          prerelease: false,
          name: null,
          html_url: origin,
          upload_url: origin,
        },
      ]);
    if (url.pathname === '/repos/octo-org/hostile/releases/1/assets')
      return json([
        asset(10, HATCH_WHEEL),
        asset(11, `../../${HATCH_WHEEL}`),
        asset(12, 'hatch_demo-0.2.0-py3-none-any.whl', 'javascript:alert(1)'),
        asset(13, 'hatch_demo-0.3.0-py3-none-any.whl', 'ftp://example.com/x.whl'),
        asset('../..', 'hatch_demo-0.4.0-py3-none-any.whl'),
        asset(15, 'hatch_demo-0.5.0-py3-none-any.whl'),
      ]);
    if (url.pathname === '/repos/octo-org/hostile/releases/assets/10')
      return res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(wheel);
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
