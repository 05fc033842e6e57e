/**
 * PyPI's platform-tag list, as Warehouse's `_valid_platform_tag` has it
 * (pypi/warehouse `warehouse/forklift/legacy.py:118-229`). packaging lowercases every tag
 * before Warehouse looks, so `Win_AMD64` passes.
 */

const FIXED = new Set([
  'any',
  'win32',
  'win_amd64',
  'win_arm64',
  'win_ia64',
  'manylinux1_x86_64',
  'manylinux1_i686',
  'manylinux2010_x86_64',
  'manylinux2010_i686',
  ...['x86_64', 'i686', 'aarch64', 'armv7l', 'ppc64', 'ppc64le', 's390x'].map(
    (arch) => `manylinux2014_${arch}`,
  ),
  'linux_armv6l',
  'linux_armv7l',
]);

const MANYLINUX_ARCHES = [
  'x86_64',
  'i686',
  'aarch64',
  'armv7l',
  'ppc64le',
  's390x',
  'riscv64',
  'ppc64',
];
const MUSLLINUX_ARCHES = MANYLINUX_ARCHES.filter((arch) => arch !== 'ppc64');
const MACOS_ARCHES = [
  'ppc',
  'ppc64',
  'i386',
  'x86_64',
  'arm64',
  'intel',
  'fat',
  'fat3',
  'fat64',
  'universal',
  'universal2',
];
/** macOS 11 and later: only these majors, minor 0 (16-25 never existed). */
const MACOS_MAJORS = ['11', '12', '13', '14', '15', '26'];
const ANDROID_ARCHES = ['armeabi_v7a', 'arm64_v8a', 'x86', 'x86_64'];

/** Whether PyPI accepts `tag` as a platform tag of a binary wheel. */
export function isPypiPlatformTag(tag: string): boolean {
  const t = tag.toLowerCase();
  if (FIXED.has(t)) return true;
  let m = /^manylinux_\d+_\d+_(.*)$/.exec(t);
  if (m) return MANYLINUX_ARCHES.includes(m[1] as string);
  m = /^musllinux_\d+_\d+_(.*)$/.exec(t);
  if (m) return MUSLLINUX_ARCHES.includes(m[1] as string);
  m = /^macosx_10_\d+_(.*)$/.exec(t);
  if (m) return MACOS_ARCHES.includes(m[1] as string);
  m = /^macosx_(\d+)_0_(.*)$/.exec(t);
  if (m) return MACOS_MAJORS.includes(m[1] as string) && MACOS_ARCHES.includes(m[2] as string);
  m = /^android_\d+_(.*)$/.exec(t);
  if (m) return ANDROID_ARCHES.includes(m[1] as string);
  // Warehouse matches these two from the start only: anything may follow the SDK / wasm32.
  if (/^ios_\d+_\d+_(arm64|x86_64)_(iphoneos|iphonesimulator)/.test(t)) return true;
  return /^pyemscripten_\d+_\d+_wasm32/.test(t);
}
