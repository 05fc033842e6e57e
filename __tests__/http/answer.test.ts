/**
 * Answers read whole (`http/answer.ts`) against a loopback server: the byte cap, JSON that is
 * not an object, a page instead of JSON, a body that breaks off.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../src/core/errors.ts';
import {
  readBoundedText,
  readCapped,
  readJsonObject,
  type AnswerSource,
} from '../../src/http/answer.ts';
import { listenLoopback, type LoopbackServer } from '../../sandbox/http.ts';

/** Path -> answer. */
const ANSWERS: Record<string, (res: ServerResponse) => void> = {
  '/object': (res) => res.end('{"urls": []}'),
  '/null': (res) => res.end('null'),
  '/list': (res) => res.end('[1, 2]'),
  '/html': (res) => res.end('<!DOCTYPE html><html><body>Sign in\n::error::pwned</body></html>'),
  '/token': (res) => res.end('eyJhbGciOiJSUzI1NiJ9.secret-part'),
  '/empty': (res) => res.end(''),
  '/big': (res) => res.end(`{"a": "${'x'.repeat(3000)}"}`),
  '/drip': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{');
    const timer = setInterval(() => res.write(' '), 50);
    res.on('close', () => clearInterval(timer));
  },
};

let server: LoopbackServer;
beforeAll(async () => {
  server = await listenLoopback((req, res) => {
    const path = req.url ?? '';
    const answer = ANSWERS[path];
    if (!answer) return void res.writeHead(404).end();
    answer(res);
  });
});
afterAll(() => server.close());

const source = (path: string, extra: Partial<AnswerSource> = {}): AnswerSource => ({
  service: 'The test service',
  url: `${server.url}${path}`,
  maxBytes: 1024,
  hint: 'Re-run.',
  ...extra,
});
const get = (path: string, timeoutMs = 5000) =>
  fetch(`${server.url}${path}`, { signal: AbortSignal.timeout(timeoutMs) });
const refusal = async (path: string, extra: Partial<AnswerSource> = {}, timeoutMs?: number) => {
  const error = await readJsonObject(await get(path, timeoutMs), source(path, extra)).catch(
    (e: unknown) => e,
  );
  expect(error, path).toBeInstanceOf(ServiceError);
  return (error as ServiceError).message;
};

describe('readJsonObject', () => {
  it('gives the object, and a refusal for a field of the wrong shape naming service and URL', async () => {
    const answer = await readJsonObject(await get('/object'), source('/object'));
    expect(answer.body).toEqual({ urls: [] });
    expect(answer.wrong('"urls" item 0 is null').message).toBe(
      `The test service at ${server.url}/object answered JSON of the wrong shape ("urls" item 0 is null): "{\\"urls\\": []}".`,
    );
  });

  it('refuses JSON that is not an object', async () => {
    expect(await refusal('/null')).toBe(
      `The test service at ${server.url}/null answered null where a JSON object belongs: "null".`,
    );
    expect(await refusal('/list')).toMatch(/answered a list where a JSON object belongs/);
  });

  it('refuses a page, showing its first bytes escaped, and an empty body', async () => {
    const message = await refusal('/html');
    expect(message).toMatch(/answered something that is not JSON: "<!DOCTYPE html>/);
    expect(message).not.toMatch(/\n::error::/);
    expect(await refusal('/empty')).toMatch(/answered an empty body instead of JSON/);
  });

  it('shows nothing of an answer that may hold a credential, except a page', async () => {
    const message = await refusal('/token', { secret: true });
    expect(message).toMatch(/not JSON: 32 B, not shown \(it may hold a credential\)\.$/);
    expect(message).not.toContain('secret-part');
    expect(await refusal('/html', { secret: true })).toMatch(/"<!DOCTYPE html>/);
  });

  it('refuses an answer larger than its cap without reading it all', async () => {
    expect(await refusal('/big')).toBe(
      `The test service at ${server.url}/big answered more than 1.0 kB, the most the action reads from it; the rest was not read.`,
    );
  });

  it('refuses a body that drips past the request timeout, naming the time-out', async () => {
    expect(await refusal('/drip', {}, 300)).toBe(
      `The test service at ${server.url}/drip did not send its whole answer (timed out).`,
    );
  });
});

describe('readCapped and readBoundedText', () => {
  it('reads at most the cap, and says whether there was more', async () => {
    const capped = await readCapped(await get('/big'), 100);
    expect(capped.bytes.length).toBe(100);
    expect(capped.truncated).toBe(true);
    const whole = await readCapped(await get('/object'), 100);
    expect([whole.bytes.toString(), whole.truncated]).toEqual(['{"urls": []}', false]);
    expect(await readBoundedText(await get('/html'), source('/html'))).toMatch(/^<!DOCTYPE/);
  });
});
