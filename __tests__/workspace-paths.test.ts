// Path confinement by Windows rules as well as POSIX ones, on any machine: path.win32 and
// path.posix are Node's own implementations of each platform's rules.
import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, workspacePath } from '../src/core/workspace-files.ts';

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
