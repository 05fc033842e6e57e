// Path confinement by Windows rules as well as POSIX ones, on any machine: path.win32 and
// path.posix are Node's own implementations of each platform's rules.
import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  fileNameProblem,
  inputFilePath,
  isInside,
  joinFileName,
  workspacePath,
} from '../src/core/workspace-files.ts';

describe('path confinement on Windows (path.win32)', () => {
  const workspace = 'D:\\a\\repo\\repo';

  it.each([
    ['dist', 'D:\\a\\repo\\repo\\dist'],
    ['dist\\wheels', 'D:\\a\\repo\\repo\\dist\\wheels'],
    ['dist/wheels', 'D:\\a\\repo\\repo\\dist\\wheels'],
    ['.', 'D:\\a\\repo\\repo'],
    ['..data', 'D:\\a\\repo\\repo\\..data'],
    ['D:\\a\\repo\\repo\\site', 'D:\\a\\repo\\repo\\site'],
    // Windows names are case-insensitive: the same folder, however it is spelled.
    ['d:\\A\\REPO\\repo\\dist', 'd:\\A\\REPO\\repo\\dist'],
  ])('accepts %s', (value, expected) => {
    expect(workspacePath('packages-dir', value, workspace, win32)).toBe(expected);
  });

  it.each([
    '..',
    '..\\..\\Windows',
    '../other',
    'dist\\..\\..\\x',
    'C:\\Windows\\System32',
    'E:dist', // drive-relative: on another drive
    '\\\\server\\share\\dist', // UNC
    '\\Windows', // root of the current drive
    'D:\\a\\repo\\repo-other',
  ])('refuses %s', (value) => {
    expect(() => workspacePath('packages-dir', value, workspace, win32)).toThrow(
      /Input "packages-dir": .* is outside the workspace/,
    );
  });

  it('compares parent and child on different drives as outside', () => {
    expect(isInside('C:\\ws', 'D:\\ws\\dist', win32)).toBe(false);
    expect(isInside('C:\\ws', 'C:\\ws', win32)).toBe(true);
    expect(isInside('C:\\ws', 'C:\\WS\\Dist', win32)).toBe(true);
  });
});

describe('path confinement on Linux and macOS (path.posix)', () => {
  const workspace = '/home/runner/work/repo/repo';

  it.each(['dist', './dist/', '..data', `${workspace}/site`])('accepts %s', (value) => {
    expect(workspacePath('index-dir', value, workspace, posix)).toBe(
      posix.resolve(workspace, value),
    );
  });

  it.each(['..', '../../etc', '/etc', 'dist/../../x', `${workspace}-other`])(
    'refuses %s',
    (value) => {
      expect(() => workspacePath('index-dir', value, workspace, posix)).toThrow(
        /outside the workspace/,
      );
    },
  );

  it('a backslash is a plain character on POSIX, not a separator', () => {
    expect(workspacePath('index-dir', '..\\x', workspace, posix)).toBe(`${workspace}/..\\x`);
  });
});

/**
 * Names that come from servers, joined into a folder: release assets (release/download.ts,
 * steps/index.ts), workflow artifacts and the distributions in them (custody/gather.ts), the
 * private copy of the distributions (distributions/staging.ts). Each join goes through
 * joinFileName, whose rules are checked here by both platforms' path modules.
 */
describe('names from servers joined into a folder (joinFileName)', () => {
  const plain = [
    'demo-1.0-py3-none-any.whl',
    'demo-1.0.tar.gz',
    'demo-1.0.tar.gz.asc',
    'cp311.intoto.jsonl',
    'SHA256SUMS',
    'release-dists-build-0123abcd',
    '..data', // dots inside a name are not a parent folder
    'console-1.0.tar.gz', // starts like a device name, but is not one
  ];
  const everywhere = [
    '',
    '.',
    '..',
    '../x.whl',
    '..\\x.whl',
    'sub/x.whl',
    'sub\\x.whl',
    '/etc/passwd',
    'C:\\Windows\\x.whl',
    '\\\\server\\share\\x.whl',
    'x\u202egpj.whl', // bidi override
    'x\n.whl',
  ];
  // Plain on POSIX, but on Windows a drive, a data stream, a dropped dot or a device.
  const windowsOnly = [
    'C:x.whl',
    'demo-1.0.whl:stream',
    'a<b>.whl',
    'what?.whl',
    'demo-1.0.tar.gz.',
    'demo-1.0.tar.gz ',
    'NUL',
    'con.whl',
    'COM1',
    'lpt9.tar.gz',
  ];

  it.each(plain)('win32: %s is joined directly into the folder', (name) => {
    expect(joinFileName('D:\\a\\_temp\\release', name, win32)).toBe(
      `D:\\a\\_temp\\release\\${name}`,
    );
    expect(fileNameProblem(name, win32)).toBeUndefined();
  });
  it.each(plain)('posix: %s is joined directly into the folder', (name) => {
    expect(joinFileName('/tmp/release', name, posix)).toBe(`/tmp/release/${name}`);
  });
  it.each([...everywhere, ...windowsOnly])('win32: %j is refused', (name) => {
    expect(joinFileName('D:\\a\\_temp\\release', name, win32)).toBeUndefined();
    expect(fileNameProblem(name, win32)).toBeDefined();
  });
  it.each(everywhere)('posix: %j is refused', (name) => {
    expect(joinFileName('/tmp/release', name, posix)).toBeUndefined();
  });
  it.each(windowsOnly)('posix: %j is a plain name there', (name) => {
    expect(joinFileName('/tmp/release', name, posix)).toBe(`/tmp/release/${name}`);
  });

  it('the staging copy keeps the basename of a Windows path', () => {
    const listed = 'D:\\a\\repo\\repo\\dist\\demo-1.0.tar.gz';
    expect(joinFileName('C:\\Temp\\staging-1', win32.basename(listed), win32)).toBe(
      'C:\\Temp\\staging-1\\demo-1.0.tar.gz',
    );
  });
});

describe('tag-signers files (inputFilePath): relative to the workspace, or absolute anywhere', () => {
  it('win32', () => {
    const workspace = 'D:\\a\\repo\\repo';
    expect(inputFilePath('keys\\maintainer.asc', workspace, win32)).toBe(
      'D:\\a\\repo\\repo\\keys\\maintainer.asc',
    );
    expect(inputFilePath('keys/maintainer.asc', workspace, win32)).toBe(
      'D:\\a\\repo\\repo\\keys\\maintainer.asc',
    );
    // The user's own choice: an absolute path (another drive, a share) is read as given.
    expect(inputFilePath('C:\\Users\\me\\maintainer.asc', workspace, win32)).toBe(
      'C:\\Users\\me\\maintainer.asc',
    );
    expect(inputFilePath('\\\\keys\\share\\m.asc', workspace, win32)).toBe(
      '\\\\keys\\share\\m.asc',
    );
  });
  it('posix', () => {
    const workspace = '/home/runner/work/repo/repo';
    expect(inputFilePath('keys/maintainer.asc', workspace, posix)).toBe(
      '/home/runner/work/repo/repo/keys/maintainer.asc',
    );
    expect(inputFilePath('/home/me/maintainer.asc', workspace, posix)).toBe(
      '/home/me/maintainer.asc',
    );
    // A Windows absolute path is a relative name on POSIX.
    expect(inputFilePath('C:\\keys\\m.asc', workspace, posix)).toBe(
      '/home/runner/work/repo/repo/C:\\keys\\m.asc',
    );
  });
});
