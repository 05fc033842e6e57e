/**
 * The Warehouse stand-in's platform-tag rule for wheels (reference pypi-upload-rules.md §5), as
 * data: every platform tag of the filename's tag set, lowercased as packaging parses it, must
 * be on PyPI's fixed list or fit one of its patterns. The patterns are anchored at the start
 * only, as Python's `re.match` is: macOS, Linux and Android take the rest of the tag as the
 * architecture, iOS and Emscripten accept anything after their last fixed part.
 */
import { Refusal } from './warehouse-rules.ts';

const FIXED = new Set(
  `any win32 win_amd64 win_arm64 win_ia64 manylinux1_x86_64 manylinux1_i686
   manylinux2010_x86_64 manylinux2010_i686 manylinux2014_x86_64 manylinux2014_i686
   manylinux2014_aarch64 manylinux2014_armv7l manylinux2014_ppc64 manylinux2014_ppc64le
   manylinux2014_s390x linux_armv6l linux_armv7l`.split(/\s+/),
);
const LINUX_ARCHES = 'x86_64 i686 aarch64 armv7l ppc64le s390x riscv64'.split(' ');
const ARCHES: Record<'many' | 'musl', string[]> = {
  many: [...LINUX_ARCHES, 'ppc64'],
  musl: LINUX_ARCHES,
};
const MACOS_ARCHES = 'ppc ppc64 i386 x86_64 arm64 intel fat fat3 fat64 universal universal2'.split(
  ' ',
);
/** From macOS 11 on, only these majors, each with minor 0; 10 takes any minor. */
const MACOS_MAJORS = ['11', '12', '13', '14', '15', '26'];
const IOS_ARCHES = ['arm64', 'x86_64'];
const ANDROID_ARCHES = ['armeabi_v7a', 'arm64_v8a', 'x86', 'x86_64'];

/** Whether PyPI takes `tag` (already lowercased) as a wheel's platform tag. */
export function pypiTakesPlatform(tag: string): boolean {
  if (FIXED.has(tag)) return true;
  const mac = /^macosx_(\d+)_(\d+)_(.*)/.exec(tag);
  if (mac) {
    const [, major = '', minor, arch = ''] = mac;
    if (!MACOS_ARCHES.includes(arch)) return false;
    if (major === '10' || (MACOS_MAJORS.includes(major) && minor === '0')) return true;
  }
  const linux = /^(many|musl)linux_\d+_\d+_(.*)/.exec(tag);
  if (linux) return ARCHES[linux[1] as 'many' | 'musl'].includes(linux[2] as string);
  const ios = /^ios_\d+_\d+_(.*)_(iphoneos|iphonesimulator)/.exec(tag);
  if (ios && IOS_ARCHES.includes(ios[1] as string)) return true;
  const android = /^android_\d+_(.*)/.exec(tag);
  if (android && ANDROID_ARCHES.includes(android[1] as string)) return true;
  return /^pyemscripten_\d+_\d+_wasm32/.test(tag);
}

/**
 * Refuses a wheel whose filename does not have 5 or 6 dash-separated parts (packaging's
 * message) or names a platform PyPI does not take, as Warehouse does after the archive checks.
 */
export function checkWheelPlatforms(filename: string): void {
  const stem = filename.replace(/\.whl$/, '');
  const parts = stem.split('-');
  if (parts.length !== 5 && parts.length !== 6)
    throw new Refusal(400, `Invalid wheel filename (wrong number of parts): '${stem}'`);
  for (const platform of (parts.at(-1) as string).split('.')) {
    const tag = platform.toLowerCase();
    if (!pypiTakesPlatform(tag))
      throw new Refusal(
        400,
        `Binary wheel '${filename}' has an unsupported platform tag '${tag}'.`,
      );
  }
}
