import { describe, expect, it } from 'vitest';
import { ChainOfCustodyError } from '../src/core/errors.ts';
import {
  MANIFEST_MEDIA_TYPE,
  parseManifest,
  serializeManifest,
  sha256sumLines,
  type Manifest,
} from '../src/custody/manifest.ts';

const hex = (c: string): string => c.repeat(64);
const manifest: Manifest = {
  mediaType: MANIFEST_MEDIA_TYPE,
  project: 'demo',
  name: 'demo',
  version: '1.0',
  producer: {
    repository: 'o/r',
    runId: '1',
    runAttempt: '1',
    job: 'b',
    sha: 'abc',
    ref: 'refs/tags/v1.0',
  },
  files: [
    {
      filename: 'demo-1.0.tar.gz',
      kind: 'sdist',
      size: 3,
      sha256: hex('b'),
      blake2b256: hex('c'),
      metadataVersion: '2.4',
      tags: { python: [], abi: [], platform: [] },
    },
    {
      filename: 'demo-1.0-py3-none-any.whl',
      kind: 'wheel',
      size: 2,
      sha256: hex('a'),
      blake2b256: hex('d'),
      metadataVersion: '2.4',
      tags: { python: ['py3'], abi: ['none'], platform: ['any'] },
    },
  ],
};

describe('manifest', () => {
  it('round-trips and sorts files by name', () => {
    const text = serializeManifest(manifest);
    const parsed = parseManifest(text, 'm.json');
    expect(parsed.files.map((f) => f.filename)).toEqual([
      'demo-1.0-py3-none-any.whl',
      'demo-1.0.tar.gz',
    ]);
    expect(serializeManifest(parsed)).toBe(text);
  });

  it.each([
    ['not json', '{'],
    ['wrong media type', JSON.stringify({ ...manifest, mediaType: 'x' })],
    ['no files', JSON.stringify({ ...manifest, files: [] })],
    [
      'bad digest',
      JSON.stringify({ ...manifest, files: [{ ...manifest.files[0], sha256: 'zz' }] }),
    ],
    [
      'path in filename',
      JSON.stringify({ ...manifest, files: [{ ...manifest.files[0], filename: '../x.whl' }] }),
    ],
    [
      'duplicate file',
      JSON.stringify({ ...manifest, files: [manifest.files[0], manifest.files[0]] }),
    ],
    ['negative size', JSON.stringify({ ...manifest, files: [{ ...manifest.files[0], size: -1 }] })],
  ])('refuses a manifest with %s', (_why, text) => {
    expect(() => parseManifest(text, 'm.json')).toThrow(ChainOfCustodyError);
  });

  it('writes sha256sum lines', () => {
    expect(sha256sumLines(manifest.files)).toBe(
      `${hex('b')}  demo-1.0.tar.gz\n${hex('a')}  demo-1.0-py3-none-any.whl\n`,
    );
  });
});
