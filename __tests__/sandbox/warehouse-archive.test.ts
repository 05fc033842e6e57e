/**
 * The Warehouse stand-in's reading of uploaded archives, beyond the case table: the framing and
 * content rules of the reference (pypi-upload-rules.md §2, §3, §5, §6) with PyPI's messages,
 * in process (no action, no server), so it stays quick.
 */
import { gunzipSync } from 'node:zlib';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  inspectArchive,
  isStdlibName,
  useArchiveReader,
  type ArchiveFindings,
} from '../../sandbox/warehouse-archive.ts';
import { checkWheelPlatforms } from '../../sandbox/warehouse-platforms.ts';
import {
  metadataText,
  writeSdist,
  writeTarGz,
  zipBytes,
  wheelEntries,
  type TarEntrySpec,
  type WheelOptions,
  type ZipEntrySpec,
} from '../../fixtures/archives.ts';

const WHEEL = 'demo-1.0-py3-none-any.whl';
const INFO = 'demo-1.0.dist-info';

const found = (findings: ArchiveFindings) => ({
  archive: findings.archive && [findings.archive.status, findings.archive.message],
  contents: findings.contents && [findings.contents.status, findings.contents.message],
});

const wheel = (bytes: Uint8Array, licenseFiles: string[] = [], filename = WHEEL) =>
  inspectArchive({ filename, chunks: [Buffer.from(bytes)] }, 'bdist_wheel', licenseFiles).then(
    found,
  );
const wheelOf = (options: WheelOptions = {}, licenseFiles: string[] = []) =>
  wheel(zipBytes(wheelEntries('demo', '1.0', options)), licenseFiles);
const withEntryPoints = (text: string) =>
  wheelOf({ extra: [{ name: `${INFO}/entry_points.txt`, data: text }] });

const dir = await mkdtemp(join(tmpdir(), 'warehouse-archive-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function sdistBytes(entries: TarEntrySpec[]): Promise<Buffer> {
  const path = join(dir, `${Math.random()}.tar.gz`);
  await writeTarGz(path, entries);
  return readFile(path);
}
const sdist = (bytes: Buffer, licenseFiles: string[] = []) =>
  inspectArchive({ filename: 'demo-1.0.tar.gz', chunks: [bytes] }, 'sdist', licenseFiles).then(
    found,
  );

const invalid = (reason: string) => [400, `Invalid distribution file. ${reason}`];
const ok = { archive: undefined, contents: undefined };

/** Sets the compression method of `name` in the central directory (CPython reads it there). */
function withMethod(zip: Uint8Array, name: string, method: number): Buffer {
  const bytes = Buffer.from(zip);
  let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  while (at >= 0) {
    const length = bytes.readUInt16LE(at + 28);
    if (bytes.subarray(at + 46, at + 46 + length).toString() === name)
      bytes.writeUInt16LE(method, at + 10);
    at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 46);
  }
  return bytes;
}

describe('the stand-in reads wheels as PyPI does', () => {
  it('takes a plain wheel, and one whose RECORD lists other paths (PyPI only e-mails)', async () => {
    expect(await wheelOf()).toEqual(ok);
    expect(await wheelOf({ record: `${INFO}/RECORD,,\nnot/there.py,,\n` })).toEqual(ok);
  });

  it('refuses what is not a zip, or misses WHEEL where the filename puts it', async () => {
    expect((await wheel(Buffer.from('not a zip'))).archive).toEqual(
      invalid('File is not a zipfile'),
    );
    expect((await wheelOf({ wheel: false })).archive).toEqual(
      invalid(`WHEEL not found at ${INFO}/WHEEL`),
    );
    expect((await wheelOf({ distInfo: 'Demo-1.0.dist-info' })).archive).toEqual(
      invalid(`WHEEL not found at ${INFO}/WHEEL`),
    );
  });

  it('refuses a compression method other than stored or deflate', async () => {
    const zip = withMethod(zipBytes(wheelEntries('demo', '1.0')), 'demo/__init__.py', 12);
    expect((await wheel(zip)).archive).toEqual(
      invalid('File does not use a supported compression type'),
    );
  });

  it('answers "None" when CPython cannot read WHEEL (a CRC error)', async () => {
    const entries: ZipEntrySpec[] = wheelEntries('demo', '1.0').map((e) =>
      e.name.endsWith('/WHEEL') ? { ...e, level: 0 } : e,
    );
    const zip = Buffer.from(zipBytes(entries));
    const at = zip.indexOf('Root-Is-Purelib: true');
    zip.write('f', at + 'Root-Is-Purelib: '.length);
    expect((await wheel(zip)).archive).toEqual(invalid('None'));
  });

  it('refuses a wheel without RECORD or METADATA, and fails as a server on an empty RECORD line', async () => {
    expect((await wheelOf({ record: false })).contents).toEqual([
      400,
      `Wheel '${WHEEL}' does not contain the required RECORD file: ${INFO}/RECORD`,
    ]);
    expect((await wheelOf({ metadata: null })).contents).toEqual([
      400,
      `Wheel '${WHEEL}' does not contain the required METADATA file: ${INFO}/METADATA`,
    ]);
    expect((await wheelOf({ record: `${INFO}/RECORD,,\n\n` })).contents?.[0]).toBe(500);
  });

  it('looks for License-File only under dist-info/licenses', async () => {
    const licensed = { extra: [{ name: `${INFO}/licenses/LICENSE`, data: 'MIT' }] };
    expect(await wheelOf(licensed, ['LICENSE'])).toEqual(ok);
    expect((await wheelOf(licensed, ['COPYING'])).contents).toEqual([
      400,
      `License-File COPYING does not exist in distribution file ${WHEEL} at ${INFO}/licenses/COPYING`,
    ]);
  });

  it('reads entry_points.txt with configparser: strict, "=" only, script names of [\\w.-]', async () => {
    const refused = [
      400,
      `Wheel '${WHEEL}' has invalid entry points defined in the entry_points.txt file`,
    ];
    expect(await withEntryPoints('[console_scripts]\ncafé-2.x = demo:main\n')).toEqual(ok);
    expect(await withEntryPoints('[demo.plugins]\nmy plugin = demo:plugin\n')).toEqual(ok);
    expect(await withEntryPoints('[console_scripts]\nDemo = a:b\ndemo = a:c\n')).toEqual(ok);
    for (const text of [
      '[gui_scripts]\nmy/tool = demo:main\n',
      '[DEFAULT]\nbad name = demo:main\n[console_scripts]\ndemo = demo:main\n',
      'demo = demo:main\n[console_scripts]\n',
      '[console_scripts]\ndemo: demo:main\n',
      '[console_scripts]\n[console_scripts]\n',
    ])
      expect((await withEntryPoints(text)).contents, text).toEqual(refused);
    const latin1 = Buffer.from('[console_scripts]\ncaf\xe9 = demo:main\n', 'latin1');
    expect(
      (await wheelOf({ extra: [{ name: `${INFO}/entry_points.txt`, data: latin1 }] })).contents,
    ).toEqual(refused);
  });
});

describe('the stand-in reads sdists as PyPI does', () => {
  const top = 'demo-1.0';
  const plain = (extra: TarEntrySpec[] = []) =>
    sdistBytes([{ name: `${top}/PKG-INFO`, data: metadataText('demo', '1.0') }, ...extra]);

  it('takes a plain sdist and finds License-File under the top folder', async () => {
    const path = join(dir, 'demo-1.0.tar.gz');
    await writeSdist(path, 'demo', '1.0', [{ name: `${top}/LICENSE`, data: 'MIT' }]);
    expect(await sdist(await readFile(path), ['LICENSE'])).toEqual(ok);
    expect((await sdist(await readFile(path), ['COPYING'])).contents).toEqual([
      400,
      `License-File COPYING does not exist in distribution file demo-1.0.tar.gz at ${top}/COPYING`,
    ]);
  });

  it('refuses a file that is no tar, a tar not gzipped, two top folders, no PKG-INFO', async () => {
    expect((await sdist(Buffer.from('not a tar'))).archive).toEqual(
      invalid('File is not a tarfile'),
    );
    expect((await sdist(gunzipSync(await plain()))).archive).toEqual(invalid('None'));
    expect((await sdist(await plain([{ name: 'other-1.0/setup.py', data: '' }]))).archive).toEqual(
      invalid('Incorrect number of top-level directories in sdist'),
    );
    expect(
      (
        await sdist(
          await sdistBytes([{ name: `${top}/setup.py`, data: '' }, { name: `${top}/src/x.py` }]),
        )
      ).archive,
    ).toEqual(invalid(`PKG-INFO not found at ${top}/PKG-INFO`));
  });
});

describe("the stand-in's platform tags", () => {
  const tag = (platform: string) => () =>
    checkWheelPlatforms(`demo-1.0-cp312-cp312-${platform}.whl`);

  it('takes PyPI list and patterns, lowercased, with anything after iOS and Emscripten', () => {
    for (const platform of [
      'Win_AMD64',
      'macosx_10_9_universal2',
      'macosx_15_0_x86_64',
      'manylinux_2_17_x86_64.manylinux2014_x86_64',
      'musllinux_1_2_riscv64',
      'ios_13_0_arm64_iphoneos_extra',
      'pyemscripten_2025_0_wasm32_extra',
      'android_21_armeabi_v7a',
    ])
      expect(tag(platform), platform).not.toThrow();
  });

  it('refuses the first tag of a set PyPI does not take, and a filename of the wrong shape', () => {
    expect(tag('manylinux_2_17_x86_64.linux_x86_64')).toThrow(
      "Binary wheel 'demo-1.0-cp312-cp312-manylinux_2_17_x86_64.linux_x86_64.whl' has an unsupported platform tag 'linux_x86_64'.",
    );
    for (const platform of ['macosx_11_0_riscv', 'ios_13_0_arm64_ipados', 'emscripten_3_1_wasm32'])
      expect(tag(platform), platform).toThrow('unsupported platform tag');
    expect(() => checkWheelPlatforms('demo-1.0-any.whl')).toThrow(
      "Invalid wheel filename (wrong number of parts): 'demo-1.0-any'",
    );
  });
});

describe('the stand-in keeps standard-library names from new projects', () => {
  it('refuses module names and dotted prefixes of every version, normalized', async () => {
    for (const name of ['asyncio', 'os-path', 'os.path', 'XML_etree', 'test', 'urllib2', '_thread'])
      expect(await isStdlibName(name), name).toBe(true);
    for (const name of ['demo', 'hatch-demo', 'requests'])
      expect(await isStdlibName(name)).toBe(false);
  });
});

describe('the stand-in fails closed', () => {
  it('refuses an upload with a 500 when CPython cannot be run', async () => {
    useArchiveReader('/nonexistent/python3');
    try {
      await expect(wheelOf()).rejects.toMatchObject({
        status: 500,
        message: expect.stringContaining('could not read the upload with CPython'),
      });
    } finally {
      useArchiveReader();
    }
    expect(await wheelOf()).toEqual(ok);
  });
});
