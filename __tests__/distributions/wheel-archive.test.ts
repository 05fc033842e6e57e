import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseWheelFilename } from '../../src/distributions/filenames.ts';
import {
  MAX_WHEEL_UNCOMPRESSED_BYTES,
  MAX_ZIP_ENTRIES,
  METADATA_MAX_BYTES,
  readWheelMetadata,
} from '../../src/distributions/wheel-archive.ts';
import { DistributionError } from '../../src/core/errors.ts';
import {
  metadataText,
  patchZipEntry,
  renameZipEntry,
  unicodePathField,
  wheelEntries,
  withZip64EntryCount,
  writeWheel,
  writeZip,
  zipBytes,
  type ZipEntrySpec,
} from '../../fixtures/archives.ts';

const WHEEL = 'demo-1.0-py3-none-any.whl';
const MB = 1024 * 1024;
const INFO = 'demo-1.0.dist-info';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'wheel-archive-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function read(make: (path: string) => Promise<void>) {
  const path = join(dir, `${++counter}-${WHEEL}`);
  await make(path);
  return readWheelMetadata(path, parseWheelFilename(WHEEL));
}

const withExtra =
  (...extra: ZipEntrySpec[]) =>
  (p: string) =>
    writeWheel(p, 'demo', '1.0', { extra });
const patched = (bytes: () => Uint8Array) => (p: string) => writeFile(p, bytes());
/** METADATA text that does not compress, so only its size (not its ratio) is at fault. */
const bulkyMetadata = (bytes: number) =>
  metadataText('demo', '1.0', `Summary2: ${randomBytes((bytes * 3) / 4).toString('base64')}`);

type Case = [string, (path: string) => Promise<void>, RegExp];
const hostile: Case[] = [
  [
    'a ".." segment',
    withExtra({ name: 'demo/../../evil.py', data: 'x' }),
    /entry "demo\/\.\.\/\.\.\/evil\.py" has a "\.\." path segment/,
  ],
  ['a leading ".."', withExtra({ name: '../evil.py', data: 'x' }), /"\.\." path segment/],
  [
    'an absolute path',
    withExtra({ name: '/etc/passwd', data: 'x' }),
    /entry "\/etc\/passwd" has an absolute path/,
  ],
  [
    'a drive letter',
    withExtra({ name: 'C:/evil.py', data: 'x' }),
    /"C:\/evil\.py" has an absolute path/,
  ],
  ['a UNC path', withExtra({ name: '\\\\server\\share\\x', data: 'x' }), /backslash/],
  ['a backslash traversal', withExtra({ name: 'demo\\..\\..\\evil.py', data: 'x' }), /backslash/],
  [
    'a newline and a workflow command',
    withExtra({ name: 'demo/a\n::error::x', data: 'x' }),
    /entry "demo\/a\\n::error::x" has control characters/,
  ],
  ['a NUL byte', withExtra({ name: 'demo/a\0.py', data: 'x' }), /control characters/],
  [
    'a Unix symlink',
    withExtra({ name: 'demo/link', data: '/etc/passwd', mode: 0o120777 }),
    /entry "demo\/link" is a symbolic link/,
  ],
  [
    'a symlink made on another host',
    withExtra({ name: 'demo/link', data: '../..', mode: 0o120777, os: 0 }),
    /symbolic link/,
  ],
  [
    'a FIFO',
    withExtra({ name: 'demo/pipe', mode: 0o010644 }),
    /entry "demo\/pipe" is a special file \(mode 0o10000\)/,
  ],
  [
    'a Unicode Path alias with ".."',
    withExtra({
      name: 'demo/ok.py',
      data: 'x',
      extra: unicodePathField('demo/ok.py', '../evil.py'),
    }),
    /entry "demo\/ok\.py" carries a second, different name/,
  ],
  [
    'a Unicode Path alias naming another file',
    withExtra({
      name: 'demo/ok.py',
      data: 'x',
      extra: unicodePathField('demo/ok.py', 'demo/no.py'),
    }),
    /"demo\/ok\.py" carries a second, different name/,
  ],
  [
    'a duplicate entry',
    patched(() =>
      renameZipEntry(
        zipBytes(
          wheelEntries('demo', '1.0', {
            extra: [
              { name: 'demo/a.py', data: 'ok' },
              { name: 'demo/b.py', data: 'evil' },
            ],
          }),
        ),
        'demo/b.py',
        'demo/a.py',
      ),
    ),
    /entry "demo\/a\.py" appears twice/,
  ],
  [
    'a name flagged UTF-8 that is not',
    patched(() => {
      const zip = Buffer.from(
        zipBytes(wheelEntries('demo', '1.0', { extra: [{ name: 'demo/caf\u00e9' }] })),
      );
      for (let at = zip.indexOf('caf\u00e9'); at >= 0; at = zip.indexOf('caf\u00e9', at + 1))
        zip.writeUInt16BE(0xfffe, at + 3);
      return zip;
    }),
    /entry "demo\/caf\u00ff\u00fe" has a name that is not UTF-8/,
  ],
  [
    'an encrypted entry',
    patched(() =>
      patchZipEntry(zipBytes(wheelEntries('demo', '1.0')), `${INFO}/RECORD`, { flags: 1 }),
    ),
    /entry "demo-1\.0\.dist-info\/RECORD" is encrypted/,
  ],
  [
    'an entry whose header claims a huge inflation',
    patched(() =>
      patchZipEntry(
        zipBytes(wheelEntries('demo', '1.0', { extra: [{ name: 'demo/x', data: 'x' }] })),
        'demo/x',
        { uncompressedSize: 2 * MB },
      ),
    ),
    /entry "demo\/x" inflates to less than its declared size/,
  ],
  [
    'entries declaring more than 8 GiB',
    patched(() => {
      let zip = zipBytes(
        wheelEntries('demo', '1.0', {
          extra: ['a', 'b', 'c'].map((n) => ({ name: `demo/${n}`, data: 'x' })),
        }),
      );
      for (const n of ['a', 'b', 'c'])
        zip = patchZipEntry(zip, `demo/${n}`, { uncompressedSize: 3 * 1024 * MB });
      return zip;
    }),
    new RegExp(
      `its entries declare \\d+ bytes in all, over the action's limit of 8 GiB \\(${MAX_WHEEL_UNCOMPRESSED_BYTES} bytes\\) uncompressed`,
    ),
  ],
  [
    'METADATA declared over the cap',
    (p) => writeWheel(p, 'demo', '1.0', { metadata: bulkyMetadata(5 * MB) }),
    new RegExp(`METADATA is larger than ${METADATA_MAX_BYTES} bytes`),
  ],
  [
    'METADATA whose header understates its size',
    patched(() =>
      patchZipEntry(
        zipBytes(wheelEntries('demo', '1.0', { metadata: bulkyMetadata(5 * MB) })),
        `${INFO}/METADATA`,
        { uncompressedSize: 100 },
      ),
    ),
    /entry "demo-1\.0\.dist-info\/METADATA" inflates past its declared size/,
  ],
  [
    'no .dist-info folder',
    (p) => writeZip(p, [{ name: 'demo/__init__.py', data: '' }]),
    /"demo-1\.0\.dist-info\/METADATA" is missing/,
  ],
  [
    'two .dist-info folders',
    withExtra({ name: 'other-1.0.dist-info/METADATA', data: 'x' }),
    /entry "other-1\.0\.dist-info\/METADATA" is in a second metadata folder \(only "demo-1\.0\.dist-info" is allowed\)/,
  ],
  [
    'a .dist-info of another version',
    (p) => writeWheel(p, 'demo', '1.0', { distInfo: 'demo-2.0.dist-info' }),
    /entry "demo-2\.0\.dist-info\/METADATA" is in a second metadata folder/,
  ],
  [
    'a .dist-info of another project',
    (p) => writeWheel(p, 'demo', '1.0', { distInfo: 'other-1.0.dist-info' }),
    /"other-1\.0\.dist-info\/METADATA" is in a second metadata folder/,
  ],
  [
    'a .dist-info without a version',
    (p) => writeWheel(p, 'demo', '1.0', { distInfo: 'demo.dist-info' }),
    /"demo\.dist-info\/METADATA" is in a second metadata folder/,
  ],
  [
    // PyPI looks WHEEL up at the exact path the filename spells: another spelling is refused.
    'a .dist-info folder spelled differently but equal after normalization',
    (p) =>
      writeWheel(p, 'demo', '1.0', {
        distInfo: 'Demo-1.0.0.dist-info',
        metadata: metadataText('Demo', '1.0.0'),
      }),
    /entry "Demo-1\.0\.0\.dist-info\/METADATA" is in a second metadata folder/,
  ],
  [
    'no METADATA',
    (p) => writeWheel(p, 'demo', '1.0', { metadata: null }),
    /"demo-1\.0\.dist-info\/METADATA" is missing/,
  ],
  [
    'no RECORD',
    (p) => writeWheel(p, 'demo', '1.0', { record: false }),
    /"demo-1\.0\.dist-info\/RECORD" is missing/,
  ],
  [
    'no WHEEL',
    (p) => writeWheel(p, 'demo', '1.0', { wheel: false }),
    /"demo-1\.0\.dist-info\/WHEEL" is missing/,
  ],
  [
    'METADATA that is not UTF-8',
    (p) => writeWheel(p, 'demo', '1.0', { metadata: new Uint8Array([0x4e, 0xff]) }),
    /invalid core metadata: it is not valid UTF-8/,
  ],
  [
    'not a zip',
    (p) => writeFile(p, 'hello'),
    /it is not a readable zip archive \(too short for an end record\)/,
  ],
  ['an empty file', (p) => writeFile(p, ''), /it is not a readable zip archive/],
  [
    'a truncated zip',
    async (p) => {
      await writeWheel(p, 'demo', '1.0');
      await truncate(p, 200);
    },
    /it does not end with a zip end-of-central-directory record/,
  ],
  [
    'a central directory that overruns its count',
    patched(() => {
      const entries = wheelEntries('demo', '1.0');
      // 65,536 more entries wrap the 16-bit count back to the real wheel's; the last is hostile.
      for (let i = 0; i < 65_535; i++) entries.push({ name: `demo/pad/${i}`, level: 0 });
      entries.push({ name: '../../evil.py', data: 'x' });
      return zipBytes(entries);
    }),
    /its central directory holds more entries than the end record's 4 \(zip readers would disagree/,
  ],
  [
    'more entries than the limit',
    patched(() => {
      const entries = wheelEntries('demo', '1.0');
      for (let i = entries.length; i <= MAX_ZIP_ENTRIES; i++)
        entries.push({ name: `demo/${i}`, level: 0 });
      return withZip64EntryCount(zipBytes(entries), entries.length);
    }),
    new RegExp(`it has ${MAX_ZIP_ENTRIES + 1} entries, over the limit of ${MAX_ZIP_ENTRIES}`),
  ],
];

describe('readWheelMetadata refuses hostile and malformed wheels', () => {
  it('has a table of at least 15 cases', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(15);
  });

  it.each(hostile)('%s', async (_why, make, message) => {
    const error = await read(make).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DistributionError);
    const { message: text, subject, hint } = error as DistributionError;
    expect(text).toMatch(/^"demo-1\.0-py3-none-any\.whl" /);
    expect(text).toMatch(message);
    // Untrusted names are quoted: no raw line break can start a workflow command.
    expect(text).not.toMatch(/[\n\r]/);
    expect(subject).toBe(WHEEL);
    expect(hint).toBeTruthy();
  });
});

describe('readWheelMetadata accepts', () => {
  it('a plain wheel, returning its METADATA', async () => {
    const metadata = await read((p) => writeWheel(p, 'demo', '1.0'));
    expect(metadata).toMatchObject({ name: 'demo', version: '1.0', body: 'Long description.\n' });
  });

  it('nested archives, even hostile ones: only the wheel itself is checked', async () => {
    const inner = zipBytes([{ name: '../evil.py', data: 'x' }]);
    const metadata = await read(withExtra({ name: 'demo/data/inner.zip', data: inner, level: 0 }));
    expect(metadata.name).toBe('demo');
  });

  it('a file of zeros that PyPI accepts (8 MiB, over 1,000 times its stored size)', async () => {
    const zeros = { name: 'demo/zeros.bin', data: new Uint8Array(8 * MB), level: 9 as const };
    expect((await read(withExtra(zeros))).name).toBe('demo');
  });

  it('large entries that do not compress, and small ones that compress a lot', async () => {
    const noise = { name: 'demo/noise.bin', data: randomBytes(2 * MB), level: 0 as const };
    const zeros = { name: 'demo/zeros.bin', data: new Uint8Array(MB), level: 9 as const };
    expect((await read(withExtra(noise, zeros))).name).toBe('demo');
  });

  it('a Unicode Path field that spells a non-ASCII name', async () => {
    const name = 'demo/caf\u00e9.txt';
    const metadata = await read(
      withExtra({ name, data: 'x', extra: unicodePathField(name, name) }),
    );
    expect(metadata.name).toBe('demo');
  });

  it('folders, regular-file modes and .dist-info folders nested deeper', async () => {
    const metadata = await read(
      withExtra(
        { name: 'demo/sub/', mode: 0o040755 },
        { name: 'demo/run.sh', data: '#!/bin/sh\n', mode: 0o100755 },
        { name: 'demo/_vendor/six-1.0.dist-info/METADATA', data: 'x' },
      ),
    );
    expect(metadata.name).toBe('demo');
  });
});
