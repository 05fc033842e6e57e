import { describe, expect, it } from 'vitest';
import { latestAttempts, newestPerName } from '../../src/custody/attempts.ts';
import { MANIFEST_MEDIA_TYPE, type Manifest } from '../../src/custody/manifest.ts';
import type { StoredArtifact } from '../../src/github/artifacts.ts';

const HEX = 'a'.repeat(64);

function item(id: number, attempt: string, files: string[], uploader = `job-${id}`) {
  const artifact: StoredArtifact = { id, name: `dists-${id}`, size: 1, uploaderJobId: uploader };
  const manifest: Manifest = {
    mediaType: MANIFEST_MEDIA_TYPE,
    project: 'demo',
    name: 'demo',
    version: '1.0',
    producer: {
      repository: 'o/r',
      runId: '1',
      runAttempt: attempt,
      job: 'build',
      sha: 's',
      ref: 'r',
    },
    files: files.map((filename) => ({
      filename,
      kind: 'wheel' as const,
      size: 1,
      sha256: HEX,
      blake2b256: HEX,
      metadataVersion: '2.1',
      tags: { python: [], abi: [], platform: [] },
    })),
  };
  return { artifact, manifest };
}

describe('which artifact of a build job counts across attempts', () => {
  it('keeps the latest attempt per build job (its exact files) and names the rest', () => {
    const items = [item(1, '1', ['a.whl']), item(2, '1', ['b.whl']), item(3, '2', ['b.whl'])];
    const { kept, ignored } = latestAttempts(items, 2);
    expect(kept.map((k) => k.artifact.id).sort()).toEqual([1, 3]);
    expect(ignored).toEqual([expect.objectContaining({ name: 'dists-2', attempt: 1 })]);
    expect(ignored[0]?.reason).toContain('superseded by "dists-3" (attempt 2)');
  });

  it('in a first attempt nothing supersedes anything', () => {
    const items = [item(1, '1', ['a.whl']), item(2, '2', ['a.whl'])];
    expect(() => latestAttempts(items, 1)).toThrow(/this job runs in attempt 1/);
  });

  it('refuses attempts that go down in upload order, or one uploader for two attempts', () => {
    expect(() => latestAttempts([item(1, '2', ['a.whl']), item(2, '1', ['b.whl'])], 2)).toThrow(
      /records an earlier attempt/,
    );
    expect(() =>
      latestAttempts([item(1, '1', ['a.whl'], 'same'), item(2, '2', ['a.whl'], 'same')], 2),
    ).toThrow(/same uploading job/);
    expect(() => latestAttempts([item(1, 'x', ['a.whl'])], 2)).toThrow(/records run attempt "x"/);
  });

  it('same-attempt artifacts of the same files are both kept (the merge decides)', () => {
    const { kept, ignored } = latestAttempts([item(1, '1', ['a.whl']), item(2, '1', ['a.whl'])], 1);
    expect(kept).toHaveLength(2);
    expect(ignored).toEqual([]);
  });

  it('of same-named artifacts the newest counts, before any download', () => {
    const a = { id: 5, name: 'dists-linux', size: 1 };
    const b = { id: 9, name: 'dists-linux', size: 1 };
    const c = { id: 7, name: 'dists-mac', size: 1 };
    const { newest, ignored } = newestPerName([a, b, c]);
    expect(newest.map((x) => x.id).sort()).toEqual([7, 9]);
    expect(ignored.map((x) => x.id)).toEqual([5]);
  });
});
