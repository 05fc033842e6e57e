import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSdistFilename } from '../../src/distributions/filenames.ts';
import { METADATA_MAX_BYTES, readSdistMetadata } from '../../src/distributions/sdist-archive.ts';
import { DistributionError } from '../../src/core/errors.ts';
import {
  metadataText,
  writeSdist,
  writeTar,
  writeTarBomb,
  type TarEntrySpec,
} from '../../fixtures/archives.ts';

const SDIST = 'demo-1.0.tar.gz';
const TOP = 'demo-1.0';
const PKG_INFO = metadataText('demo', '1.0');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sdist-archive-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let counter = 0;
async function read(make: (path: string) => Promise<void>) {
  const path = join(dir, `${++counter}-${SDIST}`);
  await make(path);
  return readSdistMetadata(path, parseSdistFilename(SDIST));
}

const withExtra =
  (...extra: TarEntrySpec[]) =>
  (p: string) =>
    writeSdist(p, 'demo', '1.0', extra);
const only =
  (...entries: TarEntrySpec[]) =>
  (p: string) =>
    writeTar(p, entries);

type Case = [string, (path: string) => Promise<void>, RegExp];
const hostile: Case[] = [
  [
    'a ".." segment',
    withExtra({ name: `${TOP}/../../evil`, data: 'x' }),
    /entry "demo-1\.0\/\.\.\/\.\.\/evil" has a "\.\." path segment/,
  ],
  [
    'an absolute path',
    withExtra({ name: '/tmp/evil', data: 'x' }),
    /"\/tmp\/evil" has an absolute path/,
  ],
  ['a drive letter', withExtra({ name: 'C:/evil', data: 'x' }), /absolute path/],
  ['a backslash', withExtra({ name: `${TOP}\\..\\evil`, data: 'x' }), /backslash/],
  [
    'a newline and a workflow command',
    withExtra({ name: `${TOP}/a\n::error::x`, data: 'x' }),
    /"demo-1\.0\/a\\n::error::x" has control characters/,
  ],
  [
    'a symlink out of the tree',
    withExtra({ name: `${TOP}/link`, type: 'symlink', linkname: '/etc/passwd' }),
    /entry "demo-1\.0\/link" is a symbolic link to "\/etc\/passwd" \(links are refused in sdists/,
  ],
  [
    'a symlink inside the tree (still refused: links can chain out)',
    withExtra({ name: `${TOP}/link`, type: 'symlink', linkname: 'PKG-INFO' }),
    /is a symbolic link to "PKG-INFO"/,
  ],
  [
    'a hard link',
    withExtra({ name: `${TOP}/link`, type: 'link', linkname: `${TOP}/PKG-INFO` }),
    /entry "demo-1\.0\/link" is a hard link/,
  ],
  [
    'a FIFO',
    withExtra({ name: `${TOP}/fifo`, type: 'fifo' }),
    /"demo-1\.0\/fifo" is a FIFO \(only files and folders/,
  ],
  [
    'a character device',
    withExtra({ name: `${TOP}/tty`, type: 'character-device' }),
    /is a character device/,
  ],
  ['a block device', withExtra({ name: `${TOP}/sda`, type: 'block-device' }), /is a block device/],
  [
    'a second top-level folder',
    withExtra({ name: 'other/file', data: 'x' }),
    /entry "other\/file" is outside the top-level folder "demo-1\.0" \(an sdist holds exactly one folder/,
  ],
  [
    'a file at the top level',
    withExtra({ name: 'setup.py', data: 'x' }),
    /"setup\.py" is outside the top-level folder/,
  ],
  [
    'a "." top-level folder',
    only({ name: `./${TOP}/PKG-INFO`, data: PKG_INFO }),
    /"\.\/demo-1\.0\/PKG-INFO" has an empty or "\." path segment/,
  ],
  ['no PKG-INFO', only({ name: `${TOP}/setup.py`, data: 'x' }), /"demo-1\.0\/PKG-INFO" is missing/],
  [
    'only the egg-info PKG-INFO',
    only({ name: `${TOP}/demo.egg-info/PKG-INFO`, data: PKG_INFO }),
    /"demo-1\.0\/PKG-INFO" is missing/,
  ],
  [
    'PKG-INFO as a folder',
    only({ name: `${TOP}/PKG-INFO`, type: 'directory' }),
    /"demo-1\.0\/PKG-INFO" is missing/,
  ],
  [
    'two PKG-INFO entries',
    withExtra({ name: `${TOP}/PKG-INFO`, data: PKG_INFO }),
    /entry "demo-1\.0\/PKG-INFO" appears twice/,
  ],
  [
    'a PKG-INFO over the cap',
    (p) =>
      writeSdist(
        p,
        'demo',
        '1.0',
        [],
        metadataText('demo', '1.0', `X: ${randomBytes(4 * 1024 * 1024).toString('base64')}`),
      ),
    new RegExp(`its PKG-INFO is larger than ${METADATA_MAX_BYTES} bytes`),
  ],
  [
    'PKG-INFO hiding a second Name behind a lone CR',
    (p) =>
      writeSdist(
        p,
        'demo',
        '1.0',
        [],
        `${PKG_INFO.replace('Summary: test', 'Summary: x\rName: evil')}`,
      ),
    /invalid core metadata: the name field appears more than once/,
  ],
  [
    'not gzip',
    (p) => writeFile(p, 'plain text'),
    /it is not a readable \.tar\.gz archive \(not a gzip stream\)/,
  ],
  ['an empty file', (p) => writeFile(p, ''), /not a readable \.tar\.gz archive/],
  [
    'gzip but not tar',
    (p) => writeFile(p, gzipSync('x'.repeat(1000))),
    /a tar header has a malformed checksum field/,
  ],
  [
    'a truncated gzip',
    async (p) => {
      await writeSdist(p, 'demo', '1.0', [{ name: `${TOP}/noise`, data: randomBytes(64 * 1024) }]);
      await truncate(p, 40_000);
    },
    /not a readable \.tar\.gz archive \("unexpected end of file"\)/,
  ],
  [
    'a tar truncated inside an entry',
    async (p) => {
      const tarPath = `${p}.tmp`;
      await writeSdist(tarPath, 'demo', '1.0', [{ name: `${TOP}/noise`, data: randomBytes(8192) }]);
      const tar = gunzipSync(await readFile(tarPath));
      await writeFile(p, gzipSync(tar.subarray(0, 3000)));
    },
    /its tar stream ends inside entry "demo-1\.0\/noise"/,
  ],
  ['an empty tar', (p) => writeFile(p, gzipSync(Buffer.alloc(10240))), /the archive is empty/],
];

describe('readSdistMetadata refuses hostile and malformed sdists', () => {
  it('has a table of at least 15 cases', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(15);
  });

  it.each(hostile)('%s', { timeout: 10_000 }, async (_why, make, message) => {
    const error = await read(make).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DistributionError);
    const { message: text, subject, hint } = error as DistributionError;
    expect(text).toMatch(/^"demo-1\.0\.tar\.gz" /);
    expect(text).toMatch(message);
    expect(text).not.toMatch(/[\n\r]/);
    expect(subject).toBe(SDIST);
    expect(hint).toBeTruthy();
  });

  it(
    'stops inflating a bomb early instead of reading it through',
    { timeout: 30_000 },
    async () => {
      // The limit is lowered to 16 MiB: a real 4 GiB bomb takes long to write.
      const path = join(dir, 'bomb-demo-1.0.tar.gz');
      await writeTarBomb(path, { bytes: 64 * 1024 * 1024 });
      const started = performance.now();
      const limit = 16 * 1024 * 1024;
      await expect(
        readSdistMetadata(path, parseSdistFilename(SDIST), { maxInflatedBytes: limit }),
      ).rejects.toThrow(
        /"demo-1\.0\.tar\.gz" is refused: its gzip stream inflates past 16777216 bytes, over the action's limit of 16 MiB \(16777216 bytes\) uncompressed \(a decompression bomb/,
      );
      expect(performance.now() - started).toBeLessThan(5_000);
    },
  );
});

describe('readSdistMetadata accepts', () => {
  it('a file of zeros that compresses a thousandfold (PyPI checks no ratio for sdists)', async () => {
    const metadata = await read((p) => writeTarBomb(p, { bytes: 8 * 1024 * 1024 }));
    expect(metadata.name).toBe('demo');
  });

  it('a plain sdist, returning its PKG-INFO', async () => {
    const metadata = await read((p) => writeSdist(p, 'demo', '1.0'));
    expect(metadata).toMatchObject({ name: 'demo', version: '1.0', body: 'Long description.\n' });
  });

  it('folder entries, an egg-info PKG-INFO next to the real one, and any order', async () => {
    const metadata = await read(
      only(
        { name: `${TOP}/`, type: 'directory' },
        { name: `${TOP}/demo.egg-info/PKG-INFO`, data: metadataText('ignored', '9.9') },
        { name: `${TOP}/src/demo/__init__.py`, data: '' },
        { name: `${TOP}/PKG-INFO`, data: PKG_INFO },
      ),
    );
    expect(metadata.name).toBe('demo');
  });

  it('large files that do not compress', async () => {
    const metadata = await read(
      withExtra({ name: `${TOP}/noise.bin`, data: randomBytes(3 * 1024 * 1024) }),
    );
    expect(metadata.name).toBe('demo');
  });
});
