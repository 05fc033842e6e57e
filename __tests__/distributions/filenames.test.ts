import { describe, expect, it } from 'vitest';
import {
  canonicalVersion,
  isValidProjectName,
  normalizeProjectName,
  parseDistributionFilename,
  parseSdistFilename,
  parseWheelFilename,
  versionsEqual,
} from '../../src/distributions/filenames.ts';
import { DistributionError } from '../../src/core/errors.ts';

/** The thrown DistributionError, checked for the things every such error must carry. */
function refusal(run: () => unknown, subject: string): DistributionError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DistributionError);
  const error = caught as DistributionError;
  expect(error.subject).toBe(subject);
  expect(error.hint).toBeTruthy();
  expect(error.message).not.toMatch(/[\n\r]/);
  return error;
}

describe('project names (PEP 503)', () => {
  it.each([
    ['Foo.Bar__baz-Qux', 'foo-bar-baz-qux'],
    ['hatch_demo', 'hatch-demo'],
    ['A-_.-B', 'a-b'],
    ['already-normal', 'already-normal'],
  ])('normalizes %s to %s', (name, normalized) => {
    expect(normalizeProjectName(name)).toBe(normalized);
  });

  it.each(['a', 'A1', 'hatch-demo', 'Foo.Bar_baz', '0'])('accepts the name %j', (name) => {
    expect(isValidProjectName(name)).toBe(true);
  });

  it.each(['', '-a', 'a-', '_a', 'a.', 'a b', 'démo', 'a\n', 'a/b'])(
    'refuses the name %j',
    (name) => {
      expect(isValidProjectName(name)).toBe(false);
    },
  );
});

describe('versions (PEP 440)', () => {
  it.each([
    ['1.0', '1.0'],
    ['1.0RC1', '1.0rc1'],
    ['1.0-1', '1.0.post1'],
    ['v2.0', '2.0'],
    ['1!2.0.dev3', '1!2.0.dev3'],
    ['1.0+Local.7', '1.0+local.7'],
    ['1.0+ab-C_007', '1.0+ab.c.7'],
  ])('normalizes %s to %s', (version, canonical) => {
    expect(canonicalVersion(version)).toBe(canonical);
  });

  it('names the subject when a version is not PEP 440', () => {
    const error = refusal(() => canonicalVersion('1.0\n::error::x', 'demo.whl'), 'demo.whl');
    expect(error.message).toMatch(/^"demo\.whl": "1\.0\\n::error::x" is not a PEP 440 version\.$/);
  });

  it.each(['', 'latest', '1.0 ', ' 1.0', '1..0', '1.0+', '1.0.dev1.dev2'])(
    'refuses %j',
    (version) => {
      expect(() => canonicalVersion(version)).toThrow(DistributionError);
    },
  );

  it('compares by PEP 440 equality', () => {
    expect(versionsEqual('1.0', '1.0.0')).toBe(true);
    expect(versionsEqual('1.0rc1', '1.0RC1')).toBe(true);
    expect(versionsEqual('1.0', '1.0.post1')).toBe(false);
    expect(versionsEqual('1.0+abc', '1.0')).toBe(false);
    expect(versionsEqual('x', 'x')).toBe(false);
  });
});

describe('wheel filenames (PEP 427/491)', () => {
  it('parses a pure wheel', () => {
    expect(parseWheelFilename('hatch_demo-0.1.0-py3-none-any.whl')).toEqual({
      kind: 'wheel',
      filename: 'hatch_demo-0.1.0-py3-none-any.whl',
      name: 'hatch_demo',
      project: 'hatch-demo',
      version: '0.1.0',
      pythonTags: ['py3'],
      abiTags: ['none'],
      platformTags: ['any'],
    });
  });

  it('expands compressed tag sets and reads the build tag', () => {
    const wheel = parseWheelFilename(
      'numpy-2.1.0-1-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
    );
    expect(wheel).toMatchObject({ build: '1', pythonTags: ['cp311'], abiTags: ['cp311'] });
    expect(wheel.platformTags).toEqual(['manylinux_2_17_x86_64', 'manylinux2014_x86_64']);
    expect(parseWheelFilename('six-1.16.0-py2.py3-none-any.whl').pythonTags).toEqual([
      'py2',
      'py3',
    ]);
    expect(parseWheelFilename('demo-1.0-2abc-py3-none-any.whl').build).toBe('2abc');
  });

  it('keeps older spellings of the name part (dots, capitals)', () => {
    expect(parseWheelFilename('Zope.Interface-5.0-py3-none-any.whl').project).toBe(
      'zope-interface',
    );
  });

  it.each([
    ['demo-1.0-py3-none.whl', /4 dash-separated parts/],
    ['demo-1.0-x-y-py3-none-any.whl', /7 dash-separated parts/],
    ['demo-1.0-abc-py3-none-any.whl', /build tag "abc" must start with a digit/],
    ['demo__x-1.0-py3-none-any.whl', /name part "demo__x"/],
    ['_demo-1.0-py3-none-any.whl', /name part "_demo"/],
    ['demo-notaversion-py3-none-any.whl', /version "notaversion" is not PEP 440/],
    ['demo-1.0-py3-none-an/y.whl', /platform tag "an\/y" is malformed/],
    ['demo-1.0-py3..py2-none-any.whl', /python tag "py3\.\.py2" is malformed/],
    ['demo-1.0-py3-none-any\n.whl', /control characters/],
    ['demo-1.0-py3-none-any .whl', /blank/],
    [`${'a'.repeat(300)}-1.0-py3-none-any.whl`, /too long/],
    ['démo-1.0-py3-none-any.whl', /non-ASCII/],
    ['demo-1.0-py3-none-any.zip', /does not end in \.whl/],
  ])('refuses %j', (filename, message) => {
    expect(refusal(() => parseWheelFilename(filename), filename).message).toMatch(message);
  });
});

describe('sdist filenames (PEP 625 and the older dashed form)', () => {
  it.each([
    ['hatch_demo-0.1.0.tar.gz', 'hatch_demo', 'hatch-demo', '0.1.0'],
    ['st-demo-1.0.tar.gz', 'st-demo', 'st-demo', '1.0'],
    ['name-with-dashes-2.0rc1.tar.gz', 'name-with-dashes', 'name-with-dashes', '2.0rc1'],
    ['py-3-demo-4.tar.gz', 'py-3-demo', 'py-3-demo', '4'],
    ['Demo-1.0.post1.tar.gz', 'Demo', 'demo', '1.0.post1'],
  ])('parses %s', (filename, name, project, version) => {
    expect(parseSdistFilename(filename)).toEqual({
      kind: 'sdist',
      filename,
      name,
      project,
      version,
    });
  });

  it.each([
    ['demo.tar.gz', /does not split/],
    ['demo-x.tar.gz', /does not split/],
    ['-1.0.tar.gz', /does not split/],
    ['demo-1.0.tgz', /only accepts sdists as \.tar\.gz/],
  ])('refuses %j', (filename, message) => {
    expect(refusal(() => parseSdistFilename(filename), filename).message).toMatch(message);
  });
});

describe('parseDistributionFilename', () => {
  it('dispatches on the extension', () => {
    expect(parseDistributionFilename('demo-1.0-py3-none-any.whl').kind).toBe('wheel');
    expect(parseDistributionFilename('demo-1.0.tar.gz').kind).toBe('sdist');
  });

  it.each(['demo-1.0.zip', 'demo-1.0.tar.bz2', 'demo-1.0.tar.xz', 'demo-1.0.TAR'])(
    'says PyPI only accepts .tar.gz sdists for %s',
    (filename) => {
      const error = refusal(() => parseDistributionFilename(filename), filename);
      expect(error.message).toMatch(/PyPI only accepts sdists as \.tar\.gz/);
    },
  );

  it('says eggs are no longer accepted', () => {
    const error = refusal(
      () => parseDistributionFilename('demo-1.0-py3.11.egg'),
      'demo-1.0-py3.11.egg',
    );
    expect(error.message).toMatch(/no longer accepts eggs, only wheels and \.tar\.gz sdists/);
  });

  it('refuses anything else', () => {
    expect(refusal(() => parseDistributionFilename('README.md'), 'README.md').message).toMatch(
      /only wheels \(\.whl\) and sdists \(\.tar\.gz\)/,
    );
  });
});
