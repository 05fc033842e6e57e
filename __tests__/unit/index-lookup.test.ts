/**
 * Where the action reads an index's pages, and how it establishes that a project exists
 * (before publishing a project named like a standard-library module), against a loopback
 * server answering as a simple API would.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/core/errors.ts';
import { retryPolicyFor } from '../../src/http/retry.ts';
import { projectExists, releaseFiles } from '../../src/pypi/index-api.ts';
import { fileAddress, simpleApiBase } from '../../src/pypi/simple-api.ts';

describe('simpleApiBase', () => {
  it.each([
    ['https://upload.pypi.org/legacy/', undefined, 'https://pypi.org/simple/'],
    ['https://test.pypi.org/legacy/', undefined, 'https://test.pypi.org/simple/'],
    [
      'https://example.jfrog.io/artifactory/api/pypi/py-local/',
      undefined,
      'https://example.jfrog.io/artifactory/api/pypi/py-local/simple/',
    ],
    [
      'https://devpi.example.com/ci/prod/',
      'https://devpi.example.com/ci/prod/+simple/',
      'https://devpi.example.com/ci/prod/+simple/',
    ],
  ])('%s (simple-url %s) -> %s', (upload, simple, expected) => {
    expect(simpleApiBase(upload, simple)).toBe(expected);
  });
});

/** Project -> status of its simple page; `demo` has one sdist, listed without upload time. */
const PAGES: Record<string, number> = { demo: 200, empty: 200, broken: 503 };
let server: Server;
let base: string;
const seen: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? '');
    const project = /^\/ci\/prod\/\+simple\/([^/]+)\/$/.exec(req.url ?? '')?.[1] ?? '';
    const status = PAGES[project] ?? 404;
    res.writeHead(status, { 'content-type': 'text/html' });
    res.end(
      project === 'demo'
        ? `<a href="/f/demo-1.0.tar.gz#sha256=${'a'.repeat(64)}">demo-1.0.tar.gz</a>`
        : '',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ci/prod/`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});
const policy = retryPolicyFor(1, 2_000);

describe('projectExists through simple-url', () => {
  it('200 (even without files) is an existing project, 404 a new one', async () => {
    const simple = `${base}+simple/`;
    expect(await projectExists(base, 'Demo', policy, simple)).toBe(true);
    expect(await projectExists(base, 'empty', policy, simple)).toBe(true);
    expect(await projectExists(base, 'asyncio', policy, simple)).toBe(false);
    expect(seen).toContain('/ci/prod/+simple/demo/');
  });

  it('anything else cannot establish it, and says so', async () => {
    const error = await projectExists(base, 'broken', policy, `${base}+simple/`).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).message).toMatch(
      new RegExp(`^Could not establish whether broken exists on ${base}: its simple API`),
    );
  });

  it('releaseFiles reads only the simple page it is given: no JSON API request', async () => {
    seen.length = 0;
    const files = await releaseFiles(base, 'demo', '1.0', policy, `${base}+simple/`);
    expect(files.map((f) => [f.filename, f.sha256, Number.isNaN(f.uploadTime.getTime())])).toEqual([
      ['demo-1.0.tar.gz', 'a'.repeat(64), true],
    ]);
    expect(seen).toEqual(['/ci/prod/+simple/demo/']);
    // The link's address, resolved against the page, without its #sha256= fragment.
    expect(files.map((f) => f.url)).toEqual([`${new URL(base).origin}/f/demo-1.0.tar.gz`]);
  });
});

describe("fileAddress: a file's own address from an index's answer", () => {
  const page = 'https://devpi.example.com/ci/prod/+simple/demo/';
  it.each([
    [
      'https://files.pythonhosted.org/packages/ab/cd/ef/demo-1.0.tar.gz',
      'https://files.pythonhosted.org/packages/ab/cd/ef/demo-1.0.tar.gz',
    ],
    [
      `../../+f/abc/demo-1.0.tar.gz#sha256=${'a'.repeat(64)}`,
      'https://devpi.example.com/ci/prod/+f/abc/demo-1.0.tar.gz',
    ],
    ['/f/demo-1.0.tar.gz?a=1&amp;b=2', 'https://devpi.example.com/f/demo-1.0.tar.gz?a=1&b=2'],
  ])('%s -> %s', (raw, expected) => {
    expect(fileAddress(raw, page)).toBe(expected);
  });
  it.each([['javascript:alert(1)'], ['data:text/html,x'], [''], [42], [undefined]])(
    'no address from %s',
    (raw) => {
      expect(fileAddress(raw, page)).toBeUndefined();
    },
  );
});
