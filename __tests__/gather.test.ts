import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestFile } from '../src/digests/digest.ts';
import { ChainOfCustodyError, DistributionError } from '../src/core/errors.ts';
import { checkAgainstManifests, globToRegExp, type LoadedManifest } from '../src/custody/gather.ts';
import { MANIFEST_MEDIA_TYPE, type Manifest } from '../src/custody/manifest.ts';

let dir: string;
let wheel: string;
let sdist: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gather-'));
  wheel = join(dir, 'demo-1.0-py3-none-any.whl');
  sdist = join(dir, 'demo-1.0.tar.gz');
  await writeFile(wheel, 'wheel bytes');
  await writeFile(sdist, 'sdist bytes');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function manifestFor(
  source: string,
  paths: string[],
  over: Partial<Manifest> = {},
): Promise<LoadedManifest> {
  const files = await Promise.all(
    paths.map(async (path) => ({
      filename: path.split('/').pop() as string,
      kind: path.endsWith('.whl') ? ('wheel' as const) : ('sdist' as const),
      metadataVersion: '2.1',
      tags: { python: [], abi: [], platform: [] },
      ...(await digestFile(path)),
    })),
  );
  const manifest: Manifest = {
    mediaType: MANIFEST_MEDIA_TYPE,
    project: 'demo',
    name: 'demo',
    version: '1.0',
    producer: { repository: 'o/r', runId: '1', runAttempt: '1', job: 'b', sha: 's', ref: 'r' },
    files,
    ...over,
  };
  return { source, manifest };
}

describe('checkAgainstManifests', () => {
  it('accepts files matching their manifests, identical duplicates once', async () => {
    const a = await manifestFor('a', [wheel]);
    const b = await manifestFor('b', [wheel, sdist]);
    const gathered = await checkAgainstManifests([wheel, sdist], [a, b]);
    expect(gathered.files.map((f) => f.filename)).toEqual([
      'demo-1.0-py3-none-any.whl',
      'demo-1.0.tar.gz',
    ]);
  });

  it('names the file and both digests when bytes differ', async () => {
    const m = await manifestFor('m', [wheel]);
    const recorded = m.manifest.files[0]?.sha256 as string;
    await writeFile(wheel, 'tampered bytes');
    try {
      const error = await checkAgainstManifests([wheel], [m]).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ChainOfCustodyError);
      expect((error as Error).message).toContain('demo-1.0-py3-none-any.whl');
      expect((error as Error).message).toContain(recorded);
      expect((error as Error).message).toContain((await digestFile(wheel)).sha256);
    } finally {
      await writeFile(wheel, 'wheel bytes');
    }
  });

  it('refuses a file not in any manifest and a manifest entry with no file', async () => {
    const onlyWheel = await manifestFor('m', [wheel]);
    await expect(checkAgainstManifests([wheel, sdist], [onlyWheel])).rejects.toThrow(
      /not listed in any manifest/,
    );
    const both = await manifestFor('m', [wheel, sdist]);
    await expect(checkAgainstManifests([wheel], [both])).rejects.toThrow(/the file is missing/);
  });

  it('refuses one filename with two digests across jobs, and two releases', async () => {
    const a = await manifestFor('a', [wheel]);
    const b = await manifestFor('b', [wheel]);
    (b.manifest.files[0] as { sha256: string }).sha256 = 'f'.repeat(64);
    await expect(checkAgainstManifests([wheel], [a, b])).rejects.toThrow(
      /built twice with different contents/,
    );
    const other = await manifestFor('c', [sdist], { version: '2.0' });
    await expect(checkAgainstManifests([wheel, sdist], [a, other])).rejects.toThrow(
      DistributionError,
    );
    await expect(checkAgainstManifests([wheel], [])).rejects.toThrow(/No manifest/);
  });
});

it('matches artifact patterns', () => {
  expect(globToRegExp('release-dists-*').test('release-dists-build-abc')).toBe(true);
  expect(globToRegExp('release-dists-*').test('other')).toBe(false);
  expect(globToRegExp('a.b?').test('a.bc')).toBe(true);
  expect(globToRegExp('a.b?').test('axbc')).toBe(false);
});

describe('checkAttribution', () => {
  it('refuses an artifact the service names no uploading job for, instead of skipping the check', async () => {
    const { manifest } = await manifestFor('a', [wheel]);
    const { checkAttribution } = await import('../src/custody/gather.ts');
    expect(() =>
      checkAttribution({ id: 1, name: 'release-action-dists-x', size: 1 }, manifest),
    ).toThrow(/Could not establish which job uploaded workflow artifact "release-action-dists-x"/);
  });
});

describe('gatherFromArtifacts', () => {
  it.each(['..', '.', 'dists\u202egpj', 'a/b', 'x\ty'])(
    'refuses an artifact listed as %j before downloading or emptying anything',
    async (name) => {
      const { gatherFromArtifacts } = await import('../src/custody/gather.ts');
      const root = await mkdtemp(join(tmpdir(), 'gather-root-'));
      const downloads = join(root, 'downloads');
      const earlier = join(root, 'earlier-step.txt');
      await writeFile(earlier, 'kept');
      const downloaded: string[] = [];
      const store = {
        upload: () => Promise.reject(new Error('not used')),
        list: () => Promise.resolve([{ id: 7, name, size: 1 }]),
        download: (artifact: { name: string }) => {
          downloaded.push(artifact.name);
          return Promise.resolve();
        },
      };
      try {
        const error = await gatherFromArtifacts(
          store,
          '*',
          downloads,
          join(root, 'out'),
          '1',
        ).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ChainOfCustodyError);
        expect((error as Error).message).toMatch(/cannot be a folder name/);
        expect(downloaded).toEqual([]);
        expect(readFileSync(earlier, 'utf8')).toBe('kept');
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
  );
});
