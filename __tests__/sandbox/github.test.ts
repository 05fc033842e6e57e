// The GitHub releases stand-in driven by real Octokit, for the behaviours release actions trip
// over on GitHub: hidden drafts, duplicate drafts, already_exists, pagination, broken uploads,
// immutable releases, rate limits. Each test uses its own repository on one shared server.
import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import Bottleneck from 'bottleneck/light.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGitHub, type GitHubSandbox } from '../../sandbox/github.ts';
import { deviations } from '../helpers/github-openapi.ts';

let github: GitHubSandbox;
let push: Octokit;
let read: Octokit;

beforeAll(async () => {
  github = await startGitHub();
  push = client(github.token(['contents:write']));
  read = client(github.token(['contents:read']));
});
afterAll(async () => {
  await github.close();
});

const client = (auth: string): Octokit =>
  new Octokit({ auth, baseUrl: github.url, log: { debug() {}, info() {}, warn() {}, error() {} } });
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const repoOf = (repository: string) => {
  const [owner = '', repo = ''] = repository.split('/');
  return { owner, repo };
};

/** The status and body of a failed Octokit call. */
async function failure(call: Promise<unknown>): Promise<{ status: number; data: unknown }> {
  const error = (await call.then(
    () => expect.fail('expected the request to fail'),
    (e: unknown) => e,
  )) as { status: number; response?: { data: unknown } };
  return { status: error.status, data: error.response?.data };
}

const alreadyExists = (resource: string, field: string) => ({
  message: 'Validation Failed',
  errors: [{ resource, code: 'already_exists', field }],
  status: '422',
});

function upload(
  octokit: Octokit,
  uploadUrl: string,
  name: string,
  data: Buffer | Readable,
  size: number,
) {
  return octokit.request({
    method: 'POST',
    url: uploadUrl,
    name,
    data: data as unknown as string,
    headers: { 'content-type': 'application/octet-stream', 'content-length': size },
  });
}

describe('drafts', () => {
  it('are hidden from releases/tags/{tag} and from tokens without push access', async () => {
    const base = repoOf('octo/drafts');
    const { data: draft } = await push.rest.repos.createRelease({
      ...base,
      tag_name: 'v1.0.0',
      draft: true,
    });
    expect(draft).toMatchObject({
      draft: true,
      published_at: null,
      tag_name: 'v1.0.0',
      assets: [],
    });
    expect(draft.html_url).toMatch(/\/releases\/tag\/untagged-[0-9a-f]+$/);

    expect(
      (await failure(push.rest.repos.getReleaseByTag({ ...base, tag: 'v1.0.0' }))).status,
    ).toBe(404);
    const listed = await push.paginate(push.rest.repos.listReleases, base);
    expect(listed.map((r) => r.id)).toEqual([draft.id]);
    expect(await read.paginate(read.rest.repos.listReleases, base)).toEqual([]);
    expect(
      (await failure(read.rest.repos.getRelease({ ...base, release_id: draft.id }))).status,
    ).toBe(404);

    await push.rest.repos.updateRelease({ ...base, release_id: draft.id, draft: false });
    const { data: byTag } = await read.rest.repos.getReleaseByTag({ ...base, tag: 'v1.0.0' });
    expect(byTag).toMatchObject({ id: draft.id, draft: false, immutable: false });
    expect(byTag.published_at).toEqual(expect.any(String));
    expect((await read.rest.repos.getLatestRelease(base)).data.id).toBe(draft.id);
  });

  it('may share a tag (how matrix races end with duplicates on GitHub)', async () => {
    const base = repoOf('octo/race');
    const make = () => push.rest.repos.createRelease({ ...base, tag_name: 'v2.0.0', draft: true });
    const [a, b] = await Promise.all([make(), make()]);
    expect(a.status).toBe(201);
    expect(b.data.id).not.toBe(a.data.id);
    expect(github.releases('octo/race').map((r) => r.tag_name)).toEqual(['v2.0.0', 'v2.0.0']);
  });
});

describe('conflicts and validation', () => {
  it('refuses a second published release for a tag, also when publishing a draft', async () => {
    const base = repoOf('octo/conflict');
    await push.rest.repos.createRelease({ ...base, tag_name: 'v1.0.0' });
    const second = await failure(push.rest.repos.createRelease({ ...base, tag_name: 'v1.0.0' }));
    expect(second).toMatchObject({ status: 422, data: alreadyExists('Release', 'tag_name') });
    const { data: draft } = await push.rest.repos.createRelease({
      ...base,
      tag_name: 'v1.0.0',
      draft: true,
    });
    const publish = push.rest.repos.updateRelease({ ...base, release_id: draft.id, draft: false });
    expect(await failure(publish)).toMatchObject({
      status: 422,
      data: alreadyExists('Release', 'tag_name'),
    });
  });

  it('refuses a duplicate asset name, a missing tag_name and a missing Content-Type', async () => {
    const base = repoOf('octo/dupe');
    const { data: release } = await push.rest.repos.createRelease({
      ...base,
      tag_name: 'v1',
      draft: true,
    });
    const bytes = Buffer.from('one');
    await upload(push, release.upload_url, 'a.txt', bytes, bytes.length);
    const again = await failure(upload(push, release.upload_url, 'a.txt', bytes, bytes.length));
    expect(again).toMatchObject({ status: 422, data: alreadyExists('ReleaseAsset', 'name') });

    const noTag = await failure(
      push.request({ method: 'POST', url: '/repos/{owner}/{repo}/releases', ...base, name: 'x' }),
    );
    expect(noTag).toMatchObject({
      status: 422,
      data: { message: expect.stringContaining('tag_name') },
    });
    const token = github.token(['contents:write']);
    const raw = await fetch(
      `${github.uploadUrl}/repos/octo/dupe/releases/${release.id}/assets?name=b.txt`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: Buffer.from('two'), // no Content-Type: fetch adds one for strings
      },
    );
    expect(raw.status).toBe(422);
    expect(((await raw.json()) as { errors: unknown[] }).errors).toEqual([
      { resource: 'ReleaseAsset', code: 'missing_field', field: 'content_type' },
    ]);
  });

  it('answers 403 to a read-only token on every write, and 401 to an unknown token', async () => {
    const base = repoOf('octo/perm');
    const denied = { status: 403, data: { message: 'Resource not accessible by integration' } };
    expect(await failure(read.rest.repos.createRelease({ ...base, tag_name: 'v1' }))).toMatchObject(
      denied,
    );
    const release = github.createRelease('octo/perm', { tag_name: 'v1' });
    const asset = await github.uploadAsset('octo/perm', release.id, 'a.txt', 'x');
    expect(
      await failure(upload(read, release.upload_url, 'b.txt', Buffer.from('y'), 1)),
    ).toMatchObject(denied);
    expect(
      await failure(read.rest.repos.deleteReleaseAsset({ ...base, asset_id: asset.id })),
    ).toMatchObject(denied);
    expect(
      await failure(read.rest.repos.deleteRelease({ ...base, release_id: release.id })),
    ).toMatchObject(denied);
    expect(await failure(client('ghs_unknown').rest.repos.listReleases(base))).toMatchObject({
      status: 401,
      data: { message: 'Bad credentials' },
    });
  });
});

describe('pagination', () => {
  it('lists 65 releases newest first in pages of 30 with GitHub Link headers', async () => {
    const base = repoOf('octo/many');
    for (let i = 1; i <= 65; i++)
      github.createRelease('octo/many', { tag_name: `v0.${i}`, draft: i % 2 === 0 });
    const first = await push.rest.repos.listReleases({ ...base, per_page: 30 });
    const page = (n: number) => `<${github.url}/repos/octo/many/releases?per_page=30&page=${n}>`;
    expect(first.headers.link).toBe(`${page(2)}; rel="next", ${page(3)}; rel="last"`);
    expect(first.data[0]?.tag_name).toBe('v0.65');

    const before = github.requests.length;
    const all = await push.paginate(push.rest.repos.listReleases, { ...base, per_page: 30 });
    expect(all).toHaveLength(65);
    expect(new Set(all.map((r) => r.id)).size).toBe(65);
    expect(github.requests.slice(before).map((r) => r.query)).toEqual([
      '?per_page=30',
      '?per_page=30&page=2',
      '?per_page=30&page=3',
    ]);
    const last = await push.rest.repos.listReleases({ ...base, per_page: 30, page: 3 });
    expect(last.data).toHaveLength(5);
    expect(last.headers.link).toBe(`${page(2)}; rel="prev", ${page(1)}; rel="first"`);
    expect(await read.paginate(read.rest.repos.listReleases, base)).toHaveLength(33);
  });
});

describe('assets', () => {
  it('uploads through the upload_url template and serves the same bytes back', async () => {
    const base = repoOf('octo/assets');
    const { data: release } = await push.rest.repos.createRelease({
      ...base,
      tag_name: 'v1.0',
      draft: true,
    });
    // On the upload host, as GitHub's `uploads.github.com`; the API host takes no uploads.
    expect(release.upload_url).toBe(
      `${github.uploadUrl}/repos/octo/assets/releases/${release.id}/assets{?name,label}`,
    );
    const onApi = await failure(
      upload(
        push,
        release.upload_url.replace(github.uploadUrl, github.url),
        'x',
        Buffer.from('x'),
        1,
      ),
    );
    expect(onApi.status).toBe(404);
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const chunks = [bytes.subarray(0, 1 << 20), bytes.subarray(1 << 20)];
    const { status, data: asset } = await upload(
      push,
      release.upload_url,
      'demo 1.0 (linux).tar.gz',
      Readable.from(chunks),
      bytes.length,
    );
    expect(status).toBe(201);
    expect(asset).toMatchObject({
      name: 'demo.1.0..linux..tar.gz',
      state: 'uploaded',
      size: bytes.length,
      digest: `sha256:${sha256(bytes)}`,
      content_type: 'application/octet-stream',
    });

    const viaBrowser = Buffer.from(await (await fetch(asset.browser_download_url)).arrayBuffer());
    expect(sha256(viaBrowser)).toBe(sha256(bytes));
    const viaApi = await fetch(asset.url, {
      headers: {
        authorization: `token ${github.token(['contents:write'])}`,
        accept: 'application/octet-stream',
      },
    });
    expect(Buffer.from(await viaApi.arrayBuffer()).equals(bytes)).toBe(true);
    // fetch followed a 302 to the storage host and dropped the token, as it must: storage
    // refuses a request that carries one.
    const redirect = await fetch(asset.url, {
      redirect: 'manual',
      headers: {
        authorization: `token ${github.token(['contents:write'])}`,
        accept: 'application/octet-stream',
      },
    });
    expect(redirect.status).toBe(302);
    const location = redirect.headers.get('location') ?? '';
    expect(location.startsWith(`${github.storageUrl}/`)).toBe(true);
    expect(location).toContain('X-Amz-Expires=300');
    const withToken = await fetch(location, { headers: { authorization: 'token x' } });
    expect(withToken.status).toBe(400);
    expect(await withToken.text()).toContain('Only one auth mechanism allowed');
    const { data: listed } = await push.rest.repos.listReleaseAssets({
      ...base,
      release_id: release.id,
    });
    expect(listed).toMatchObject([{ id: asset.id, download_count: 2 }]);
  });

  it('breakNextUpload leaves an open asset without digest that blocks the name until deleted', async () => {
    const base = repoOf('octo/broken');
    const release = github.createRelease('octo/broken', { tag_name: 'v1', draft: true });
    const bytes = randomBytes(256 * 1024);
    github.breakNextUpload();
    expect(
      (await failure(upload(push, release.upload_url, 'a.whl', bytes, bytes.length))).status,
    ).toBe(502);
    const [starter] = github.releases('octo/broken')[0]?.assets ?? [];
    expect(starter).toMatchObject({ name: 'a.whl', state: 'open', digest: null });
    const retried = await failure(upload(push, release.upload_url, 'a.whl', bytes, bytes.length));
    expect(retried).toMatchObject({ status: 422, data: alreadyExists('ReleaseAsset', 'name') });

    await push.rest.repos.deleteReleaseAsset({ ...base, asset_id: starter?.id ?? 0 });
    const { data: asset } = await upload(push, release.upload_url, 'a.whl', bytes, bytes.length);
    expect(asset).toMatchObject({ state: 'uploaded', digest: `sha256:${sha256(bytes)}` });
  });

  it('a dropped upload connection also leaves an open asset', async () => {
    const release = github.createRelease('octo/reset', { tag_name: 'v1', draft: true });
    const bytes = randomBytes(128 * 1024);
    github.breakNextUpload({ afterBytes: 1000, reset: true });
    const broken = await failure(upload(push, release.upload_url, 'a.whl', bytes, bytes.length));
    expect(broken.status).toBe(500); // Octokit's status for a request that got no answer
    expect(github.releases('octo/reset')[0]?.assets).toMatchObject([{ state: 'open', size: 0 }]);
    expect(github.requests.at(-1)).toMatchObject({ method: 'POST', status: 0 });
  });

  it('omitDigests answers digest: null, as older GitHub did', async () => {
    const release = github.createRelease('octo/nodigest', { tag_name: 'v1' });
    await github.uploadAsset('octo/nodigest', release.id, 'a.txt', 'x');
    github.omitDigests(true);
    try {
      const { data } = await push.rest.repos.listReleaseAssets({
        ...repoOf('octo/nodigest'),
        release_id: release.id,
      });
      expect(data[0]?.digest).toBeNull();
    } finally {
      github.omitDigests(false);
    }
  });
});

describe('immutable releases', () => {
  it('lock assets and tag once published; the release can be deleted but its tag is burned', async () => {
    const repository = 'octo/immutable';
    const base = repoOf(repository);
    github.setImmutableReleases(repository, true);
    const { data: draft } = await push.rest.repos.createRelease({
      ...base,
      tag_name: 'v1.0.0',
      draft: true,
    });
    const { data: asset } = await upload(push, draft.upload_url, 'a.txt', Buffer.from('a'), 1);
    const { data: published } = await push.rest.repos.updateRelease({
      ...base,
      release_id: draft.id,
      draft: false,
    });
    expect(published.immutable).toBe(true);

    const before = github.requests.length;
    const refused = await failure(upload(push, published.upload_url, 'b.txt', Buffer.from('b'), 1));
    expect(refused).toMatchObject({
      status: 422,
      data: { message: 'Cannot upload assets to an immutable release' },
    });
    expect(github.releases(repository)[0]?.assets.map((a) => a.name)).toEqual(['a.txt']);
    expect(github.requests.slice(before)).toEqual([
      {
        host: 'uploads',
        headers: expect.any(Object),
        body: expect.stringContaining('immutable release'),
        method: 'POST',
        path: `/repos/${repository}/releases/${draft.id}/assets`,
        query: expect.stringMatching(/^\?name=b\.txt&?$/),
        status: 422,
      },
    ]);
    expect(
      (await failure(push.rest.repos.deleteReleaseAsset({ ...base, asset_id: asset.id }))).status,
    ).toBe(422);
    const retag = push.rest.repos.updateRelease({
      ...base,
      release_id: draft.id,
      tag_name: 'v1.0.1',
    });
    expect((await failure(retag)).status).toBe(422);
    const renamed = await push.rest.repos.updateRelease({
      ...base,
      release_id: draft.id,
      name: 'One',
      body: 'Notes',
    });
    expect(renamed.data).toMatchObject({ name: 'One', body: 'Notes' });

    await push.rest.repos.deleteRelease({ ...base, release_id: draft.id });
    const reuse = await failure(push.rest.repos.createRelease({ ...base, tag_name: 'v1.0.0' }));
    expect(reuse).toMatchObject({
      status: 422,
      data: { errors: [{ message: 'tag_name was used by an immutable release' }] },
    });
  });
});

describe('rate limits and failures', () => {
  it('carries x-ratelimit headers and answers primary and secondary limits like GitHub', async () => {
    const base = repoOf('octo/limits');
    const ok = await push.rest.repos.listReleases(base);
    expect(ok.headers).toMatchObject({
      'x-ratelimit-limit': expect.any(String),
      'x-ratelimit-resource': 'core',
    });
    expect(Number(ok.headers['x-ratelimit-remaining'])).toBeGreaterThan(0);

    github.rateLimitNext(1, 'primary', 1);
    const primary = (await push.rest.repos.listReleases(base).catch((e: unknown) => e)) as {
      status: number;
      response: { headers: Record<string, string>; data: { message: string } };
    };
    expect(primary.status).toBe(403);
    expect(primary.response.headers['x-ratelimit-remaining']).toBe('0');
    expect(Number(primary.response.headers['x-ratelimit-reset']) * 1000).toBeGreaterThan(
      Date.now(),
    );
    expect(primary.response.data.message).toMatch(
      /^API rate limit exceeded for installation ID \d+/,
    );

    github.rateLimitNext(1, 'secondary', 7);
    const secondary = (await push.rest.repos
      .listReleases(base)
      .catch((e: unknown) => e)) as typeof primary;
    expect(secondary.status).toBe(403);
    expect(secondary.response.headers['retry-after']).toBe('7');
    expect(secondary.response.data.message).toBe(
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    );
  });

  it('is waited out by Octokit with the throttling and retry plugins', async () => {
    const seen: string[] = [];
    const Throttled = Octokit.plugin(retry, throttling);
    const octokit = new Throttled({
      auth: github.token(['contents:write']),
      baseUrl: github.url,
      log: { debug() {}, info() {}, warn() {}, error() {} },
      retry: { retryAfterBaseValue: 1 },
      throttle: {
        retryAfterBaseValue: 1,
        write: new Bottleneck.Group({ maxConcurrent: 10, minTime: 0 }),
        notifications: new Bottleneck.Group({ maxConcurrent: 10, minTime: 0 }),
        onRateLimit: (after: number) => Boolean(seen.push(`primary ${after}`)),
        onSecondaryRateLimit: (after: number) => Boolean(seen.push(`secondary ${after}`)),
      },
    });
    const base = repoOf('octo/throttled');
    github.rateLimitNext(1, 'secondary', 3);
    expect((await octokit.rest.repos.createRelease({ ...base, tag_name: 'v1' })).status).toBe(201);
    github.rateLimitNext(1, 'primary', 1);
    github.failNext(2, 503);
    const before = github.requests.length;
    expect((await octokit.rest.repos.listReleases(base)).data).toHaveLength(1);
    expect(seen[0]).toBe('secondary 3');
    expect(seen[1]).toMatch(/^primary [23]$/);
    expect(github.requests.slice(before).map((r) => r.status)).toEqual([403, 503, 503, 200]);
  });

  it('delays every answer by latencyMs', async () => {
    const slow = await startGitHub({ latencyMs: 60 });
    try {
      const started = performance.now();
      const answer = await fetch(`${slow.url}/repos/o/r/releases`, {
        headers: { authorization: `Bearer ${slow.token(['contents:read'])}` },
      });
      expect(answer.status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    } finally {
      await slow.close();
    }
  });
});

describe('eventual consistency and limits', () => {
  it('lists a new release only after its seeded lag; the create answer and GET by id have it', async () => {
    const base = repoOf('octo/lag');
    github.listingLag(400, 3);
    try {
      const { data: created } = await push.rest.repos.createRelease({
        ...base,
        tag_name: 'v1',
        draft: true,
      });
      const listedNow = await push.rest.repos.listReleases(base);
      expect(listedNow.data.map((r) => r.id)).not.toContain(created.id);
      expect((await push.rest.repos.getRelease({ ...base, release_id: created.id })).status).toBe(
        200,
      );
      await new Promise((r) => setTimeout(r, 450));
      const later = await push.rest.repos.listReleases(base);
      expect(later.data.map((r) => r.id)).toContain(created.id);
    } finally {
      github.listingLag(0);
    }
  });

  it('after a publish, lists the release as the draft it was, or not at all, until the lag ends', async () => {
    for (const view of ['draft', 'missing'] as const) {
      const base = repoOf(`octo/published-lag-${view}`);
      github.publishListingLag(400, 5, 400, view);
      try {
        const { data: draft } = await push.rest.repos.createRelease({
          ...base,
          tag_name: 'v1',
          draft: true,
        });
        await push.rest.repos.updateRelease({ ...base, release_id: draft.id, draft: false });
        const listed = (await push.rest.repos.listReleases(base)).data;
        if (view === 'draft')
          expect(listed.map((r) => [r.id, r.draft])).toEqual([[draft.id, true]]);
        else expect(listed).toEqual([]);
        // Without push access a stale draft is invisible like any draft.
        expect((await read.rest.repos.listReleases(base)).data).toEqual([]);
        // By id and by tag it is published already.
        const byId = await push.rest.repos.getRelease({ ...base, release_id: draft.id });
        expect(byId.data.draft).toBe(false);
        const byTag = await push.rest.repos.getReleaseByTag({ ...base, tag: 'v1' });
        expect(byTag.data.id).toBe(draft.id);
        await new Promise((r) => setTimeout(r, 450));
        const later = (await push.rest.repos.listReleases(base)).data;
        expect(later.map((r) => [r.id, r.draft])).toEqual([[draft.id, false]]);
      } finally {
        github.publishListingLag(0);
      }
    }
  });

  it('moves asset bytes at the link’s bandwidth, and a stalled link leaves the client waiting', async () => {
    const base = repoOf('octo/slow-link');
    const { data: release } = await push.rest.repos.createRelease({ ...base, tag_name: 'v1' });
    const bytes = randomBytes(2 * 1024 * 1024);
    github.bandwidth(4 * 1024 * 1024, { seed: 2, direction: 'upload' });
    try {
      const started = Date.now();
      await upload(push, release.upload_url, 'a.bin', bytes, bytes.length);
      // 2 MiB at 4 MiB/s (±20% per slice): about half a second, never loopback speed.
      expect(Date.now() - started).toBeGreaterThan(350);
      github.stallNext('upload', 512 * 1024);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 600);
      const stalled = await push
        .request({
          method: 'POST',
          url: release.upload_url,
          name: 'b.bin',
          data: bytes as unknown as string,
          headers: { 'content-type': 'application/octet-stream', 'content-length': bytes.length },
          request: { signal: controller.signal, retries: 0 },
        })
        .then(
          () => 'answered',
          () => 'gave up',
        );
      clearTimeout(timer);
      expect(stalled).toBe('gave up');
      const assets = (await push.rest.repos.listReleaseAssets({ ...base, release_id: release.id }))
        .data;
      expect(assets.map((a) => [a.name, a.state])).toEqual([
        ['a.bin', 'uploaded'],
        ['b.bin', 'open'],
      ]);
    } finally {
      github.bandwidth(0);
    }
  });

  it('refuses a body over 125,000 characters with GitHub’s 422', async () => {
    const base = repoOf('octo/long');
    const refused = await failure(
      push.rest.repos.createRelease({ ...base, tag_name: 'v1', body: 'x'.repeat(125_001) }),
    );
    expect(refused).toMatchObject({
      status: 422,
      data: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'Release',
            code: 'custom',
            field: 'body',
            message: 'body is too long (maximum is 125000 characters)',
          },
        ],
      },
    });
    const ok = await push.rest.repos.createRelease({
      ...base,
      tag_name: 'v1',
      body: 'x'.repeat(125_000),
    });
    expect(ok.status).toBe(201);
  });
});

describe('release fields', () => {
  it('fills body from generate_release_notes and tracks latest', async () => {
    const base = repoOf('octo/notes');
    const { data } = await push.rest.repos.createRelease({
      ...base,
      tag_name: 'v3',
      body: 'Intro',
      generate_release_notes: true,
    });
    expect(data.body).toMatch(/^Intro\n\n## What's Changed/);
    expect(data).toMatchObject({ name: 'v3', target_commitish: 'main', author: { type: 'Bot' } });
    await push.rest.repos.createRelease({ ...base, tag_name: 'v4-rc1', prerelease: true });
    await push.rest.repos.createRelease({ ...base, tag_name: 'v2', make_latest: 'false' });
    expect((await push.rest.repos.getLatestRelease(base)).data.tag_name).toBe('v3');
  });
});

describe("the action's release client", () => {
  it('downloads an asset and returns the size and sha256 of the bytes it wrote', async () => {
    const { createReleaseClient } = await import('../../src/github/releases-client.ts');
    const { retryPolicyFor } = await import('../../src/http/retry.ts');
    const { mkdtemp, readFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const bytes = randomBytes(3 * 1024 * 1024 + 7);
    const release = github.createRelease('octo/download', { tag_name: 'v1', draft: true });
    const asset = await github.uploadAsset('octo/download', release.id, 'a.whl', bytes);
    const releases = createReleaseClient({
      token: github.token(['contents:write']),
      apiUrl: github.url,
      repository: 'octo/download',
      policy: retryPolicyFor(10),
    });
    const dir = await mkdtemp(join(tmpdir(), 'download-'));
    try {
      const path = join(dir, 'a.whl');
      const digest = await releases.downloadAsset(asset, path);
      expect(digest).toEqual({ size: bytes.length, sha256: sha256(bytes) });
      expect(sha256(await readFile(path))).toBe(digest.sha256);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// Last, over every answer the tests above were given (tests in a file run in order).
describe("GitHub's description", () => {
  it('has every answer the stand-in gave above, on its host, with its status and shape', () => {
    expect(github.requests.length).toBeGreaterThan(50);
    expect(deviations('api.github.com', github.requests)).toEqual([]);
  });
});
