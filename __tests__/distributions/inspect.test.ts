import { readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConsistency, inspectDistribution } from '../../src/distributions/inspect.ts';
import { DistributionError } from '../../src/core/errors.ts';
import { metadataText, writeSdist, writeTar, writeWheel } from '../../fixtures/archives.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'dists');
const HATCH = [
  'hatch_demo-0.1.0-py3-none-any.whl',
  'hatch_demo-0.1.0-1-py3-none-any.whl',
  'hatch_demo-0.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
  'hatch_demo-0.1.0.tar.gz',
];
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inspect-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const fixture = (name: string) => inspectDistribution(join(FIXTURES, name));
let counter = 0;
/** A fresh folder holding one file written by `make` under `filename`. */
async function made(filename: string, make: (path: string) => Promise<void>) {
  const folder = join(dir, String(++counter));
  await mkdir(folder);
  const path = join(folder, filename);
  await make(path);
  return path;
}

async function refusal(promise: Promise<unknown>): Promise<DistributionError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DistributionError);
  expect((error as DistributionError).hint).toBeTruthy();
  expect((error as DistributionError).message).not.toMatch(/[\n\r]/);
  return error as DistributionError;
}

describe('real distributions from hatchling, flit and setuptools', () => {
  const files = readdirSync(FIXTURES);

  it('has all six backends x kinds plus the platform and build-tag wheels, each small', () => {
    expect(files.sort()).toEqual(
      [
        'flit_demo-2.0-py2.py3-none-any.whl',
        'flit_demo-2.0.tar.gz',
        ...HATCH.slice().sort(),
        'st-demo-1.0.tar.gz',
        'st_demo-1.0-py3-none-any.whl',
      ].sort(),
    );
    for (const file of files) expect(statSync(join(FIXTURES, file)).size).toBeLessThan(10_000);
  });

  it.each([
    ['hatch_demo-0.1.0-py3-none-any.whl', 'hatch-demo', '0.1.0', 'wheel'],
    ['hatch_demo-0.1.0.tar.gz', 'hatch-demo', '0.1.0', 'sdist'],
    ['flit_demo-2.0-py2.py3-none-any.whl', 'flit_demo', '2.0', 'wheel'],
    ['flit_demo-2.0.tar.gz', 'flit_demo', '2.0', 'sdist'],
    ['st_demo-1.0-py3-none-any.whl', 'st-demo', '1.0', 'wheel'],
    ['st-demo-1.0.tar.gz', 'st-demo', '1.0', 'sdist'],
  ])('inspects %s', async (file, name, version, kind) => {
    const dist = await fixture(file);
    expect(dist).toMatchObject({ path: join(FIXTURES, file), parsed: { kind, filename: file } });
    expect(dist.metadata).toMatchObject({ name, version });
    expect(dist.metadata.metadataVersion).toMatch(/^\d\.\d$/);
  });

  it('reads the long description and multi-use fields of a real METADATA', async () => {
    const { metadata } = await fixture('hatch_demo-0.1.0-py3-none-any.whl');
    expect(metadata.body).toContain('# hatch-demo');
    expect(metadata.fields.get('requires-dist')).toEqual(['packaging>=21']);
    expect(metadata.fields.get('project-url')).toEqual([
      'Source, https://github.com/octo-org/octo-repo',
    ]);
  });

  it('reads the platform and build-tag wheel names', async () => {
    const platform = await fixture(HATCH[2] as string);
    expect(platform.parsed).toMatchObject({
      pythonTags: ['cp311'],
      platformTags: ['manylinux_2_17_x86_64', 'manylinux2014_x86_64'],
    });
    expect((await fixture(HATCH[1] as string)).parsed).toMatchObject({ build: '1' });
  });
});

describe('inspectDistribution checks that the filename and the metadata agree', () => {
  it('refuses another project in the metadata', async () => {
    const path = await made('demo-1.0-py3-none-any.whl', (p) =>
      writeWheel(p, 'demo', '1.0', { metadata: metadataText('other', '1.0') }),
    );
    const error = await refusal(inspectDistribution(path));
    expect(error.message).toBe(
      '"demo-1.0-py3-none-any.whl": the filename says project "demo", its metadata says "other".',
    );
    expect(error.subject).toBe('demo-1.0-py3-none-any.whl');
  });

  it('refuses another version in the metadata (sdist)', async () => {
    const path = await made('demo-1.0.tar.gz', (p) =>
      writeSdist(p, 'demo', '1.0', [], metadataText('demo', '1.1')),
    );
    expect((await refusal(inspectDistribution(path))).message).toMatch(
      /the filename says version "1\.0", its metadata says "1\.1"/,
    );
  });

  it('refuses an invalid metadata Name, quoted', async () => {
    const path = await made('demo-1.0-py3-none-any.whl', (p) =>
      writeWheel(p, 'demo', '1.0', { metadata: metadataText('demo ', '1.0') }),
    );
    expect((await refusal(inspectDistribution(path))).message).toMatch(
      /its metadata Name "demo " is not a valid project name/,
    );
  });

  it('refuses a metadata Version that is not PEP 440', async () => {
    const path = await made('demo-1.0.tar.gz', (p) =>
      writeSdist(p, 'demo', '1.0', [], metadataText('demo', 'one')),
    );
    expect((await refusal(inspectDistribution(path))).message).toMatch(/"one" is not a PEP 440/);
  });

  it('accepts names and versions that are equal after normalization', async () => {
    // The top folder is spelled as the filename is (PyPI and pip find PKG-INFO by it).
    const path = await made('Demo.Pkg-1.0.0.tar.gz', (p) =>
      writeTar(p, [{ name: 'Demo.Pkg-1.0.0/PKG-INFO', data: metadataText('demo_pkg', '1.0') }]),
    );
    const dist = await inspectDistribution(path);
    expect(dist.parsed.project).toBe('demo-pkg');
    expect(dist.metadata.name).toBe('demo_pkg');
  });

  it('refuses a bad filename before opening the file', async () => {
    const error = await refusal(inspectDistribution(join(dir, 'missing-1.0.zip')));
    expect(error.message).toMatch(/PyPI only accepts sdists as \.tar\.gz/);
  });
});

describe('checkConsistency', () => {
  const hatch = () => Promise.all(HATCH.map(fixture));

  it('returns the release of one project version', async () => {
    const list = await hatch();
    const identity = { project: 'hatch-demo', name: 'hatch-demo', version: '0.1.0' };
    expect(checkConsistency(list)).toEqual(identity);
    for (const expected of ['0.1.0', 'v0.1.0', 'V0.1.0', '0.1', '0.1.0.0'])
      expect(checkConsistency(list, expected)).toEqual(identity);
  });

  it('refuses another expected-version, and one that is not PEP 440', async () => {
    const list = await hatch();
    const wrong = await refusal(Promise.resolve().then(() => checkConsistency(list, 'v0.2.0')));
    expect(wrong.message).toBe('The files carry version 0.1.0, but expected-version is "v0.2.0".');
    expect(wrong.subject).toBe('expected-version');
    const invalid = await refusal(Promise.resolve().then(() => checkConsistency(list, 'main')));
    expect(invalid.message).toMatch(/^"expected-version": "main" is not a PEP 440 version/);
  });

  it('refuses two projects, listing the files of each', async () => {
    const list = [...(await hatch()), await fixture('flit_demo-2.0.tar.gz')];
    const error = await refusal(Promise.resolve().then(() => checkConsistency(list)));
    expect(error.message).toBe(
      'The files belong to 2 different releases: hatch-demo 0.1.0 ("hatch_demo-0.1.0-py3-none-any.whl", ' +
        '"hatch_demo-0.1.0-1-py3-none-any.whl", "hatch_demo-0.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", ' +
        '"hatch_demo-0.1.0.tar.gz"); flit-demo 2.0 ("flit_demo-2.0.tar.gz").',
    );
  });

  it('refuses two versions of one project', async () => {
    const path = await made('hatch_demo-0.2.0-py3-none-any.whl', (p) =>
      writeWheel(p, 'hatch_demo', '0.2.0'),
    );
    const list = [await fixture(HATCH[0] as string), await inspectDistribution(path)];
    expect(() => checkConsistency(list)).toThrow(
      /2 different releases: hatch-demo 0\.1\.0 .*; hatch-demo 0\.2\.0/,
    );
  });

  it('treats PEP 440-equal versions as one release', async () => {
    const wheel = await made('demo-1.0.0-py3-none-any.whl', (p) => writeWheel(p, 'demo', '1.0.0'));
    const sdist = await made('demo-1.0.tar.gz', (p) => writeSdist(p, 'demo', '1.0'));
    const list = await Promise.all([wheel, sdist].map(inspectDistribution));
    expect(checkConsistency(list, '1')).toMatchObject({ project: 'demo', version: '1.0.0' });
  });

  it('refuses a second sdist', async () => {
    const sdist = await fixture('st-demo-1.0.tar.gz');
    const other = join(dir, 'st_demo-1.0.tar.gz');
    await writeSdist(other, 'st_demo', '1.0', [], metadataText('st-demo', '1.0'));
    const list = [sdist, await inspectDistribution(other)];
    expect(() => checkConsistency(list)).toThrow(
      'More than one sdist: "st-demo-1.0.tar.gz", "st_demo-1.0.tar.gz".',
    );
  });

  it('refuses an empty list', () => {
    expect(() => checkConsistency([])).toThrow(DistributionError);
  });
});
