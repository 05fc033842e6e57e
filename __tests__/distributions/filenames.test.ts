import { describe, expect, it } from 'vitest';
import { DistributionError } from '../../src/errors.ts';
import {
  normalizeProjectName,
  parseDistributionFilename,
  parseSdistFilename,
  parseWheelFilename,
} from '../../src/distributions/filenames.ts';

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

  it('expands compressed tag sets and reads build tags', () => {
    const wheel = parseWheelFilename(
      'numpy-2.1.0-1-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
    );
    expect(wheel.build).toBe('1');
    expect(wheel.platformTags).toEqual(['manylinux_2_17_x86_64', 'manylinux2014_x86_64']);
    expect(parseWheelFilename('six-1.16.0-py2.py3-none-any.whl').pythonTags).toEqual([
      'py2',
      'py3',
    ]);
  });

  it.each([
    'demo-1.0-py3-none.whl',
    'demo-1.0-x-y-py3-none-any.whl',
    'demo-1.0-abc-py3-none-any.whl',
    'demo__x-1.0-py3-none-any.whl',
    'demo-notaversion-py3-none-any.whl',
    'demo-1.0-py3-none-an/y.whl',
    'demo-1.0-py3-none-any\n.whl',
    `${'a'.repeat(300)}-1.0-py3-none-any.whl`,
    'démo-1.0-py3-none-any.whl',
  ])('refuses %j', (name) => {
    expect(() => parseWheelFilename(name)).toThrow(DistributionError);
  });
});

describe('sdist filenames (PEP 625 and older)', () => {
  it.each([
    ['hatch_demo-0.1.0.tar.gz', 'hatch-demo', '0.1.0'],
    ['st-demo-1.0.tar.gz', 'st-demo', '1.0'],
    ['name-with-dashes-2.0rc1.tar.gz', 'name-with-dashes', '2.0rc1'],
  ])('parses %s', (filename, project, version) => {
    expect(parseSdistFilename(filename)).toMatchObject({ kind: 'sdist', project, version });
  });

  it.each(['demo-1.0.zip', 'demo-1.0.tar.bz2', 'demo.tar.gz', 'demo-x.tar.gz'])(
    'refuses %s',
    (name) => {
      expect(() => parseDistributionFilename(name)).toThrow(DistributionError);
    },
  );
});

it('normalizes names per PEP 503', () => {
  expect(normalizeProjectName('Foo.Bar__baz-Qux')).toBe('foo-bar-baz-qux');
});
