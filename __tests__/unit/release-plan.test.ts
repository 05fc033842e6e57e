import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Release, ReleaseAsset } from '../../src/github/release-types.ts';
import {
  chooseDraft,
  digestHex,
  isDistribution,
  isReleaseFile,
  planAsset,
  sha256sumsText,
  type LocalAsset,
} from '../../src/release/plan.ts';

const release = (id: number, tag: string, draft: boolean): Release => ({
  id,
  tag_name: tag,
  name: null,
  draft,
  prerelease: false,
  html_url: `https://github.com/o/r/releases/${id}`,
  upload_url: `https://uploads.github.com/repos/o/r/releases/${id}/assets{?name,label}`,
});

const HEX_A = 'a'.repeat(64);
const HEX_B = 'b'.repeat(64);
const local: LocalAsset = {
  name: 'p-1.0.tar.gz',
  path: '/w/dist/p-1.0.tar.gz',
  size: 3,
  sha256: HEX_A,
};
const asset = (over: Partial<ReleaseAsset> = {}): ReleaseAsset => ({
  id: 7,
  name: local.name,
  state: 'uploaded',
  size: 3,
  digest: `sha256:${HEX_A}`,
  content_type: 'application/gzip',
  browser_download_url: 'https://github.com/o/r/releases/download/v1/p-1.0.tar.gz',
  ...over,
});

describe('chooseDraft: every job picks the same draft', () => {
  it("the lowest id among the tag's drafts; the other drafts are extras; other tags ignored", () => {
    const releases = [
      release(30, 'v1', true),
      release(12, 'v1', true),
      release(5, 'v0', true),
      release(20, 'v1', true),
    ];
    const { draft, extras, published } = chooseDraft(releases, 'v1');
    expect(draft?.id).toBe(12);
    expect(extras.map((r) => r.id)).toEqual([20, 30]);
    expect(published).toBeUndefined();
  });

  it('reports the published release for the tag, and no draft when there is none', () => {
    const choice = chooseDraft([release(3, 'v1', false), release(4, 'v2', true)], 'v1');
    expect(choice).toEqual({ extras: [], published: release(3, 'v1', false) });
  });

  it('is the same whatever order GitHub lists them in', () => {
    const releases = [release(9, 'v1', true), release(2, 'v1', true), release(5, 'v1', true)];
    expect(chooseDraft([...releases].reverse(), 'v1')).toEqual(chooseDraft(releases, 'v1'));
  });
});

describe('digestHex', () => {
  it.each([
    [`sha256:${HEX_A}`, HEX_A],
    [`SHA256:${'A'.repeat(64)}`, HEX_A],
    [null, undefined],
    ['', undefined],
    [`sha512:${HEX_A}`, undefined],
    [`sha256:${HEX_A.slice(1)}`, undefined],
    [`sha256:${HEX_A}\n`, undefined],
  ])('%j -> %s', (digest, hex) => {
    expect(digestHex({ digest })).toBe(hex);
  });
});

describe('planAsset: what each local file needs', () => {
  it('uploads a file the release does not have', () => {
    expect(planAsset(local, undefined, false)).toEqual({ kind: 'upload', local });
  });

  it.each(['starter', 'open'])('restarts an asset left %s by a broken upload', (state) => {
    expect(planAsset(local, asset({ state }), false).kind).toBe('restart');
  });

  it('skips an identical file; a different one is a conflict, or replaced with overwrite', () => {
    expect(planAsset(local, asset(), false).kind).toBe('skip');
    const other = asset({ digest: `sha256:${HEX_B}` });
    expect(planAsset(local, other, false)).toMatchObject({ kind: 'conflict', remoteSha256: HEX_B });
    expect(planAsset(local, other, true)).toMatchObject({ kind: 'replace', remoteSha256: HEX_B });
  });

  it('uses the digest the caller hashed when GitHub reported none', () => {
    expect(planAsset(local, asset({ digest: null }), false, HEX_A).kind).toBe('skip');
    expect(planAsset(local, asset({ digest: null }), false, HEX_B).kind).toBe('conflict');
  });

  it("GitHub's digest wins over a caller's", () => {
    expect(planAsset(local, asset(), false, HEX_B).kind).toBe('skip');
  });

  it('fails closed when no digest is known for an uploaded asset', () => {
    expect(() => planAsset(local, asset({ digest: null }), true)).toThrow(/no digest known/);
  });
});

describe('sha256sumsText', () => {
  it('is what sha256sum writes for the files, sorted by name byte order, and sha256sum -c accepts it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sums-'));
    try {
      const names = [
        'b-1.0.tar.gz',
        'B-1.0-py3-none-any.whl',
        'a_b-1.0-cp311-abi3-win_amd64.whl',
        'a-1.0.tar.gz',
      ];
      const entries = [];
      for (const [i, name] of names.entries()) {
        const bytes = Buffer.from(`file ${i}\n`.repeat(i + 1));
        await writeFile(join(dir, name), bytes);
        entries.push({ name, sha256: createHash('sha256').update(bytes).digest('hex') });
      }
      const text = sha256sumsText(entries);
      const sorted = [...names].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
      expect(text).toBe(
        execFileSync('sha256sum', ['--', ...sorted], { cwd: dir, encoding: 'utf8' }),
      );
      await writeFile(join(dir, 'SHA256SUMS'), text);
      expect(
        execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' }),
      ).toBe(sorted.map((n) => `${n}: OK\n`).join(''));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is empty for no files', () => {
    expect(sha256sumsText([])).toBe('');
  });
});

describe('which files the release step takes', () => {
  it.each([
    ['p-1.0-py3-none-any.whl', true, true],
    ['p-1.0.tar.gz', true, true],
    ['p-1.0.intoto.jsonl', false, true],
    ['p-1.0.tar.gz.asc', false, true],
    ['p-1.0.zip', false, false],
    ['SHA256SUMS', false, false],
    ['p-1.0.whl.sig', false, false],
  ])('%s: distribution %s, release file %s', (name, distribution, releaseFile) => {
    expect(isDistribution(name)).toBe(distribution);
    expect(isReleaseFile(name)).toBe(releaseFile);
  });
});
