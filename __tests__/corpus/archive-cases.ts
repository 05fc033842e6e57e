/**
 * The archive half of the held-back corpus: hostile or unlucky wheels and sdists, each a
 * builder of the file and the verdict `step: collect` must reach on it. Built with the
 * byte-level writers (constructions libraries refuse to write) and the library-backed ones.
 */
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import {
  metadataText,
  patchZipEntry,
  unicodePathField,
  wheelEntries,
  writeSdist,
  writeWheel,
  writeZip,
  writeZipBomb,
  zipBytes,
} from '../../fixtures/archives.ts';
import {
  gnuLongName,
  paxHeader,
  rawSdistTar,
  rawWheelEntries,
  rawZip,
  recordFor,
  tarBytes,
  tarMember,
  type RawZipEntry,
} from '../helpers/raw-archives.ts';
import type { Verdict } from './world.ts';

export const WHEEL = 'demo-1.0-py3-none-any.whl';
export const SDIST = 'demo-1.0.tar.gz';
const INFO = 'demo-1.0.dist-info';
const PKG_INFO = 'Metadata-Version: 2.1\nName: demo\nVersion: 1.0\n';

/** One archive: its filename in packages-dir, how to write it, and the verdict. */
export interface ArchiveCase {
  name: string;
  filename: string;
  write(path: string): Promise<void>;
  verdict: Verdict;
  /** Only with CORPUS_ALL=1 (slow). */
  slow?: boolean;
}

const bytes = (build: () => Uint8Array) => (path: string) => writeFile(path, build());
const wheel = (extra: RawZipEntry[] = [], options = {}) => rawZip(rawWheelEntries(extra), options);
const tweaked = (change: (entry: RawZipEntry) => RawZipEntry, name = 'demo/__init__.py') =>
  rawZip(rawWheelEntries().map((e) => (e.name === name ? change(e) : e)));
/** A wheel of `files` plus METADATA and WHEEL (given or default), RECORD computed. */
function wheelWith(files: RawZipEntry[], texts: { wheel?: string; metadata?: string } = {}) {
  const base = rawWheelEntries()
    .filter((e) => !e.name.endsWith('/RECORD') && e.name !== 'demo/__init__.py')
    .map((e) => {
      if (texts.wheel !== undefined && e.name.endsWith('/WHEEL'))
        return { ...e, data: texts.wheel };
      if (texts.metadata !== undefined && e.name.endsWith('/METADATA'))
        return { ...e, data: texts.metadata };
      return e;
    });
  const all = [...files, ...base];
  return rawZip([...all, { name: `${INFO}/RECORD`, data: recordFor(all, INFO) }]);
}
const file = (name: string, data: string | Uint8Array = 'x\n'): RawZipEntry => ({ name, data });
const sdist = (...middle: Buffer[]) => gzipSync(rawSdistTar(...middle));
const ok = tarMember({ name: 'demo-1.0/ok.py' }, 'x');

const refused = (
  name: string,
  filename: string,
  build: () => Uint8Array,
  pattern: RegExp,
): ArchiveCase => ({ name, filename, write: bytes(build), verdict: { refused: pattern } });
const accepted = (
  name: string,
  filename: string,
  write: (path: string) => Promise<void>,
): ArchiveCase => ({ name, filename, write, verdict: { accepted: true } });

const zipFraming: ArchiveCase[] = [
  refused(
    'two central directories',
    WHEEL,
    () => {
      const benign = wheel();
      const hostile = wheel([file('demo/evil.py', 'import os\n')]);
      return Buffer.concat([benign.subarray(0, benign.length - 22), hostile]);
    },
    /central directory/,
  ),
  refused(
    'a self-extractor stub',
    WHEEL,
    () => wheel([], { prefix: Buffer.from('MZ stub') }),
    /central directory|unlisted bytes/,
  ),
  refused(
    'a stub with a shifted offset',
    WHEEL,
    () => wheel([], { prefix: Buffer.alloc(16), offsetShift: 16 }),
    /central directory/,
  ),
  refused(
    'bytes hidden between entries',
    WHEEL,
    () => wheel([], { gap: Buffer.from('hidden') }),
    /unlisted bytes/,
  ),
  refused(
    'a second end record trailing',
    WHEEL,
    () => wheel([], { trailing: Buffer.from('PK\x05\x06') }),
    /end-of-central-directory/,
  ),
  refused(
    'an archive comment',
    WHEEL,
    () => wheel([], { comment: Buffer.from('hi') }),
    /comment|does not end with/,
  ),
  refused('a wrong entry count', WHEEL, () => wheel([], { count: 3 }), /entries/),
  refused(
    'local and central names differ',
    WHEEL,
    () => tweaked((e) => ({ ...e, local: { name: 'demo/__evil__.py' } })),
    /disagree on its name/,
  ),
  refused(
    'local and central CRCs differ',
    WHEEL,
    () => tweaked((e) => ({ ...e, local: { crc: 1 } })),
    /CRC-32/,
  ),
  refused(
    'local and central methods differ',
    WHEEL,
    () => tweaked((e) => ({ ...e, local: { method: 0 } })),
    /compression method/,
  ),
  refused(
    'local and central flags differ',
    WHEEL,
    () => tweaked((e) => ({ ...e, local: { flags: 2 } })),
    /flags/,
  ),
  refused(
    'local and central sizes differ',
    WHEEL,
    () => tweaked((e) => ({ ...e, local: { size: 1 } })),
    /sizes/,
  ),
  refused(
    'a wrong CRC in both headers',
    WHEEL,
    () => tweaked((e) => ({ ...e, crc: 1234, local: { crc: 1234 } })),
    /CRC-32/,
  ),
  refused('a data descriptor', WHEEL, () => tweaked((e) => ({ ...e, flags: 8 })), /descriptor/),
  refused('bzip2', WHEEL, () => tweaked((e) => ({ ...e, method: 12 })), /compression method 12/),
  refused('an encrypted entry', WHEEL, () => tweaked((e) => ({ ...e, flags: 1 })), /encrypted/),
  refused(
    'a deflate stream shorter than its size',
    WHEEL,
    () => tweaked((e) => ({ ...e, uncompressedSize: 99, local: { size: 99 } })),
    /declared size|bomb/,
  ),
  refused(
    'an offset past the end',
    WHEEL,
    () => tweaked((e) => ({ ...e, localOffset: 0xfffffff0 })),
    /offset/,
  ),
  refused(
    'a second name in a Unicode Path field',
    WHEEL,
    () =>
      tweaked((e) => ({
        ...e,
        centralExtra: unicodeExtra('demo/__init__.py', 'demo/evil.py'),
      })),
    /second, different name/,
  ),
  refused(
    'a lying uncompressed size (bomb)',
    WHEEL,
    () =>
      patchZipEntry(zipBytes(wheelEntries('demo', '1.0')), 'demo/__init__.py', {
        uncompressedSize: 0xfffffff0,
      }),
    /size|sizes|bomb/,
  ),
  refused('an empty file', WHEEL, () => new Uint8Array(), /zip|empty|end-of-central/),
  refused(
    'an HTML error page saved as a wheel',
    WHEEL,
    () => Buffer.from('<!DOCTYPE html><html><body>404 Not Found</body></html>\n'),
    /zip|end-of-central/,
  ),
  refused('an sdist renamed to .whl', WHEEL, () => sdist(ok), /zip|end-of-central/),
  refused('half a wheel', WHEEL, () => wheel().subarray(0, 200), /zip|end-of-central/),
  refused(
    'the last byte cut',
    WHEEL,
    () => {
      const whole = wheel();
      return whole.subarray(0, whole.length - 1);
    },
    /zip|end-of-central/,
  ),
];

function unicodeExtra(name: string, alias: string): Buffer {
  const [id, data] = Object.entries(unicodePathField(name, alias))[0] as [string, Uint8Array];
  const head = Buffer.alloc(4);
  head.writeUInt16LE(Number(id), 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

const wheelPaths: ArchiveCase[] = [
  refused('a ../ path', WHEEL, () => wheelWith([file('../evil.py')]), /evil\.py/),
  refused('an absolute path', WHEEL, () => wheelWith([file('/etc/evil.py')]), /evil\.py/),
  refused('a deep ../ path', WHEEL, () => wheelWith([file('demo/../../../.bashrc')]), /bashrc/),
  refused('a drive letter', WHEEL, () => wheelWith([file('C:/evil.py')]), /evil\.py/),
  refused(
    'a symbolic link entry',
    WHEEL,
    () => wheelWith([{ name: 'demo/link', data: '/etc/passwd', mode: 0o120777 }]),
    /link/,
  ),
  refused(
    'an exact duplicate',
    WHEEL,
    () => wheelWith([file('demo/a.py'), file('demo/a.py')]),
    /twice/,
  ),
  refused('a ./ segment', WHEEL, () => wheelWith([file('demo/./a.py')]), /segment/),
  refused('an empty segment', WHEEL, () => wheelWith([file('demo//a.py')]), /segment/),
  refused('a backslash', WHEEL, () => wheelWith([file('demo\\a.py')]), /backslash/),
  refused(
    'names equal up to case',
    WHEEL,
    () => wheelWith([file('demo/A.py'), file('demo/a.py')]),
    /same path/,
  ),
  refused(
    'NFC and NFD spellings',
    WHEEL,
    () => wheelWith([file('demo/caf\u00e9.py'), file('demo/cafe\u0301.py')]),
    /same path/,
  ),
  refused(
    'a second .dist-info folder',
    WHEEL,
    () => wheelWith([file('Demo-1.0.dist-info/METADATA')]),
    /metadata folder/,
  ),
  refused(
    'a .data folder of another name',
    WHEEL,
    () => wheelWith([file('other-1.0.data/purelib/x.py')]),
    /data folder/,
  ),
  refused(
    'purelib over the package',
    WHEEL,
    () => wheelWith([file('demo/__init__.py'), file('demo-1.0.data/purelib/demo/__init__.py')]),
    /same path/,
  ),
  refused('an unknown scheme', WHEEL, () => wheelWith([file('demo-1.0.data/evil/x')]), /scheme/),
  refused('a bidi control', WHEEL, () => wheelWith([file('demo/\u202eyp.txt')]), /bidirectional/),
  refused('a device name', WHEEL, () => wheelWith([file('demo/aux.py')]), /device name/),
  refused('a reserved character', WHEEL, () => wheelWith([file('demo/a:b.py')]), /Windows/),
  refused('a tab in a name', WHEEL, () => wheelWith([file('demo/a\tb.py')]), /control/),
  refused('a NUL in a name', WHEEL, () => wheelWith([file('demo/a\u0000b.py')]), /control/),
  refused(
    'a file where a folder is needed',
    WHEEL,
    () => wheelWith([file('demo/x'), file('demo/x/y.py')]),
    /needs a folder/,
  ),
];

const wheelMetadata: ArchiveCase[] = [
  refused(
    'Wheel-Version 2.0',
    WHEEL,
    () =>
      wheelWith([file('demo/a.py')], {
        wheel: 'Wheel-Version: 2.0\nRoot-Is-Purelib: true\nTag: py3-none-any\n',
      }),
    /Wheel-Version/,
  ),
  refused(
    'no Root-Is-Purelib',
    WHEEL,
    () => wheelWith([file('demo/a.py')], { wheel: 'Wheel-Version: 1.0\nTag: py3-none-any\n' }),
    /Root-Is-Purelib/,
  ),
  refused(
    'tags the filename does not say',
    WHEEL,
    () =>
      wheelWith([file('demo/a.py')], {
        wheel: 'Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: cp312-cp312-win_amd64\n',
      }),
    /tags/,
  ),
  refused(
    'a RECORD hash that does not match',
    WHEEL,
    () => tweaked((e) => ({ ...e, data: 'print("evil")\n' })),
    /RECORD/,
  ),
  refused(
    'a file RECORD leaves out',
    WHEEL,
    () => rawZip([...rawWheelEntries(), file('demo/extra.py')]),
    /not listed in its RECORD/,
  ),
  refused(
    'an md5 RECORD',
    WHEEL,
    () =>
      rawZip(
        rawWheelEntries().map((e) =>
          e.name.endsWith('RECORD') ? { ...e, data: 'demo/__init__.py,md5=AAAA,15\n' } : e,
        ),
      ),
    /sha256/,
  ),
  refused(
    'no METADATA',
    WHEEL,
    () => zipBytes(wheelEntries('demo', '1.0', { metadata: null })),
    /METADATA/,
  ),
  refused(
    'no WHEEL',
    WHEEL,
    () => zipBytes(wheelEntries('demo', '1.0', { wheel: false })),
    /WHEEL/,
  ),
  refused(
    'no RECORD',
    WHEEL,
    () => zipBytes(wheelEntries('demo', '1.0', { record: false })),
    /RECORD/,
  ),
  refused(
    'METADATA of another project',
    WHEEL,
    () => wheelWith([file('demo/a.py')], { metadata: metadataText('other', '1.0') }),
    /other|name/i,
  ),
  refused(
    'METADATA of another version',
    WHEEL,
    () => wheelWith([file('demo/a.py')], { metadata: metadataText('demo', '2.0') }),
    /2\.0|version/i,
  ),
  refused(
    'an empty METADATA',
    WHEEL,
    () => wheelWith([file('demo/a.py')], { metadata: '' }),
    /METADATA|Metadata-Version|Name/,
  ),
  refused(
    'a Metadata-Version from the future',
    WHEEL,
    () =>
      wheelWith([file('demo/a.py')], {
        metadata: 'Metadata-Version: 9.9\nName: demo\nVersion: 1.0\n',
      }),
    /Metadata-Version/,
  ),
  refused(
    'a version that is not PEP 440',
    'demo-1.0.x-py3-none-any.whl',
    () => wheel(),
    /version|filename/i,
  ),
];

const wheelFilenames: ArchiveCase[] = [
  refused('a name with no tags', 'demo.whl', () => wheel(), /filename|name/i),
  refused('four parts', 'demo-1.0-py3-none.whl', () => wheel(), /filename|name/i),
  refused('an egg', 'demo-1.0-py3.7.egg', () => wheel(), /egg|filename|not a/i),
  refused(
    'a zip sdist',
    'demo-1.0.zip',
    () => zipBytes([{ name: 'demo-1.0/PKG-INFO', data: PKG_INFO }]),
    /zip|tar\.gz|filename/i,
  ),
  refused('a bdist_wininst exe', 'demo-1.0.win32.exe', () => wheel(), /exe|filename|not a/i),
];

const sdists: ArchiveCase[] = [
  refused(
    'a pax path',
    SDIST,
    () => sdist(paxHeader({ path: 'demo-1.0/evil.py' }), ok),
    /pax "path"/,
  ),
  refused('a pax size', SDIST, () => sdist(paxHeader({ size: '0' }), ok), /pax "size"/),
  refused(
    'a pax linkpath',
    SDIST,
    () => sdist(paxHeader({ linkpath: '/etc/passwd' }), ok),
    /linkpath/,
  ),
  refused(
    'a pax hdrcharset',
    SDIST,
    () => sdist(paxHeader({ hdrcharset: 'BINARY' }), ok),
    /hdrcharset/,
  ),
  refused('a global pax path', SDIST, () => sdist(paxHeader({ path: 'x' }, 'g'), ok), /pax "path"/),
  refused(
    'a GNU long name after a pax header',
    SDIST,
    () => sdist(paxHeader({ mtime: '1' }), gnuLongName('demo-1.0/long.py'), ok),
    /long name/,
  ),
  refused(
    'a symbolic link',
    SDIST,
    () => sdist(tarMember({ name: 'demo-1.0/link', type: '2', linkname: '/etc/passwd' })),
    /link/,
  ),
  refused(
    'a hard link',
    SDIST,
    () => sdist(tarMember({ name: 'demo-1.0/hard', type: '1', linkname: 'demo-1.0/PKG-INFO' })),
    /link/,
  ),
  refused(
    'a FIFO',
    SDIST,
    () => sdist(tarMember({ name: 'demo-1.0/fifo', type: '6' })),
    /FIFO|fifo|type/,
  ),
  refused(
    'a device',
    SDIST,
    () => sdist(tarMember({ name: 'demo-1.0/dev', type: '3' })),
    /device|type/,
  ),
  refused(
    'a sparse file',
    SDIST,
    () => sdist(tarMember({ name: 'demo-1.0/s', type: 'S' })),
    /sparse|type/,
  ),
  refused(
    'a ../ path',
    SDIST,
    () => sdist(tarMember({ name: 'demo-1.0/../../evil.py' }, 'x')),
    /evil\.py/,
  ),
  refused(
    'an absolute path',
    SDIST,
    () => sdist(tarMember({ name: '/etc/evil.py' }, 'x')),
    /evil\.py/,
  ),
  refused(
    'a second top folder',
    SDIST,
    () => sdist(tarMember({ name: 'other-1.0/x.py' }, 'x')),
    /other-1\.0|top/,
  ),
  refused(
    'a top folder of another spelling',
    SDIST,
    () => gzipSync(tarBytes(tarMember({ name: 'Demo-1.0/PKG-INFO' }, PKG_INFO))),
    /Demo-1\.0|top|folder/,
  ),
  refused(
    'no PKG-INFO',
    SDIST,
    () => gzipSync(tarBytes(tarMember({ name: 'demo-1.0/setup.py' }, 'x'))),
    /PKG-INFO/,
  ),
  refused(
    'PKG-INFO of another version',
    SDIST,
    () =>
      gzipSync(tarBytes(tarMember({ name: 'demo-1.0/PKG-INFO' }, PKG_INFO.replace('1.0', '2.0')))),
    /2\.0|version/i,
  ),
  refused(
    'a duplicate member',
    SDIST,
    () =>
      sdist(tarMember({ name: 'demo-1.0/a.py' }, 'x'), tarMember({ name: 'demo-1.0/a.py' }, 'y')),
    /twice|same path|duplicate/,
  ),
  refused(
    'garbage after the gzip stream',
    SDIST,
    () => Buffer.concat([sdist(ok), Buffer.from('tail')]),
    /gzip|trailing|end/,
  ),
  refused(
    'two gzip members',
    SDIST,
    () => Buffer.concat([sdist(ok), gzipSync(Buffer.alloc(1024))]),
    /gzip|member/,
  ),
  refused('a truncated gzip stream', SDIST, () => sdist(ok).subarray(0, 100), /gzip|truncated|end/),
  refused('a tar that is not gzipped', SDIST, () => rawSdistTar(ok), /gzip/),
  refused('a zip named .tar.gz', SDIST, () => wheel(), /gzip/),
  refused(
    'a wrong header checksum',
    SDIST,
    () => sdist(tarMember({ name: 'demo-1.0/ok.py', checksum: 1 }, 'x')),
    /checksum/,
  ),
  refused(
    'data after the end-of-archive blocks',
    SDIST,
    () => gzipSync(Buffer.concat([rawSdistTar(ok), tarMember({ name: 'demo-1.0/late.py' }, 'x')])),
    /end-of-archive|after the end|zeros/,
  ),
  refused(
    'a folder with data',
    SDIST,
    () => sdist(tarMember({ name: 'demo-1.0/d/', type: '5' }, 'hidden')),
    /folder/,
  ),
  refused(
    'a file named like a folder',
    SDIST,
    () => sdist(tarMember({ name: 'demo-1.0/f/' }, 'x')),
    /folder/,
  ),
  {
    name: 'a symbolic link written by tar-stream',
    filename: SDIST,
    write: (path) =>
      writeSdist(path, 'demo', '1.0', [
        { name: 'demo-1.0/passwd', type: 'symlink', linkname: '/etc/passwd' },
      ]),
    verdict: { refused: /link/ },
  },
];

const bombs: ArchiveCase[] = [
  // PyPI's rule: the whole archive over 64 MiB inflated and over 50 times its size.
  {
    name: "a zip bomb over PyPI's ratio (70 x 1 MiB of zeros)",
    filename: WHEEL,
    // One buffer of zeros for every entry: the writer deflates it once (zlib, level 6).
    write: (path) => {
      const zeros = new Uint8Array(1024 * 1024);
      return writeFile(
        path,
        wheel(Array.from({ length: 70 }, (_, i) => ({ name: `demo/zeros-${i}.bin`, data: zeros }))),
      );
    },
    verdict: { refused: /File exceeds compression ratio of 50/ },
  },
  // The runner's own bound, whatever the index: headers declaring 12 GiB are refused before
  // anything is inflated.
  refused(
    'a zip bomb by its headers (three entries declaring 4 GiB each)',
    WHEEL,
    () => {
      let zip = zipBytes(
        wheelEntries('demo', '1.0', {
          extra: ['a', 'b', 'c'].map((n) => ({ name: `demo/${n}`, data: 'x' })),
        }),
      );
      for (const n of ['a', 'b', 'c'])
        zip = patchZipEntry(zip, `demo/${n}`, { uncompressedSize: 0xfffffff0 });
      return zip;
    },
    /over the action's limit of 8 GiB \(8589934592 bytes\) uncompressed \(a decompression bomb/,
  ),
  // Under 64 MiB: PyPI takes it, whatever the ratio.
  accepted('8 MiB of zeros (PyPI accepts it)', WHEEL, (path) =>
    writeZipBomb(path, { bytes: 8 * 1024 * 1024 }),
  ),
  {
    name: 'a zip bomb (50 MiB of zeros)',
    filename: WHEEL,
    write: (path) => writeZipBomb(path),
    verdict: { accepted: true },
    slow: true,
  },
];

const legal: ArchiveCase[] = [
  accepted('a plain wheel', WHEEL, (path) => writeWheel(path, 'demo', '1.0')),
  accepted('a plain sdist', SDIST, (path) => writeSdist(path, 'demo', '1.0')),
  accepted('a raw wheel, deflated', WHEEL, async (path) => writeFile(path, wheel())),
  accepted('a raw wheel, stored', WHEEL, async (path) =>
    writeFile(path, rawZip(rawWheelEntries().map((e) => ({ ...e, method: 0 })))),
  ),
  accepted('a UTF-8 name with its flag', WHEEL, async (path) =>
    writeFile(path, wheelWith([file('demo/caf\u00e9.py')])),
  ),
  accepted('a .data/scripts file', WHEEL, async (path) =>
    writeFile(
      path,
      wheelWith([file('demo/a.py'), file('demo-1.0.data/scripts/demo-run', '#!python\n')]),
    ),
  ),
  accepted('an empty folder in an sdist', SDIST, async (path) =>
    writeFile(path, sdist(tarMember({ name: 'demo-1.0/empty/', type: '5' }))),
  ),
  accepted('a GNU long name alone', SDIST, async (path) =>
    writeFile(
      path,
      sdist(
        gnuLongName(`demo-1.0/${'l'.repeat(120)}.py`),
        tarMember({ name: 'demo-1.0/short' }, 'x'),
      ),
    ),
  ),
  accepted('a pax mtime record', SDIST, async (path) =>
    writeFile(path, sdist(paxHeader({ mtime: '1700000000.5' }), ok)),
  ),
  // Not hostile, unlucky: a description of one repeated character compresses a thousandfold,
  // and PyPI takes it.
  accepted('a METADATA of 1 MiB of one character', WHEEL, (path) =>
    writeZip(
      path,
      wheelEntries('demo', '1.0', {
        metadata: metadataText('demo', '1.0') + 'x'.repeat(1024 * 1024),
      }),
    ),
  ),
];

/** Every archive case; `slow` ones only run with CORPUS_ALL=1. */
export const ARCHIVE_CASES: ArchiveCase[] = [
  ...zipFraming,
  ...wheelPaths,
  ...wheelMetadata,
  ...wheelFilenames,
  ...sdists,
  ...bombs,
  ...legal,
];
