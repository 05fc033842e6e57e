/**
 * Asset downloads whose body breaks off after the answer began (a dead link, a reset) start
 * over with a fresh request, through GitHub's 302 to storage, and say why; bytes arrive whole.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createReleaseClient } from '../../src/github/releases-client.ts';
import { retryPolicyFor } from '../../src/http/retry.ts';
import { startGitHub, type GitHubSandbox } from '../../sandbox/github.ts';

const REPO = 'octo/downloads';
let github: GitHubSandbox;
let dir: string;

beforeAll(async () => {
  github = await startGitHub();
  dir = await mkdtemp(join(tmpdir(), 'download-retry-'));
});
afterAll(async () => {
  await github?.close();
  await rm(dir, { recursive: true, force: true });
});

it('downloads again from the start when the link goes dead mid-body, naming the timeout', async () => {
  const bytes = randomBytes(1024 * 1024);
  const release = github.createRelease(REPO, { tag_name: 'v1', draft: true });
  const asset = await github.uploadAsset(REPO, release.id, 'a.whl', bytes);
  const lines: string[] = [];
  const infos: string[] = [];
  const client = createReleaseClient({
    token: github.token(['contents:write']),
    apiUrl: github.url,
    uploadUrl: github.uploadUrl,
    repository: REPO,
    policy: retryPolicyFor(10, 300),
    log: (line) => infos.push(line),
    // The retry is one warning line: why, and what comes next.
    warn: (line) => lines.push(line),
  });
  github.stallNext('download', 256 * 1024);
  const path = join(dir, 'a.whl');
  const got = await client.downloadAsset({ id: asset.id, size: asset.size, name: 'a.whl' }, path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  expect(got).toEqual({ size: bytes.length, sha256 });
  expect(
    createHash('sha256')
      .update(await readFile(path))
      .digest('hex'),
  ).toBe(sha256);
  expect(lines).toEqual([
    expect.stringMatching(
      /^Download of asset \d+ \(a\.whl\) broke off \(timed out \(no data for 0\.3 s\)\); attempt 2 of 5 in [\d.]+ m?s\.$/,
    ),
  ]);
  expect(infos.filter((line) => /retry/.test(line))).toEqual([]);
  // Both attempts went API -> 302 -> storage.
  const redirects = github.requests.filter((r) => r.path.endsWith(`/assets/${asset.id}`));
  expect(redirects.map((r) => r.status)).toEqual([302, 302]);
});
