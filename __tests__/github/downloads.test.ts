/**
 * Hostile answers to the release client's downloads and uploads, from a loopback server that
 * lies about sizes, drips bytes, stalls, and redirects to other hosts: every download is capped
 * at the listed size while it streams, stalls and drips end as a timeout named as such, and the
 * token goes only to the API host and its upload host.
 */
import { once } from 'node:events';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/core/errors.ts';
import { mayCarryToken } from '../../src/github/hosts.ts';
import type { Release } from '../../src/github/release-types.ts';
import { createReleaseClient } from '../../src/github/releases-client.ts';
import { retryPolicyFor } from '../../src/http/retry.ts';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;

interface Host {
  url: string;
  server: Server;
  seen: Array<{ path: string; authorization: string | undefined }>;
  handle: Handler;
}

async function host(hostname = '127.0.0.1'): Promise<Host> {
  const h = {
    seen: [],
    handle: (_req: IncomingMessage, res: ServerResponse) => res.writeHead(404).end(),
  } as unknown as Host;
  h.server = createServer((req, res) => {
    h.seen.push({ path: req.url ?? '', authorization: req.headers.authorization });
    h.handle(req, res);
  });
  h.server.listen(0, '127.0.0.1');
  await once(h.server, 'listening');
  h.url = `http://${hostname}:${(h.server.address() as AddressInfo).port}`;
  return h;
}

let api: Host;
let other: Host;
let dir: string;
beforeAll(async () => {
  api = await host();
  other = await host('localhost'); // another host name, same machine
  dir = await mkdtemp(join(tmpdir(), 'downloads-'));
});
afterAll(async () => {
  for (const h of [api, other]) {
    h.server.closeAllConnections();
    h.server.close();
  }
  await rm(dir, { recursive: true, force: true });
});

const client = (timeoutMs = 2000) =>
  createReleaseClient({
    token: 'secret-token',
    apiUrl: api.url,
    repository: 'octo/repo',
    policy: retryPolicyFor(1, timeoutMs),
  });

/** A chunked answer of `total` bytes in 64 KiB chunks, stopping when the client goes away. */
function stream(res: ServerResponse, total: number): { sent: () => number } {
  let sent = 0;
  res.writeHead(200, { 'content-type': 'application/octet-stream' });
  const chunk = Buffer.alloc(64 * 1024, 1);
  const push = (): void => {
    while (sent < total && !res.destroyed) {
      sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', push);
    }
    res.end();
  };
  push();
  return { sent: () => sent };
}

describe('download size caps', () => {
  it('stops an asset listed as 1,000 bytes that streams 256 MiB, keeping at most a chunk', async () => {
    let meter: { sent: () => number } | undefined;
    api.handle = (_req, res) => {
      meter = stream(res, 256 * 1024 * 1024);
    };
    const path = join(dir, 'big');
    const error = await client()
      .downloadAsset({ id: 1, size: 1000, name: 'a.whl' }, path)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as Error).message).toMatch(/more than the 1000 bytes it lists/);
    await new Promise((r) => setTimeout(r, 100));
    expect(meter?.sent() ?? 0).toBeLessThan(64 * 1024 * 1024);
    const written = await stat(path).then(
      (s) => s.size,
      () => 0,
    );
    expect(written).toBeLessThanOrEqual(1000);
  });

  it('refuses a Content-Length that differs from the listed size before reading', async () => {
    api.handle = (_req, res) => res.writeHead(200, { 'content-length': '5' }).end('12345');
    await expect(client().hashAsset({ id: 2, size: 1000, name: 'a.whl' })).rejects.toThrow(
      /announces 5 bytes, but the asset is listed with 1000/,
    );
  });

  it('refuses an answer that ends short of the listed size', async () => {
    api.handle = (_req, res) => {
      res.writeHead(200);
      res.end(Buffer.alloc(10));
    };
    await expect(client().hashAsset({ id: 3, size: 1000 })).rejects.toThrow(
      /ended after 10 bytes, but 1000 were listed/,
    );
  });
});

describe('timeouts', () => {
  it('names a stalled download a timeout', async () => {
    api.handle = (_req, res) => {
      res.writeHead(200);
      res.write('x'); // then nothing
    };
    const startedAt = Date.now();
    await expect(client(500).hashAsset({ id: 4, size: 10_000_000 })).rejects.toThrow(
      /timed out \(no data for 0\.5 s\)/,
    );
    expect(Date.now() - startedAt).toBeLessThan(5000);
  });

  it('bounds a download that drips one byte at a time', async () => {
    api.handle = (_req, res) => {
      res.writeHead(200);
      const drip = setInterval(() => (res.destroyed ? clearInterval(drip) : res.write('x')), 100);
      res.on('close', () => clearInterval(drip));
    };
    await expect(client(500).hashAsset({ id: 5, size: 1000 })).rejects.toThrow(
      /timed out \(not finished within/,
    );
  });
});

describe('upload timeouts', () => {
  it('names an upload the server stops reading a timeout, not a 500', async () => {
    const file = join(dir, 'big.whl');
    await writeFile(file, Buffer.alloc(32 * 1024 * 1024));
    api.handle = (req) => req.pause(); // takes the connection, never reads, never answers
    const release: Release = {
      id: 1,
      tag_name: 'v1',
      name: 'v1',
      draft: true,
      prerelease: false,
      html_url: `${api.url}/octo/repo/releases/1`,
      upload_url: `${api.url}/repos/octo/repo/releases/1/assets{?name,label}`,
    };
    const startedAt = Date.now();
    const error = await client(500)
      .uploadAsset(release, 'big.whl', file, 32 * 1024 * 1024)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as Error).message).toMatch(
      /^Failed to upload big\.whl: timed out \(no data for 0\.5 s\)/,
    );
    expect(Date.now() - startedAt).toBeLessThan(10_000);
  });
});

describe('where the token goes', () => {
  it('follows a 302 to another host without the token, and to the API host with it', async () => {
    other.handle = (_req, res) => res.writeHead(200, { 'content-length': '3' }).end('abc');
    api.handle = (req, res) => {
      if (req.url?.startsWith('/back'))
        return void res.writeHead(302, { location: `${other.url}/blob?sig=1` }).end();
      res.writeHead(302, { location: `/back${req.url}` }).end();
    };
    api.seen.length = 0;
    other.seen.length = 0;
    await expect(client().hashAsset({ id: 6, size: 3 })).resolves.toMatch(/^[0-9a-f]{64}$/);
    expect(api.seen.map((s) => s.authorization)).toEqual([
      'Bearer secret-token',
      'Bearer secret-token',
    ]);
    expect(other.seen).toEqual([{ path: '/blob?sig=1', authorization: undefined }]);
  });

  it('stops a redirect loop', async () => {
    api.handle = (req, res) => res.writeHead(302, { location: req.url ?? '/' }).end();
    await expect(client().hashAsset({ id: 7, size: 3 })).rejects.toThrow(/more than 5 redirects/);
  });

  it('refuses an upload_url on another host before sending anything', async () => {
    const file = join(dir, 'a.whl');
    await writeFile(file, 'wheel');
    other.seen.length = 0;
    const release: Release = {
      id: 1,
      tag_name: 'v1',
      name: 'v1',
      draft: true,
      prerelease: false,
      html_url: `${api.url}/octo/repo/releases/1`,
      upload_url: `${other.url}/repos/octo/repo/releases/1/assets{?name,label}`,
    };
    await expect(client().uploadAsset(release, 'a.whl', file, 5)).rejects.toThrow(
      /neither the API host .* the token is not sent there/,
    );
    expect(other.seen).toEqual([]);
  });

  it('knows GitHub’s upload hosts from the API URL alone', () => {
    const cases: Array<[string, string, boolean]> = [
      ['https://api.github.com', 'https://uploads.github.com/repos/o/r/releases/1/assets', true],
      ['https://api.github.com', 'https://release-assets.githubusercontent.com/x', false],
      ['https://api.github.com', 'http://uploads.github.com/x', false],
      ['https://api.github.com', 'https://uploads.github.com.evil.example/x', false],
      ['https://api.octo.ghe.com', 'https://uploads.octo.ghe.com/x', true],
      ['https://ghes.example/api/v3', 'https://ghes.example/api/uploads/x', true],
      ['https://ghes.example/api/v3', 'https://uploads.ghes.example/x', true],
      ['https://ghes.example/api/v3', 'https://ghes.example:8443/x', false],
      ['http://127.0.0.1:1000', 'http://127.0.0.1:2000/x', false],
    ];
    for (const [apiUrl, url, expected] of cases)
      expect([apiUrl, url, mayCarryToken(apiUrl, url)]).toEqual([apiUrl, url, expected]);
    expect(
      mayCarryToken('http://127.0.0.1:1000', 'http://127.0.0.1:2000/x', 'http://127.0.0.1:2000'),
    ).toBe(true);
  });
});
