/**
 * GitHub answers of the wrong shape or that never end, from a loopback server: lists whose
 * next page loops, leaves the host or goes on forever, HTML where JSON belongs, lists of
 * nulls, releases missing fields, and an endless body. Each is one typed error naming what
 * was answered, never "Unexpected error" and never a token sent elsewhere.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/core/errors.ts';
import { MAX_ANSWER_BYTES } from '../../src/github/octokit.ts';
import { MAX_PAGES } from '../../src/github/pages.ts';
import { checkAsset } from '../../src/github/shapes.ts';
import { createReleaseClient } from '../../src/github/releases-client.ts';
import { createTagClient } from '../../src/github/tags.ts';
import { retryPolicyFor } from '../../src/http/retry.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

let server: Server;
let other: Server;
let api = '';
let elsewhere = '';
let handle: Handler = (_req, res) => res.writeHead(404).end();
const seen: string[] = [];
const seenElsewhere: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    handle(req, res, new URL(req.url ?? '/', api));
  });
  other = createServer((req, res) => {
    seenElsewhere.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
  });
  for (const s of [server, other]) {
    s.listen(0, '127.0.0.1');
    await once(s, 'listening');
  }
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  elsewhere = `http://localhost:${(other.address() as AddressInfo).port}`;
});
afterAll(() => {
  for (const s of [server, other]) {
    s.closeAllConnections();
    s.close();
  }
});

const client = () =>
  createReleaseClient({
    token: 't',
    apiUrl: api,
    repository: 'octo/repo',
    policy: retryPolicyFor(1, 5000),
  });

const release = (id: number) => ({
  id,
  tag_name: `v${id}`,
  name: null,
  draft: true,
  prerelease: false,
  html_url: `${api}/octo/repo/releases/${id}`,
  upload_url: `${api}/repos/octo/repo/releases/${id}/assets{?name,label}`,
});

function json(res: ServerResponse, body: unknown, link?: string): void {
  res.writeHead(200, { 'content-type': 'application/json', ...(link ? { link } : {}) });
  res.end(JSON.stringify(body));
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => new Error('resolved'),
    (e: unknown) => e as Error,
  );
  expect(error).toBeInstanceOf(ServiceError);
  expect(error.message).not.toMatch(/Unexpected error/);
  return error;
}

const page = (n: number) => `${api}/repos/octo/repo/releases?per_page=100&page=${n}`;

describe('pagination that does not end', () => {
  it('stops at a next page already read', async () => {
    handle = (_req, res, url) => {
      const n = Number(url.searchParams.get('page') ?? 1);
      json(res, [release(n)], `<${page(n === 1 ? 2 : 1)}>; rel="next"`);
    };
    const error = await failure(client().listReleases());
    expect(error.message).toMatch(/list does not end \(its next page is one already read/);
  });

  it('stops past the page limit', async () => {
    handle = (_req, res, url) => {
      const n = Number(url.searchParams.get('page') ?? 1);
      json(res, [release(n)], `<${page(n + 1)}>; rel="next"`);
    };
    const before = seen.length;
    const error = await failure(client().listReleases());
    expect(error.message).toMatch(new RegExp(`goes on past ${MAX_PAGES} pages`));
    expect(seen.length - before).toBe(MAX_PAGES);
  });

  it('never follows a next page to another host', async () => {
    handle = (_req, res) => json(res, [release(1)], `<${elsewhere}/steal?page=2>; rel="next"`);
    const error = await failure(client().listReleases());
    expect(error.message).toMatch(/next page is on another host/);
    expect(seenElsewhere).toEqual([]);
  });
});

describe('answers of the wrong shape', () => {
  const cases: Array<[string, (res: ServerResponse) => void, RegExp]> = [
    [
      'an HTML page',
      (res) =>
        res
          .writeHead(200, { 'content-type': 'text/html' })
          .end('<html><body>Sign in to the Wi-Fi</body></html>'),
      /answered string "<html><body>Sign in to the Wi-Fi.*" instead of a list/,
    ],
    [
      'an object',
      (res) => json(res, { urls: 'abc' }),
      /answered object .*urls.* instead of a list/,
    ],
    ['a list of nulls', (res) => json(res, [null]), /answered null instead of a release/],
    [
      'a release without upload_url',
      (res) => json(res, [{ ...release(1), upload_url: undefined }]),
      /a release whose `upload_url` is null, not string/,
    ],
    [
      'a release with a string id',
      (res) => json(res, [{ ...release(1), id: '1' }]),
      /`id` is string "1", not count/,
    ],
  ];
  for (const [name, answer, says] of cases) {
    it(`names ${name} when listing releases`, async () => {
      handle = (_req, res) => answer(res);
      expect((await failure(client().listReleases())).message).toMatch(says);
    });
  }

  it('names an asset of the wrong shape, and a list item that is no object', async () => {
    handle = (_req, res) => json(res, [{ id: 1, name: 'a.whl', state: 'uploaded', size: -1 }]);
    const listed = await client().listAssets(1); // items are checked by their readers
    expect(
      (await failure(Promise.resolve().then(() => listed.map((a) => checkAsset(a, 'list assets')))))
        .message,
    ).toMatch(/an asset whose `size` is number "-1", not count, `browser_download_url` is null/);
    handle = (_req, res) => json(res, [null]);
    expect((await failure(client().listAssets(1))).message).toMatch(/null instead of an object/);
  });

  it(`refuses an answer larger than ${MAX_ANSWER_BYTES / 2 ** 20} MiB without reading it all`, async () => {
    let sent = 0;
    handle = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      const push = (): void => {
        while (!res.destroyed && sent < 600 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', push);
        }
        res.end();
      };
      res.write('[');
      push();
    };
    const error = await failure(client().listReleases());
    expect(error.message).toMatch(/is larger than 64 MiB/);
    expect(sent).toBeLessThan(200 * 1024 * 1024);
  });
});

describe('tags and commits that cannot date or peel a release', () => {
  const tags = () =>
    createTagClient({
      token: 't',
      apiUrl: api,
      repository: 'octo/repo',
      policy: retryPolicyFor(1, 5000),
    });

  it('refuses a commit with neither a committer nor an author date', async () => {
    handle = (_req, res) => json(res, { sha: 'c0ffee', commit: { message: 'm' } });
    const error = await failure(tags().commitTime('c0ffee'));
    expect(error.message).toMatch(/commit c0ffee .*no committer or author date.*SOURCE_DATE_EPOCH/);
  });

  it('refuses a commit date that is not a date', async () => {
    handle = (_req, res) =>
      json(res, { sha: 'c0ffee', commit: { committer: { date: 'yesterday' } } });
    expect((await failure(tags().commitTime('c0ffee'))).message).toMatch(/"yesterday"/);
  });

  it('refuses a tag of a tag, which GitHub does not peel', async () => {
    handle = (_req, res, url) =>
      url.pathname.endsWith('/git/ref/tags/v1')
        ? json(res, { ref: 'refs/tags/v1', object: { type: 'tag', sha: 'a1' } })
        : json(res, { sha: 'a1', tag: 'v1', object: { type: 'tag', sha: 'b2' } });
    expect((await failure(tags().tagCommit('v1'))).message).toBe(
      'Tag v1 points at a tag, not a commit.',
    );
  });
});
