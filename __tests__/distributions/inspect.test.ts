import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConsistency, inspectDistribution } from '../../src/distributions/inspect.ts';
import { DistributionError } from '../../src/errors.ts';
import {
  metadataText,
  writeSdist,
  writeTarGz,
  writeWheel,
  writeZip,
} from '../helpers/evil-archives.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'dists');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'inspect-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('real distributions from hatchling, flit and setuptools', () => {
  it.each(readdirSync(FIXTURES))('inspects %s', async (name) => {
    const dist = await inspectDistribution(join(FIXTURES, name));
    expect(dist.parsed.filename).toBe(name);
    expect(dist.metadata.metadataVersion).toMatch(/^\d\.\d$/);
  });

  it('accepts one release of several files and refuses mixed ones', async () => {
    const hatch = await Promise.all(
      [
        'hatch_demo-0.1.0-py3-none-any.whl',
        'hatch_demo-0.1.0.tar.gz',
        'hatch_demo-0.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
      ].map((n) => inspectDistribution(join(FIXTURES, n))),
    );
    expect(checkConsistency(hatch, '0.1.0')).toEqual({
      project: 'hatch-demo',
      name: 'hatch-demo',
      version: '0.1.0',
    });
    expect(() => checkConsistency(hatch, '0.2.0')).toThrow(/expected-version/);
    const flit = await inspectDistribution(join(FIXTURES, 'flit_demo-2.0.tar.gz'));
    expect(() => checkConsistency([...hatch, flit])).toThrow(/2 different releases/);
    const st = await inspectDistribution(join(FIXTURES, 'st-demo-1.0.tar.gz'));
    const st2 = { ...st, parsed: { ...st.parsed, filename: 'st_demo-1.0.tar.gz' } };
    expect(() => checkConsistency([st, st2])).toThrow(/More than one sdist/);
  });
});

const MB = 1024 * 1024;
type Maker = (path: string) => Promise<void>;
const hostile: Array<[string, string, Maker, RegExp]> = [
  [
    'zip entry with ..',
    'demo-1.0-py3-none-any.whl',
    (p) => writeWheel(p, 'demo', '1.0', { extra: [{ name: 'demo/../../evil.py', data: 'x' }] }),
    /"\.\."/,
  ],
  [
    'zip absolute path',
    'demo-1.0-py3-none-any.whl',
    (p) => writeWheel(p, 'demo', '1.0', { extra: [{ name: '/etc/passwd', data: 'x' }] }),
    /absolute/,
  ],
  [
    'zip windows path',
    'demo-1.0-py3-none-any.whl',
    (p) => writeWheel(p, 'demo', '1.0', { extra: [{ name: 'C:/evil.py', data: 'x' }] }),
    /absolute/,
  ],
  [
    'zip backslash',
    'demo-1.0-py3-none-any.whl',
    (p) => writeWheel(p, 'demo', '1.0', { extra: [{ name: 'demo\\..\\evil.py', data: 'x' }] }),
    /backslash/,
  ],
  [
    'zip control character',
    'demo-1.0-py3-none-any.whl',
    (p) => writeWheel(p, 'demo', '1.0', { extra: [{ name: 'demo/a\n::error::x', data: 'x' }] }),
    /control/,
  ],
  [
    'zip symlink',
    'demo-1.0-py3-none-any.whl',
    (p) =>
      writeWheel(p, 'demo', '1.0', {
        extra: [{ name: 'demo/link', data: '/etc/passwd', mode: 0o120777 }],
      }),
    /symbolic link/,
  ],
  [
    'zip bomb',
    'demo-1.0-py3-none-any.whl',
    (p) =>
      writeWheel(p, 'demo', '1.0', {
        extra: [{ name: 'demo/zeros.bin', data: new Uint8Array(50 * MB) }],
      }),
    /zip bomb/,
  ],
  [
    'oversized METADATA',
    'demo-1.0-py3-none-any.whl',
    (p) =>
      writeWheel(p, 'demo', '1.0', {
        metadata: metadataText('demo', '1.0', `Summary2: ${'x'.repeat(5 * MB)}`),
      }),
    /larger than|zip bomb/,
  ],
  [
    'missing METADATA',
    'demo-1.0-py3-none-any.whl',
    (p) => writeWheel(p, 'demo', '1.0', { metadata: null }),
    /METADATA.*missing/,
  ],
  [
    'missing RECORD',
    'demo-1.0-py3-none-any.whl',
    (p) => writeWheel(p, 'demo', '1.0', { record: false }),
    /RECORD.*missing/,
  ],
  [
    'two dist-info folders',
    'demo-1.0-py3-none-any.whl',
    (p) =>
      writeWheel(p, 'demo', '1.0', {
        extra: [{ name: 'other-1.0.dist-info/METADATA', data: 'x' }],
      }),
    /2 \.dist-info/,
  ],
  [
    'METADATA not UTF-8',
    'demo-1.0-py3-none-any.whl',
    (p) => writeWheel(p, 'demo', '1.0', { metadata: new Uint8Array([0x4e, 0xff, 0xfe]) }),
    /UTF-8/,
  ],
  [
    'METADATA duplicate Version',
    'demo-1.0-py3-none-any.whl',
    (p) => writeWheel(p, 'demo', '1.0', { metadata: metadataText('demo', '1.0', 'Version: 2.0') }),
    /more than once/,
  ],
  [
    'METADATA name differs',
    'demo-1.0-py3-none-any.whl',
    (p) => writeWheel(p, 'demo', '1.0', { metadata: metadataText('other', '1.0') }),
    /metadata says/,
  ],
  [
    'METADATA version differs',
    'demo-1.0-py3-none-any.whl',
    (p) => writeWheel(p, 'demo', '1.0', { metadata: metadataText('demo', '1.1') }),
    /metadata says/,
  ],
  [
    'dist-info of another version',
    'demo-1.0-py3-none-any.whl',
    (p) => writeWheel(p, 'demo', '2.0'),
    /does not match the filename/,
  ],
  ['not a zip', 'demo-1.0-py3-none-any.whl', (p) => writeFile(p, 'hello'), /not a readable zip/],
  ['empty wheel file', 'demo-1.0-py3-none-any.whl', (p) => writeFile(p, ''), /not a readable zip/],
  [
    'truncated zip',
    'demo-1.0-py3-none-any.whl',
    async (p) => {
      await writeWheel(p, 'demo', '1.0');
      const { truncate } = await import('node:fs/promises');
      await truncate(p, 60);
    },
    /not a readable zip|broken/,
  ],
  [
    'nested zip bomb entry',
    'demo-1.0-py3-none-any.whl',
    (p) =>
      writeWheel(p, 'demo', '1.0', {
        extra: [{ name: 'demo/inner.zip', data: new Uint8Array(20 * MB) }],
      }),
    /zip bomb/,
  ],
  [
    'tar entry with ..',
    'demo-1.0.tar.gz',
    (p) => writeSdist(p, 'demo', '1.0', [{ name: 'demo-1.0/../../evil', data: 'x' }]),
    /"\.\."/,
  ],
  [
    'tar absolute path',
    'demo-1.0.tar.gz',
    (p) => writeSdist(p, 'demo', '1.0', [{ name: '/tmp/evil', data: 'x' }]),
    /absolute/,
  ],
  [
    'tar symlink',
    'demo-1.0.tar.gz',
    (p) =>
      writeSdist(p, 'demo', '1.0', [
        { name: 'demo-1.0/link', type: 'symlink', linkname: '/etc/passwd' },
      ]),
    /symbolic link/,
  ],
  [
    'tar hard link',
    'demo-1.0.tar.gz',
    (p) =>
      writeSdist(p, 'demo', '1.0', [
        { name: 'demo-1.0/link', type: 'link', linkname: 'demo-1.0/PKG-INFO' },
      ]),
    /hard link/,
  ],
  [
    'tar fifo',
    'demo-1.0.tar.gz',
    (p) => writeSdist(p, 'demo', '1.0', [{ name: 'demo-1.0/fifo', type: 'fifo' }]),
    /fifo/,
  ],
  [
    'tar two top folders',
    'demo-1.0.tar.gz',
    (p) => writeSdist(p, 'demo', '1.0', [{ name: 'other/file', data: 'x' }]),
    /exactly one top-level/,
  ],
  [
    'tar without PKG-INFO',
    'demo-1.0.tar.gz',
    (p) => writeTarGz(p, [{ name: 'demo-1.0/setup.py', data: 'x' }]),
    /PKG-INFO.*missing/,
  ],
  [
    'tar only egg-info PKG-INFO',
    'demo-1.0.tar.gz',
    (p) =>
      writeTarGz(p, [
        { name: 'demo-1.0/demo.egg-info/PKG-INFO', data: metadataText('demo', '1.0') },
      ]),
    /PKG-INFO.*missing/,
  ],
  [
    'tar bomb',
    'demo-1.0.tar.gz',
    (p) => writeSdist(p, 'demo', '1.0', [{ name: 'demo-1.0/zeros', data: Buffer.alloc(60 * MB) }]),
    /zip bomb/,
  ],
  ['not gzip', 'demo-1.0.tar.gz', (p) => writeFile(p, 'plain text'), /not a readable \.tar\.gz/],
  [
    'gzip but not tar',
    'demo-1.0.tar.gz',
    async (p) => {
      const { gzipSync } = await import('node:zlib');
      await writeFile(p, gzipSync(Buffer.from('x'.repeat(1000))));
    },
    /not a readable|missing|top-level/,
  ],
  [
    'PKG-INFO with CRLF and bad encoding',
    'demo-1.0.tar.gz',
    (p) => writeSdist(p, 'demo', '1.0', [], 'Metadata-Version: 2.1\r\nName: d\xe9mo\r\n'),
    /not a valid project name|metadata says|missing/,
  ],
  ['empty sdist file', 'demo-1.0.tar.gz', (p) => writeFile(p, ''), /not a readable/],
];

describe('hostile and malformed archives', () => {
  it.each(hostile)(
    'refuses %s with a clear error naming the file',
    async (_why, filename, make, message) => {
      const path = join(dir, `${Math.random().toString(36).slice(2)}`);
      await import('node:fs/promises').then((fs) => fs.mkdir(path));
      const file = join(path, filename);
      await make(file);
      const error = await inspectDistribution(file).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DistributionError);
      expect((error as DistributionError).message).toContain(filename);
      expect((error as DistributionError).message).toMatch(message);
      expect((error as DistributionError).message).not.toMatch(/\n/);
      expect((error as DistributionError).hint).toBeTruthy();
    },
  );

  it('accepts a wheel holding an ordinary nested archive', async () => {
    const file = join(dir, 'demo-1.0-py3-none-any.whl');
    await writeZip(join(dir, 'inner.zip'), [{ name: 'a.txt', data: 'hello' }]);
    await writeWheel(file, 'demo', '1.0', {
      extra: [{ name: 'demo/data.zip', data: new Uint8Array(2048).fill(3), level: 0 }],
    });
    await expect(inspectDistribution(file)).resolves.toMatchObject({ metadata: { name: 'demo' } });
  });
});
