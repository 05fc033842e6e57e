/**
 * Every GitHub call the action makes, driven into each kind of failure by a loopback server
 * that answers as GitHub does when it says no (401, 403, 404, 422, rate limits, 5xx) or does
 * not answer at all: each must leave as the action's typed error, with a hint, and none may
 * read "Unexpected error".
 */
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ActionError, describeError } from '../../src/core/errors.ts';
import type { RunnerEnv } from '../../src/config/runner-env.ts';
import { createArtifactStore, type ArtifactStore } from '../../src/github/artifacts.ts';
import { storeGitHubAttestation } from '../../src/github/attestations.ts';
import { createGitData } from '../../src/github/git-data.ts';
import { fetchIdToken } from '../../src/github/oidc.ts';
import { createReleaseClient } from '../../src/github/releases-client.ts';
import type { Release } from '../../src/github/release-types.ts';
import { createTagClient } from '../../src/github/tags.ts';
import { retryPolicyFor } from '../../src/http/retry.ts';

interface Fault {
  name: string;
  /** What GitHub answers every request with; `reset` closes the connection instead. */
  answer: { status: number; body: unknown; headers?: Record<string, string> } | 'reset';
  /** What the message must say. */
  says: RegExp;
}

const FAULTS: Fault[] = [
  {
    name: '401 bad credentials',
    answer: { status: 401, body: { message: 'Bad credentials' } },
    says: /rejected the token|401/,
  },
  {
    name: '403 without the permission',
    answer: { status: 403, body: { message: 'Resource not accessible by integration' } },
    says: /may not|refused|403/,
  },
  { name: '404', answer: { status: 404, body: { message: 'Not Found' } }, says: /404/ },
  {
    name: '422 validation',
    answer: { status: 422, body: { message: 'Validation Failed', errors: [{ code: 'invalid' }] } },
    says: /422|refused/,
  },
  {
    name: 'secondary rate limit, every time',
    answer: {
      status: 403,
      body: { message: 'You have exceeded a secondary rate limit.' },
      headers: { 'retry-after': '1' },
    },
    says: /rate limit|403/,
  },
  {
    name: 'primary rate limit, every time',
    answer: {
      status: 403,
      body: { message: 'API rate limit exceeded for installation ID 1.' },
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 1),
      },
    },
    says: /rate limit|403/,
  },
  {
    name: '502, every time',
    answer: { status: 502, body: { message: 'Bad Gateway' } },
    says: /502|refused|did not answer/,
  },
  { name: 'connection reset', answer: 'reset', says: /did not answer|no answer/ },
];

let server: Server;
let url: string;
let fault: Fault = FAULTS[0] as Fault;
let dir: string;
const requests: string[] = [];

/** Answers in place of the fault, when set. */
let custom: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;

function answer(req: IncomingMessage, res: ServerResponse): void {
  requests.push(`${req.method} ${req.url}`);
  req.resume();
  req.on('end', () => {
    if (custom?.(req, res)) return;
    const a = fault.answer;
    if (a === 'reset') {
      req.socket.destroy();
      return;
    }
    res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
    res.end(JSON.stringify(a.body));
  });
}

beforeAll(async () => {
  server = createServer(answer);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(join(tmpdir(), 'adapter-'));
  await writeFile(join(dir, 'a.whl'), 'wheel bytes');
});
afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await rm(dir, { recursive: true, force: true });
});

const policy = retryPolicyFor(1, 2000);
const options = () => ({ token: 't', apiUrl: url, repository: 'octo/repo', policy });
const release = (): Release => ({
  id: 1,
  tag_name: 'v1',
  name: 'v1',
  draft: true,
  prerelease: false,
  html_url: `${url}/octo/repo/releases/1`,
  upload_url: `${url}/repos/octo/repo/releases/1/assets{?name,label}`,
});
const env = (): RunnerEnv =>
  ({
    idTokenRequestUrl: `${url}/oidc/token?api-version=2.0`,
    idTokenRequestToken: 'request-token',
  }) as RunnerEnv;

/** Every GitHub call of the action, by name. */
const CALLS: Record<string, () => Promise<unknown>> = {
  'list releases': () => createReleaseClient(options()).listReleases(),
  'get a release': () => createReleaseClient(options()).getRelease(1),
  'get the published release of a tag': () =>
    createReleaseClient(options()).getPublishedRelease('v1'),
  'create a draft': () =>
    createReleaseClient(options()).createDraft({
      tag: 'v1',
      generateReleaseNotes: false,
      prerelease: false,
    }),
  'delete a release': () => createReleaseClient(options()).deleteRelease(1),
  'publish a release': () => createReleaseClient(options()).publishRelease(1, undefined),
  'list assets': () => createReleaseClient(options()).listAssets(1),
  'upload an asset': () =>
    createReleaseClient(options()).uploadAsset(release(), 'a.whl', join(dir, 'a.whl'), 11),
  'delete an asset': () => createReleaseClient(options()).deleteAsset(2),
  'hash an asset': () => createReleaseClient(options()).hashAsset({ id: 2, size: 11 }),
  'download an asset': () =>
    createReleaseClient(options()).downloadAsset({ id: 2, size: 11 }, join(dir, 'b')),
  'look up a tag': () => createTagClient(options()).tagCommit('v1'),
  'read a commit': () => createTagClient(options()).commitTime('0'.repeat(40)),
  'resolve a tag (git data)': () => createGitData(options()).resolveTag('v1'),
  'read the repository ids': () => createGitData(options()).repositoryIds(),
  'store an attestation': () =>
    storeGitHubAttestation(url, 'octo/repo', 't', { mediaType: 'x' } as never, policy),
  'get an OIDC token': () => fetchIdToken(env(), 'sigstore', () => undefined, policy),
};

/** A runtime token as the runner's: a JWT whose `scp` names the run and job backend ids. */
const RUNTIME_TOKEN = [
  { alg: 'none', typ: 'JWT' },
  { scp: 'Actions.GenericRead:1 Actions.Results:run-backend-id:job-backend-id' },
]
  .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
  .concat('sig')
  .join('.');

/**
 * The artifact calls go through @actions/artifact, which reads the runner's variables itself and
 * retries a 5xx five times with waits of seconds: its timers are faked and run ahead, so a
 * failure that takes half a minute on a runner takes milliseconds here.
 */
async function withArtifactStore(
  use: (store: ArtifactStore) => Promise<unknown>,
): Promise<unknown> {
  const saved = { ...process.env };
  const write = process.stdout.write;
  Object.assign(process.env, {
    ACTIONS_RUNTIME_TOKEN: RUNTIME_TOKEN,
    ACTIONS_RESULTS_URL: `${url}/`,
    GITHUB_SERVER_URL: 'https://github.com',
  });
  // The client logs through @actions/core on stdout.
  process.stdout.write = (() => true) as typeof write;
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    const env = {
      runtimeToken: RUNTIME_TOKEN,
      resultsUrl: `${url}/`,
      retryDelayMs: 1,
      serverUrl: 'https://github.com',
    };
    let outcome: { value: unknown } | { error: unknown } | undefined;
    use(createArtifactStore(env as RunnerEnv)).then(
      (value) => (outcome = { value }),
      (error: unknown) => (outcome = { error }),
    );
    while (!outcome) {
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(1000);
    }
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  } finally {
    vi.useRealTimers();
    process.stdout.write = write;
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

const ARTIFACT_CALLS: Record<string, (store: ArtifactStore) => Promise<unknown>> = {
  'list artifacts': (store) => store.list(),
  'upload an artifact': (store) => store.upload('dists', [join(dir, 'a.whl')], dir),
  'download an artifact': (store) =>
    store.download({ id: 1, name: 'dists', size: 11 }, join(dir, 'artifact')),
};

describe.each(FAULTS)('the artifact service answers $name', (f) => {
  it.each(Object.keys(ARTIFACT_CALLS))('%s fails with a typed error and a hint', async (call) => {
    fault = f;
    const error = await withArtifactStore(ARTIFACT_CALLS[call] as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, `${call} succeeded`).toBeInstanceOf(ActionError);
    // Which call failed, and GitHub's status or the reset.
    expect((error as ActionError).message).toMatch(/workflow artifact/);
    expect((error as ActionError).message).toMatch(/\b[45]\d\d\b|ECONNRESET/);
    expect((error as ActionError).hint).toMatch(/\S/);
    expect(describeError(error)).not.toMatch(/Unexpected error/);
  });
});

/** Calls for which a 404 is an answer ("there is none"), not a failure. */
const ABSENT_ON_404 = new Set([
  'look up a tag',
  'resolve a tag (git data)',
  'get a release',
  'get the published release of a tag',
]);

describe.each(FAULTS)('GitHub answers $name', (f) => {
  it.each(Object.keys(CALLS))('%s fails with a typed error and a hint', async (call) => {
    fault = f;
    if (ABSENT_ON_404.has(call) && f.name === '404') {
      await expect(CALLS[call]?.()).resolves.toBeUndefined();
      return;
    }
    const error = await (CALLS[call] as () => Promise<unknown>)().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, `${call} succeeded`).toBeInstanceOf(ActionError);
    const action = error as ActionError;
    expect(action.hint, action.message).toMatch(/\S/);
    expect(action.message).toMatch(f.says);
    expect(describeError(error)).not.toMatch(/Unexpected error/);
  });
});

describe('the retry policy', () => {
  it('retries a passing 502 and a secondary rate limit, then succeeds', async () => {
    let left = 2;
    fault = {
      name: 'passing',
      answer: { status: 502, body: { message: 'Bad Gateway' } },
      says: /./,
    };
    const ok = { status: 200, body: [] };
    const before = requests.length;
    const listing = createReleaseClient(options()).listReleases();
    const swap = setInterval(() => {
      if (requests.length - before >= left) {
        fault = { name: 'ok', answer: ok, says: /./ };
        left = 0;
      }
    }, 1);
    try {
      await expect(listing).resolves.toEqual([]);
    } finally {
      clearInterval(swap);
    }
    expect(requests.length - before).toBeGreaterThanOrEqual(3);
  });

  it('says each retry in one warning line: the answer, the request, and the next attempt', async () => {
    fault = FAULTS.find((x) => x.name.startsWith('502')) as Fault;
    const warnings: string[] = [];
    const infos: string[] = [];
    const client = createReleaseClient({
      ...options(),
      warn: (line) => warnings.push(line),
      log: (line) => infos.push(line),
    });
    await expect(client.listReleases()).rejects.toThrow(/502/);
    expect(warnings).toEqual(
      Array.from({ length: policy.retries }, (_, i) =>
        expect.stringMatching(
          new RegExp(
            `^GitHub answered 502 to GET /repos/\\{owner\\}/\\{repo\\}/releases; attempt ${i + 2} of ${policy.retries + 1} in [\\d.]+ m?s\\.$`,
          ),
        ),
      ),
    );
    expect(infos).toEqual([]);
  });

  it('stops after the policy’s attempts', async () => {
    fault = FAULTS.find((x) => x.name.startsWith('502')) as Fault;
    const before = requests.length;
    await expect(createReleaseClient(options()).listReleases()).rejects.toThrow(/502/);
    expect(requests.length - before).toBe(policy.retries + 1);
  });

  it('never retries a streamed upload itself (its caller does, with a fresh stream)', async () => {
    fault = FAULTS.find((x) => x.name.startsWith('502')) as Fault;
    const before = requests.length;
    await expect(
      createReleaseClient(options()).uploadAsset(release(), 'a.whl', join(dir, 'a.whl'), 11),
    ).rejects.toThrow(/502/);
    expect(requests.length - before).toBe(1);
  });
});

describe('a tag GitHub does not peel to a commit', () => {
  // A tag of a tag: git peels it, GitHub's API does not, and neither does the action.
  const tagOfTag = (req: IncomingMessage, res: ServerResponse): boolean => {
    const body = req.url?.includes('/git/refs/')
      ? { ref: 'refs/tags/v1', object: { type: 'tag', sha: '1'.repeat(40) } }
      : { sha: '1'.repeat(40), object: { type: 'tag', sha: '2'.repeat(40) }, verification: null };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    return true;
  };

  it.each([
    ['git data', () => createGitData(options()).resolveTag('v1')],
    ['the tag client', () => createTagClient(options()).tagCommit('v1')],
  ])('%s refuses it with the fix, not as GitHub failing to answer', async (_name, lookUp) => {
    custom = tagOfTag;
    try {
      const error = await lookUp().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ActionError);
      expect((error as ActionError).message).toBe('Tag v1 points at a tag, not a commit.');
      expect((error as ActionError).hint).toMatch(/git tag -f/);
      expect(describeError(error)).not.toMatch(/did not answer|githubstatus/);
    } finally {
      custom = undefined;
    }
  });
});
