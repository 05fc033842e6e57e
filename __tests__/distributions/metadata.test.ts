import { describe, expect, it } from 'vitest';
import {
  KNOWN_METADATA_VERSIONS,
  parseCoreMetadata,
  SINGLE_USE_FIELDS,
} from '../../src/distributions/metadata.ts';
import { DistributionError } from '../../src/core/errors.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const HEAD = 'Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n';

function refusal(input: Uint8Array | string): DistributionError {
  let caught: unknown;
  try {
    parseCoreMetadata(input, 'demo-1.0.tar.gz');
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(DistributionError);
  const error = caught as DistributionError;
  expect(error.message).toMatch(/^"demo-1\.0\.tar\.gz" has invalid core metadata: /);
  expect(error.message).not.toMatch(/[\n\r]/);
  expect(error.subject).toBe('demo-1.0.tar.gz');
  expect(error.hint).toMatch(/core-metadata/);
  return error;
}

describe('parseCoreMetadata', () => {
  it('reads the required fields, multi-use fields in order, and the body', () => {
    const metadata = parseCoreMetadata(
      bytes(`${HEAD}Classifier: A\nClassifier: B\nRequires-Dist: x>=1\n\n# Title\nbody\n`),
      'demo.whl',
    );
    expect(metadata).toMatchObject({ metadataVersion: '2.1', name: 'demo', version: '1.0' });
    expect(metadata.fields.get('classifier')).toEqual(['A', 'B']);
    expect(metadata.fields.get('requires-dist')).toEqual(['x>=1']);
    expect(metadata.body).toBe('# Title\nbody\n');
  });

  it('treats header names case-insensitively and stores them lowercased', () => {
    const metadata = parseCoreMetadata('METADATA-VERSION: 2.4\nname: demo\nVERSION: 1.0\n', 's');
    expect(metadata).toMatchObject({ metadataVersion: '2.4', name: 'demo', version: '1.0' });
    expect([...metadata.fields.keys()]).toEqual(['metadata-version', 'name', 'version']);
  });

  it('keeps folded continuation lines as compat32 does', () => {
    const metadata = parseCoreMetadata(`${HEAD}License: MIT\n  and more\n\tlast\n`, 's');
    expect(metadata.fields.get('license')).toEqual(['MIT\n  and more\n\tlast']);
  });

  it('accepts CRLF line endings', () => {
    const metadata = parseCoreMetadata(bytes(HEAD.replace(/\n/g, '\r\n') + '\r\nbody\r\n'), 's');
    expect(metadata).toMatchObject({ name: 'demo', version: '1.0', body: 'body\n' });
  });

  it('strips only leading blanks from values and keeps empty ones', () => {
    const metadata = parseCoreMetadata(`${HEAD}Summary:\nKeywords:   a,b\n`, 's');
    expect(metadata.fields.get('summary')).toEqual(['']);
    expect(metadata.fields.get('keywords')).toEqual(['a,b']);
  });

  it('has no body when nothing follows the blank line', () => {
    expect(parseCoreMetadata(`${HEAD}\n`, 's').body).toBeUndefined();
    expect(parseCoreMetadata(HEAD, 's').body).toBeUndefined();
  });

  it('accepts a Description field when there is no body', () => {
    const metadata = parseCoreMetadata(`${HEAD}Description: short\n        more\n`, 's');
    expect(metadata.fields.get('description')).toEqual(['short\n        more']);
  });

  it.each(KNOWN_METADATA_VERSIONS)('knows Metadata-Version %s', (version) => {
    const text = HEAD.replace('2.1', version);
    expect(parseCoreMetadata(text, 's').metadataVersion).toBe(version);
  });

  it('reads real UTF-8', () => {
    const metadata = parseCoreMetadata(bytes(`${HEAD}Author: Zoë Łukasz 山田\n`), 's');
    expect(metadata.fields.get('author')).toEqual(['Zoë Łukasz 山田']);
  });
});

describe('parseCoreMetadata refuses', () => {
  it('invalid UTF-8', () => {
    expect(refusal(new Uint8Array([...bytes(HEAD), 0x41, 0xff, 0x0a])).message).toMatch(
      /not valid UTF-8/,
    );
  });

  it('a NUL byte', () => {
    expect(refusal(bytes(`${HEAD}Summary: a\0b\n`)).message).toMatch(/NUL byte/);
  });

  it('a byte order mark', () => {
    expect(refusal(bytes(`\uFEFF${HEAD}`)).message).toMatch(/byte order mark/);
  });

  it.each(['Metadata-Version', 'Name', 'Version'])('a missing %s', (field) => {
    const text = HEAD.split('\n')
      .filter((line) => !line.startsWith(`${field}:`))
      .join('\n');
    expect(refusal(text).message).toMatch(
      new RegExp(`the ${field.toLowerCase()} field is missing`),
    );
  });

  it('an unknown Metadata-Version, naming it', () => {
    expect(refusal(HEAD.replace('2.1', '3.0')).message).toMatch(
      /Metadata-Version "3\.0" is unknown/,
    );
    expect(refusal(HEAD.replace('2.1', '2.0')).message).toMatch(/"2\.0" is unknown/);
  });

  it.each(SINGLE_USE_FIELDS.filter((f) => f !== 'description'))(
    'the single-use field %s given twice',
    (field) => {
      const text = `${HEAD}${field}: one\n${field.toUpperCase()}: two\n`;
      expect(refusal(text).message).toMatch(
        new RegExp(`the ${field} field appears more than once`),
      );
    },
  );

  it('a second Description field', () => {
    expect(refusal(`${HEAD}Description: a\nDescription: b\n`).message).toMatch(/more than once/);
  });

  it('a description given both as a field and as the body', () => {
    expect(refusal(`${HEAD}Description: a\n\nbody\n`).message).toMatch(/both as a Description/);
  });

  it('a header hidden behind a lone carriage return (Python splits lines there too)', () => {
    expect(refusal(`${HEAD}Summary: x\rName: evil\n`).message).toMatch(/name field appears more/);
  });

  it('a continuation line before any header', () => {
    expect(refusal(` x\n${HEAD}`).message).toMatch(/starts with a continuation line/);
  });

  it.each([
    ['a line without a colon', `${HEAD}this is not a header\n`],
    ['a blank before the colon', `${HEAD}Summary : x\n`],
    ['an empty header name', `${HEAD}: x\n`],
  ])('%s in the headers', (_why, text) => {
    expect(refusal(text).message).toMatch(/line 4 is neither a header nor a continuation line/);
  });

  it.each(['Name', 'version', 'Metadata-Version'])('%s listed as Dynamic', (field) => {
    const text = `${HEAD}Dynamic: Requires-Dist\nDynamic: ${field}\n`;
    expect(refusal(text).message).toContain(
      `'${field.toLowerCase()}' is not allowed as a dynamic field`,
    );
    expect(refusal(text).hint).toMatch(/build backend wrote "Dynamic: /);
  });

  it('values that would inject workflow commands, quoted in the message', () => {
    const error = refusal(HEAD.replace('2.1', '2.1\n ::error::pwned'));
    expect(error.message).toContain('"2.1\\n ::error::pwned"');
  });
});
