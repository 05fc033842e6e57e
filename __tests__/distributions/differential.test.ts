/**
 * Archives that can be read two ways are refused; archives the action accepts are read the
 * same by CPython's zipfile/tarfile and by pip's unpacking (the independent oracle).
 */
import { readdirSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DistributionError } from '../../src/core/errors.ts';
import { actionView, disagreement, oracle } from '../helpers/cpython.ts';
import { wheelEntries, withZip64EntryCount, zipBytes } from '../../fixtures/archives.ts';
import {
  gnuLongName,
  gzip,
  paxHeader,
  rawSdistTar,
  rawWheelEntries,
  rawZip,
  recordFor,
  tarBytes,
  tarMember,
  type RawZipEntry,
} from '../helpers/raw-archives.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'dists');
const WHEEL = 'demo-1.0-py3-none-any.whl';
const SDIST = 'demo-1.0.tar.gz';
const INFO = 'demo-1.0.dist-info';
const PKG_INFO = 'Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'differential-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const wheel = (extra: RawZipEntry[] = [], options = {}) => rawZip(rawWheelEntries(extra), options);
/** A valid wheel whose entry `name` is changed by `change` (RECORD kept as built). */
function tweaked(change: (entry: RawZipEntry) => RawZipEntry, name = 'demo/__init__.py') {
  return rawZip(rawWheelEntries().map((e) => (e.name === name ? change(e) : e)));
}
/** A wheel whose files are `files` plus METADATA/WHEEL, RECORD computed. */
function wheelWith(files: RawZipEntry[], wheelText?: string): Buffer {
  const base = rawWheelEntries()
    .filter((e) => !e.name.endsWith('/RECORD') && e.name !== 'demo/__init__.py')
    .map((e) => (wheelText && e.name.endsWith('/WHEEL') ? { ...e, data: wheelText } : e));
  const all = [...files, ...base];
  return rawZip([...all, { name: `${INFO}/RECORD`, data: recordFor(all, INFO) }]);
}
const zip64Extra = (...values: bigint[]) => {
  const field = Buffer.alloc(4 + 8 * values.length);
  field.writeUInt16LE(1, 0);
  field.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => field.writeBigUInt64LE(v, 4 + 8 * i));
  return field;
};
const twoDirectories = () => {
  // A benign wheel's bytes, then a hostile one's: CPython reads the last directory.
  const benign = wheel();
  const hostile = wheel([{ name: 'demo/evil.py', data: 'import os\n' }]);
  return Buffer.concat([benign.subarray(0, benign.length - 22), hostile]);
};
const file = (name: string, data = 'x\n'): RawZipEntry => ({ name, data });

type Case = [string, string, () => Buffer, RegExp];
const refused: Case[] = [
  // Zip structure.
  ['two central directories', WHEEL, twoDirectories, /central directory does not end where/],
  [
    'a prefix (self-extractor stub)',
    WHEEL,
    () => wheel([], { prefix: Buffer.from('MZ stub') }),
    /central directory does not end where|unlisted bytes/,
  ],
  [
    'a prefix with a shifted offset',
    WHEEL,
    () => wheel([], { prefix: Buffer.alloc(16), offsetShift: 16 }),
    /central directory does not end where the end record begins/,
  ],
  [
    'a gap between entries',
    WHEEL,
    () => wheel([], { gap: Buffer.from('hidden') }),
    /unlisted bytes before entry/,
  ],
  [
    'trailing bytes',
    WHEEL,
    () => wheel([], { trailing: Buffer.from('PK\x05\x06') }),
    /does not end with a zip end-of-central-directory record/,
  ],
  [
    'an archive comment',
    WHEEL,
    () => wheel([], { comment: Buffer.from('hi') }),
    /does not end with|archive comment/,
  ],
  [
    'a wrong entry count',
    WHEEL,
    () => wheel([], { count: 3 }),
    /holds more entries than the end record's 3/,
  ],
  [
    'local and central names differ',
    WHEEL,
    () => tweaked((e) => ({ ...e, local: { name: 'demo/__evil__.py' } })),
    /local header and central directory disagree on its name/,
  ],
  [
    'local and central CRCs differ',
    WHEEL,
    () => tweaked((e) => ({ ...e, local: { crc: 1 } })),
    /disagree on its CRC-32/,
  ],
  [
    'local and central methods differ',
    WHEEL,
    () => tweaked((e) => ({ ...e, local: { method: 0 } })),
    /disagree on its compression method/,
  ],
  [
    'local and central flags differ',
    WHEEL,
    () => tweaked((e) => ({ ...e, local: { flags: 2 } })),
    /disagree on its flags/,
  ],
  [
    'local and central sizes differ',
    WHEEL,
    () => tweaked((e) => ({ ...e, local: { size: 1 } })),
    /disagree on its sizes/,
  ],
  [
    'a wrong CRC in both headers',
    WHEEL,
    () => tweaked((e) => ({ ...e, crc: 1234, local: { crc: 1234 } })),
    /"demo\/__init__\.py" does not match its CRC-32/,
  ],
  [
    'a data descriptor',
    WHEEL,
    () => tweaked((e) => ({ ...e, flags: 8 })),
    /uses a data descriptor/,
  ],
  [
    'bzip2 compression',
    WHEEL,
    () => tweaked((e) => ({ ...e, method: 12 })),
    /compression method 12 \(only stored and deflate\)/,
  ],
  ['an encrypted entry', WHEEL, () => tweaked((e) => ({ ...e, flags: 1 })), /is encrypted/],
  [
    'a 2^62 size in a zip64 field',
    WHEEL,
    () =>
      tweaked((e) => ({ ...e, uncompressedSize: 0xffffffff, centralExtra: zip64Extra(2n ** 62n) })),
    /impossible value 4611686018427387904/,
  ],
  [
    'a zip64 field nobody asked for',
    WHEEL,
    () => tweaked((e) => ({ ...e, centralExtra: zip64Extra(5n) })),
    /zip64 extra field that does not match/,
  ],
  [
    'a second name in a central Unicode Path field',
    WHEEL,
    () => tweaked((e) => ({ ...e, centralExtra: unicodePath('demo/__init__.py', 'demo/evil.py') })),
    /carries a second, different name/,
  ],
  [
    'a deflate stream shorter than its size',
    WHEEL,
    () => tweaked((e) => ({ ...e, uncompressedSize: 99, local: { size: 99 } })),
    /inflates to less than its declared size|bomb/,
  ],
  [
    'two entries sharing one local header',
    WHEEL,
    sharedLocalHeader,
    /overlaps the entry before it/,
  ],
  [
    'an offset past the end of the file',
    WHEEL,
    () => tweaked((e) => ({ ...e, localOffset: 0xfffffff0 })),
    /local header offset past the entries/,
  ],
  [
    'a zip64 count that is wrong',
    WHEEL,
    () => zip64Wheel(7),
    /end record counts 7 entries but its central directory holds 4/,
  ],
  [
    'a zip64 record that disagrees with the classic one',
    WHEEL,
    () => zip64Wheel(4, 3),
    /zip64 end record disagrees with the classic end record/,
  ],
  // Install-time view.
  [
    'an exact duplicate',
    WHEEL,
    () => wheelWith([file('demo/a.py'), file('demo/a.py')]),
    /appears twice|lists "demo\/a\.py" twice/,
  ],
  ['a "./" segment', WHEEL, () => wheelWith([file('demo/./a.py')]), /empty or "\." path segment/],
  ['a backslash', WHEEL, () => wheelWith([file('demo\\a.py')]), /backslash/],
  [
    'names differing only in case',
    WHEEL,
    () => wheelWith([file('demo/A.py'), file('demo/a.py')]),
    /"demo\/A\.py" and "demo\/a\.py" install to the same path/,
  ],
  [
    'NFC and NFD spellings',
    WHEEL,
    () => wheelWith([file('demo/caf\u00e9.py'), file('demo/cafe\u0301.py')]),
    /install to the same path/,
  ],
  [
    'a second .data folder',
    WHEEL,
    () => wheelWith([file('other-1.0.data/purelib/x.py')]),
    /data folder of another name/,
  ],
  [
    'a second .dist-info folder',
    WHEEL,
    () => wheelWith([file('Demo-1.0.dist-info/METADATA')]),
    /second metadata folder/,
  ],
  [
    'a .data/purelib file over the package',
    WHEEL,
    () => wheelWith([file('demo/__init__.py'), file('demo-1.0.data/purelib/demo/__init__.py')]),
    /install to the same path/,
  ],
  [
    'an unknown .data scheme',
    WHEEL,
    () => wheelWith([file('demo-1.0.data/evil/x')]),
    /unknown install scheme "evil"/,
  ],
  ['a bidi control', WHEEL, () => wheelWith([file('demo/\u202eyp.txt')]), /bidirectional control/],
  [
    'a Windows device name',
    WHEEL,
    () => wheelWith([file('demo/aux.py')]),
    /Windows device name "aux\.py"/,
  ],
  [
    'a Windows-reserved character',
    WHEEL,
    () => wheelWith([file('demo/a:b.py')]),
    /Windows does not allow/,
  ],
  ['a control character', WHEEL, () => wheelWith([file('demo/a\tb.py')]), /control characters/],
  [
    'a file where a folder is needed',
    WHEEL,
    () => wheelWith([file('demo/x'), file('demo/x/y.py')]),
    /is a file where entry "demo\/x\/y\.py" needs a folder/,
  ],
  // Wheel metadata files.
  [
    'Wheel-Version 2.0',
    WHEEL,
    () =>
      wheelWith(
        [file('demo/a.py')],
        'Wheel-Version: 2.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
      ),
    /Wheel-Version "2\.0"/,
  ],
  [
    'no Root-Is-Purelib',
    WHEEL,
    () => wheelWith([file('demo/a.py')], 'Wheel-Version: 1.0\nTag: py3-none-any\n'),
    /has no Root-Is-Purelib/,
  ],
  [
    'tags that disagree with the filename',
    WHEEL,
    () =>
      wheelWith(
        [file('demo/a.py')],
        'Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: cp312-cp312-win_amd64\n',
      ),
    /lists the tags "cp312-cp312-win_amd64"/,
  ],
  [
    'a RECORD hash that does not match',
    WHEEL,
    () => tweaked((e) => ({ ...e, data: 'print("evil")\n' })),
    /does not match its RECORD (hash|size)/,
  ],
  [
    'a file missing from RECORD',
    WHEEL,
    () => rawZip([...rawWheelEntries(), file('demo/extra.py')]),
    /"demo\/extra\.py" is not listed in its RECORD/,
  ],
  [
    'a RECORD with md5',
    WHEEL,
    () =>
      rawZip(
        rawWheelEntries().map((e) =>
          e.name.endsWith('RECORD') ? { ...e, data: 'demo/__init__.py,md5=AAAA,15\n' } : e,
        ),
      ),
    /expected sha256=/,
  ],
  // Sdists.
  [
    'a pax path record',
    SDIST,
    () =>
      gzip(
        rawSdistTar(
          paxHeader({ path: 'demo-1.0/evil.py' }),
          tarMember({ name: 'demo-1.0/ok.py' }, 'x'),
        ),
      ),
    /pax "path" record/,
  ],
  [
    'a pax size record',
    SDIST,
    () => gzip(rawSdistTar(paxHeader({ size: '0' }), tarMember({ name: 'demo-1.0/ok.py' }, 'x'))),
    /pax "size" record/,
  ],
  [
    'a pax GNU.sparse.name record',
    SDIST,
    () =>
      gzip(
        rawSdistTar(
          paxHeader({ 'GNU.sparse.name': 'demo-1.0/x' }),
          tarMember({ name: 'demo-1.0/ok.py' }, 'x'),
        ),
      ),
    /pax "GNU\.sparse\.name" record/,
  ],
  [
    'a global pax path record',
    SDIST,
    () =>
      gzip(
        rawSdistTar(
          paxHeader({ path: 'demo-1.0/evil.py' }, 'g'),
          tarMember({ name: 'demo-1.0/ok.py' }, 'x'),
        ),
      ),
    /pax "path" record/,
  ],
  [
    'a pax linkpath record',
    SDIST,
    () =>
      gzip(
        rawSdistTar(
          paxHeader({ linkpath: '/etc/passwd' }),
          tarMember({ name: 'demo-1.0/ok.py' }, 'x'),
        ),
      ),
    /pax "linkpath" record/,
  ],
  [
    'a pax GNU.sparse.map record',
    SDIST,
    () =>
      gzip(
        rawSdistTar(
          paxHeader({ 'GNU.sparse.map': '0,1' }),
          tarMember({ name: 'demo-1.0/ok.py' }, 'x'),
        ),
      ),
    /pax "GNU\.sparse\.map" record/,
  ],
  [
    'a pax header then a GNU long name',
    SDIST,
    () =>
      gzip(
        rawSdistTar(
          paxHeader({ mtime: '1' }),
          gnuLongName('demo-1.0/long.py'),
          tarMember({ name: 'demo-1.0/ok.py' }, 'x'),
        ),
      ),
    /GNU long name and a pax header/,
  ],
  [
    'a malformed pax record (CPython stops reading there)',
    SDIST,
    () =>
      gzip(
        rawSdistTar(
          tarMember({ name: 'PaxHeader', type: 'x' }, '99 mtime=1\n'),
          tarMember({ name: 'demo-1.0/ok.py' }, 'x'),
        ),
      ),
    /malformed record/,
  ],
  [
    'a GNU long name with a pax header',
    SDIST,
    () =>
      gzip(
        rawSdistTar(
          gnuLongName('demo-1.0/long.py'),
          paxHeader({ mtime: '1' }),
          tarMember({ name: 'demo-1.0/ok.py' }, 'x'),
        ),
      ),
    /GNU long name and a pax header/,
  ],
  [
    'an old-style folder with data',
    SDIST,
    () =>
      gzip(
        rawSdistTar(
          tarMember(
            { name: 'demo-1.0/dir/', type: '\0' },
            tarMember({ name: 'demo-1.0/hidden.py' }, 'x'),
          ),
        ),
      ),
    /file entry named like a folder/,
  ],
  [
    'a folder with a size',
    SDIST,
    () => gzip(rawSdistTar(tarMember({ name: 'demo-1.0/dir/', type: '5' }, 'data'))),
    /folder that carries data/,
  ],
  [
    'a member after the end marker',
    SDIST,
    () => gzip(Buffer.concat([rawSdistTar(), tarMember({ name: 'demo-1.0/late.py' }, 'x')])),
    /data after its tar end-of-archive block/,
  ],
  [
    'a second gzip member',
    SDIST,
    () =>
      Buffer.concat([
        gzip(rawSdistTar()),
        gzip(tarBytes(tarMember({ name: 'demo-1.0/late.py' }, 'x'))),
      ]),
    /bytes after its gzip stream \(a second gzip member/,
  ],
  [
    'a bad checksum (CPython stops there)',
    SDIST,
    () => gzip(rawSdistTar(tarMember({ name: 'demo-1.0/x.py', checksum: 1 }, 'x'))),
    /bad checksum/,
  ],
  [
    'a V7 header without magic',
    SDIST,
    () => gzip(rawSdistTar(tarMember({ name: 'demo-1.0/x.py', magic: 'v7' }, 'x'))),
    /neither POSIX nor GNU/,
  ],
  [
    'a hard link',
    SDIST,
    () =>
      gzip(
        rawSdistTar(tarMember({ name: 'demo-1.0/l', type: '1', linkname: 'demo-1.0/PKG-INFO' })),
      ),
    /is a hard link/,
  ],
  [
    'a symlink',
    SDIST,
    () => gzip(rawSdistTar(tarMember({ name: 'demo-1.0/l', type: '2', linkname: '/etc' }))),
    /is a symbolic link/,
  ],
  [
    'a FIFO',
    SDIST,
    () => gzip(rawSdistTar(tarMember({ name: 'demo-1.0/f', type: '6' }))),
    /is a FIFO/,
  ],
  [
    'a top folder not named as the file',
    SDIST,
    () => gzip(tarBytes(tarMember({ name: 'Demo-1.0.0/PKG-INFO' }, PKG_INFO))),
    /outside the top-level folder "demo-1\.0"/,
  ],
  [
    'PKG-INFO deeper than the top folder',
    SDIST,
    () => gzip(tarBytes(tarMember({ name: 'demo-1.0/sub/PKG-INFO' }, PKG_INFO))),
    /"demo-1\.0\/PKG-INFO" is missing/,
  ],
  [
    'names differing only in case',
    SDIST,
    () =>
      gzip(rawSdistTar(tarMember({ name: 'demo-1.0/A.py' }), tarMember({ name: 'demo-1.0/a.py' }))),
    /install to the same path/,
  ],
  [
    'a duplicate member',
    SDIST,
    () => gzip(rawSdistTar(tarMember({ name: 'demo-1.0/setup.py' }, 'evil'))),
    /appears twice/,
  ],
];

function unicodePath(name: string, alias: string): Buffer {
  const field = Buffer.alloc(9);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + Buffer.byteLength(alias), 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(Buffer.from(name)), 5);
  return Buffer.concat([field, Buffer.from(alias)]);
}
/** Two central entries for one local header: overlapping entries. */
function sharedLocalHeader(): Buffer {
  const zip = wheel();
  const end = zip.length - 22;
  const start = zip.readUInt32LE(end + 16);
  const first = zip.subarray(start, start + 46 + zip.readUInt16LE(start + 28));
  const copy = Buffer.from(first);
  const out = Buffer.concat([zip.subarray(0, end), copy, zip.subarray(end)]);
  const at = out.length - 22;
  out.writeUInt16LE(out.readUInt16LE(at + 8) + 1, at + 8);
  out.writeUInt16LE(out.readUInt16LE(at + 10) + 1, at + 10);
  out.writeUInt32LE(out.readUInt32LE(at + 12) + copy.length, at + 12);
  return out;
}

/** A valid wheel with a zip64 end record and locator; `classicCount` overrides 0xFFFF. */
function zip64Wheel(count?: number, classicCount?: number): Buffer {
  const zip = Buffer.from(withZip64EntryCount(zipBytes(wheelEntries('demo', '1.0')), count ?? 4));
  if (classicCount !== undefined) {
    zip.writeUInt16LE(classicCount, zip.length - 22 + 8);
    zip.writeUInt16LE(classicCount, zip.length - 22 + 10);
  }
  return zip;
}

const accepted: [string, string, () => Buffer][] = [
  ['a wheel with zip64 end records', WHEEL, () => zip64Wheel()],
  ['a minimal wheel', WHEEL, () => wheel()],
  [
    'stored entries and folders',
    WHEEL,
    () =>
      wheelWith([
        { name: 'demo/', data: '', method: 0, mode: 0o40755 },
        { name: 'demo/a.py', data: 'a\n', method: 0 },
      ]),
  ],
  [
    '.data scripts and non-ASCII names',
    WHEEL,
    () =>
      wheelWith([
        file('demo/caf\u00e9.py'),
        file('demo-1.0.data/scripts/run'),
        file('demo-1.0.data/purelib/demo2/x.py'),
      ]),
  ],
  [
    'an sdist with folders, pax times and a GNU long name',
    SDIST,
    () =>
      gzip(
        rawSdistTar(
          tarMember({ name: 'demo-1.0/src', type: '5' }),
          paxHeader({ mtime: '1700000000.5', uname: 'builder' }),
          tarMember({ name: 'demo-1.0/src/a.py' }, 'a = 1\n'),
          gnuLongName(`demo-1.0/${'long/'.repeat(30)}x.py`),
          tarMember({ name: 'demo-1.0/placeholder' }, 'long\n'),
        ),
      ),
  ],
  [
    'an sdist with a ustar prefix',
    SDIST,
    () => gzip(rawSdistTar(tarMember({ name: 'b.py', prefix: 'demo-1.0/pkg' }, 'b\n'))),
  ],
];

describe('archives that can be read two ways are refused', () => {
  it.each(refused)('%s', async (_why, filename, make, message) => {
    const path = join(dir, `${Math.random().toString(36).slice(2)}-${filename}`);
    await writeFile(path, make());
    const view = await actionView(path, filename);
    expect(view).toBeInstanceOf(DistributionError);
    expect((view as DistributionError).message).toMatch(message);
    expect((view as DistributionError).message).not.toMatch(/[\n\r]/);
  });
});

describe('what the action accepts, CPython and pip read alike', () => {
  it('the committed fixtures and the generated archives', { timeout: 30_000 }, async () => {
    const paths: string[] = [];
    for (const name of readdirSync(FIXTURES)) {
      paths.push(join(dir, name));
      await copyFile(join(FIXTURES, name), join(dir, name));
    }
    for (const [index, [, filename, make]] of accepted.entries()) {
      const folder = await mkdtemp(join(dir, `ok-${index}-`));
      paths.push(join(folder, filename));
      await writeFile(join(folder, filename), make());
    }
    const views = await oracle(paths);
    for (const path of paths) {
      const ours = await actionView(path);
      if (ours instanceof DistributionError) throw ours;
      expect(ours.length, path).toBeGreaterThan(0);
      expect(
        disagreement(ours, views[path] as never, path.endsWith('.tar.gz')),
        path,
      ).toBeUndefined();
    }
  });
});
