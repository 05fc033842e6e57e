/**
 * What an index (and the runner's token service) may answer, against a loopback server: every
 * JSON answer of the wrong shape is one ServiceError naming the service, the URL and what it
 * answered.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/core/errors.ts';
import type { RunnerEnv } from '../../src/config/runner-env.ts';
import { fetchIdToken } from '../../src/github/oidc.ts';
import { retryPolicyFor } from '../../src/http/retry.ts';
import { releaseFiles } from '../../src/pypi/index-api.ts';
import { fetchAudience, mintUploadToken } from '../../src/pypi/trusted-publishing.ts';
import { listenLoopback, type LoopbackServer } from '../../sandbox/http.ts';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;
const json =
  (body: unknown, type = 'application/json'): Answer =>
  (_req, res) =>
    res.writeHead(200, { 'content-type': type }).end(JSON.stringify(body));
const PEP691 = 'application/vnd.pypi.simple.v1+json';

let server: LoopbackServer;
let answer: Answer = (_req, res) => res.writeHead(404).end();
beforeAll(async () => {
  server = await listenLoopback((req, res) => {
    answer(req, res);
  });
});
afterAll(async () => {
  await server.close();
});

const policy = retryPolicyFor(1, 1000);
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ServiceError);
  return (error as ServiceError).message;
}

describe("PyPI's JSON API", () => {
  const read = (body: unknown) => {
    answer = json(body);
    return refusal(releaseFiles(`${server.url}/legacy/`, 'demo', '1.0', policy));
  };
  const url = () => `${server.url}/pypi/demo/1.0/json`;

  it('refuses null, a list item that is not an object, and fields of the wrong type', async () => {
    expect(await read(null)).toBe(
      `The index's JSON API at ${url()} answered null where a JSON object belongs: "null".`,
    );
    expect(await read({ urls: [null] })).toBe(
      `The index's JSON API at ${url()} answered JSON of the wrong shape ("urls" item 0 is null, not an object): "{\\"urls\\":[null]}".`,
    );
    expect(await read({ urls: 'abc' })).toMatch(/\("urls" is a string, not a list\)/);
    expect(await read({ urls: null })).toMatch(/\("urls" is null, not a list\)/);
    expect(await read({ message: 'ok' })).toMatch(/\("urls" is missing, not a list\)/);
    expect(await read({ urls: [{ filename: 5 }] })).toMatch(
      /\("urls" item 0 "filename" is a number, not a string\)/,
    );
    expect(await read({ urls: [{ filename: 'a.whl', digests: 'x' }] })).toMatch(
      /\("urls" item 0 "digests" is a string, not an object\)/,
    );
    expect(await read({ urls: [{}] })).toMatch(/\("urls" item 0 has no "filename"\)/);
  });

  it('reads a well-formed answer as before', async () => {
    answer = json({
      urls: [
        {
          filename: 'demo-1.0.tar.gz',
          digests: { sha256: 'a'.repeat(64) },
          packagetype: 'sdist',
          upload_time_iso_8601: '2026-01-02T03:04:05Z',
        },
      ],
    });
    const [file] = await releaseFiles(`${server.url}/legacy/`, 'demo', '1.0', policy);
    expect(file).toEqual({
      filename: 'demo-1.0.tar.gz',
      sha256: 'a'.repeat(64),
      packagetype: 'sdist',
      uploadTime: new Date('2026-01-02T03:04:05Z'),
    });
  });
});

describe('the simple API (PEP 691 JSON)', () => {
  const read = (body: unknown) => {
    answer = json(body, PEP691);
    return refusal(
      releaseFiles(`${server.url}/legacy/`, 'demo', '1.0', policy, `${server.url}/simple/`),
    );
  };

  it('refuses null, "files" that is not a list, and an item that is not an object', async () => {
    expect(await read(null)).toBe(
      `The index's simple API at ${server.url}/simple/demo/ answered null where a JSON object belongs: "null".`,
    );
    expect(await read({ files: 'abc' })).toMatch(/\("files" is a string, not a list\)/);
    expect(await read({ name: 'demo' })).toMatch(/\("files" is missing, not a list\)/);
    expect(await read({ files: [null] })).toMatch(/\("files" item 0 is null, not an object\)/);
    expect(await read({ files: [{ filename: 'demo-1.0.tar.gz', hashes: [] }] })).toMatch(
      /\("files" item 0 "hashes" is a list, not an object\)/,
    );
  });

  it('reads a well-formed page as before', async () => {
    answer = json(
      { files: [{ filename: 'demo-1.0.tar.gz', hashes: { sha256: 'b'.repeat(64) } }] },
      PEP691,
    );
    const files = await releaseFiles(
      `${server.url}/legacy/`,
      'demo',
      '1.0',
      policy,
      `${server.url}/simple/`,
    );
    expect(files.map((f) => [f.filename, f.sha256])).toEqual([['demo-1.0.tar.gz', 'b'.repeat(64)]]);
  });
});

describe('trusted publishing answers', () => {
  it('refuses an audience answer of null or without a string audience', async () => {
    answer = json(null);
    expect(await refusal(fetchAudience(`${server.url}/legacy/`, policy))).toBe(
      `The index's OIDC audience endpoint at ${server.url}/_/oidc/audience answered null where a JSON object belongs: "null".`,
    );
    answer = json({ audience: ['a'] });
    expect(await refusal(fetchAudience(`${server.url}/legacy/`, policy))).toMatch(
      /\("audience" is a list, not a string\)/,
    );
  });

  const env = () =>
    ({
      idTokenRequestUrl: `${server.url}/token?api-version=2.0`,
      idTokenRequestToken: 'request-token',
    }) as RunnerEnv;
  it("refuses the runner's token service answering null or a value that is not a string", async () => {
    answer = json(null);
    expect(await refusal(fetchIdToken(env(), 'pypi', () => undefined, policy))).toBe(
      `The runner's OIDC token service at ${server.url}/token answered null where a JSON object belongs: 4 B, not shown (it may hold a credential).`,
    );
    answer = json({ value: 5 });
    expect(await refusal(fetchIdToken(env(), 'pypi', () => undefined, policy))).toMatch(
      /answered JSON of the wrong shape \("value" is a number, not a string\): 11 B, not shown/,
    );
  });

  const jwt = `e30.${Buffer.from('{"sub":"repo:o/r"}').toString('base64url')}.sig`;
  const mint = () =>
    mintUploadToken(
      `${server.url}/legacy/`,
      async () => jwt,
      () => undefined,
      policy,
    );
  it('refuses a token exchange answer of the wrong shape, showing none of it', async () => {
    answer = json(null);
    expect(await refusal(mint())).toMatch(
      /^The index's token exchange at .*\/_\/oidc\/mint-token answered null where a JSON object belongs: 4 B, not shown/,
    );
    answer = json({ token: 'pypi-abc', expires: 'soon' });
    const message = await refusal(mint());
    expect(message).toMatch(/\("expires" is a string, not a number\)/);
    expect(message).not.toContain('pypi-abc');
    answer = json({ token: '' });
    expect(await refusal(mint())).toMatch(/\("token" is empty\)/);
  });

  it('reads the error codes of a refusal in any shape without crashing', async () => {
    answer = (_req, res) =>
      res
        .writeHead(422, { 'content-type': 'application/json' })
        .end(JSON.stringify({ errors: [null, 5, { code: 'invalid-publisher', description: 7 }] }));
    const error = await mint().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/\* invalid-publisher: ""/);
    answer = (_req, res) => res.writeHead(422).end('{"errors": "abc"}');
    expect(((await mint().catch((e: unknown) => e)) as Error).message).toMatch(
      /gave no error codes/,
    );
  });
});
