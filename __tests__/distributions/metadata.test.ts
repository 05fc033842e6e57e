import { describe, expect, it } from 'vitest';
import { DistributionError } from '../../src/errors.ts';
import { parseCoreMetadata } from '../../src/distributions/metadata.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('parseCoreMetadata', () => {
  it('reads headers, multi-use fields, continuation lines and the body', () => {
    const metadata = parseCoreMetadata(
      bytes(
        'Metadata-Version: 2.4\r\nName: demo\r\nVersion: 1.0\r\nClassifier: A\r\nClassifier: B\r\nLicense: MIT\r\n  and more\r\n\r\n# Title\r\nbody\r\n',
      ),
      'demo.whl',
    );
    expect(metadata).toMatchObject({ metadataVersion: '2.4', name: 'demo', version: '1.0' });
    expect(metadata.fields.get('classifier')).toEqual(['A', 'B']);
    expect(metadata.fields.get('license')).toEqual(['MIT\nand more']);
    expect(metadata.body).toBe('# Title\nbody\n');
  });

  it.each([
    ['bad UTF-8', new Uint8Array([0x4d, 0x65, 0xff, 0x0a])],
    ['no Name', bytes('Metadata-Version: 2.1\nVersion: 1.0\n')],
    ['duplicate Name', bytes('Metadata-Version: 2.1\nName: a\nName: b\nVersion: 1\n')],
    ['unknown Metadata-Version', bytes('Metadata-Version: 9.9\nName: a\nVersion: 1\n')],
    ['NUL byte', bytes('Metadata-Version: 2.1\nName: a\0\nVersion: 1\n')],
    ['leading continuation', bytes(' x\nName: a\n')],
    ['not a header', bytes('Metadata-Version: 2.1\nthis is not a header\n')],
  ])('refuses %s', (_why, input) => {
    expect(() => parseCoreMetadata(input, 'demo.whl')).toThrow(DistributionError);
  });
});
