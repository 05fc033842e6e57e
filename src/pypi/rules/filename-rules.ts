/**
 * PyPI's rules on a distribution's filename (pypi/warehouse `warehouse/forklift/legacy.py`:
 * characters and extension at 249-283, PEP 625 sdist names at 1318-1393, wheel names and
 * platform tags at 1425-1503, the `.metadata` companion file at 1603-1617).
 */
import { canonicalVersion } from '../../distributions/filenames.ts';
import { isPypiPlatformTag } from './platform-tags.ts';
import type { DistributionFacts, Findings } from './types.ts';

const REBUILD = 'Rebuild with a current build backend instead of renaming the file.';
/** PyPI stores `<wheel>.metadata` beside the wheel: 255 bytes minus `.metadata`. */
const MAX_WHEEL_NAME_BYTES = 246;

/** Checks the filename of one distribution. */
export function checkFilename({ parsed, metadata }: DistributionFacts, found: Findings): void {
  const { filename } = parsed;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(filename))
    found.refuse(
      'filename-characters',
      'Cannot upload a file with non-printable characters (ordinals 0-31) or the DEL character (ordinal 127) in the name.',
      REBUILD,
    );
  if (/[/\\]/.test(filename))
    found.refuse(
      'filename-characters',
      "Cannot upload a file with '/' or '\\' in the name.",
      REBUILD,
    );
  // PyPI reads the version from the metadata (the form), and names the sdist after it.
  const version = canonicalVersion(metadata.version, filename);
  if (version.includes('+'))
    found.refuse(
      'local-version',
      `The use of local versions in '${version}' is not allowed.`,
      'Release a public version: no `+local` part (set the version without it, e.g. in pyproject.toml or your VCS versioning tool).',
    );
  const stem = parsed.project.replace(/-/g, '_');
  if (parsed.kind === 'sdist') {
    const expected = `${stem}-${version}.tar.gz`;
    if (!filename.endsWith('.tar.gz') && !filename.endsWith('.zip'))
      found.refuse(
        'extension',
        `Invalid file extension: Extension ${filename.slice(filename.indexOf('.'))} is invalid for filetype sdist.`,
        'Build the sdist as .tar.gz.',
      );
    else if (filename !== expected)
      found.refuse(
        'sdist-filename',
        `Filename '${filename}' is invalid, should be '${expected}'.`,
        `PEP 625: build the sdist with a backend that writes ${expected} (setuptools 69.3+, hatchling, flit-core 3.9+, poetry-core 2+, maturin 1.5+).`,
      );
    return;
  }
  if (parsed.name !== stem)
    found.refuse(
      'wheel-filename',
      `Filename '${filename}' should contain the normalized project name '${stem}', not '${parsed.name}'.`,
      `Rebuild with a current backend: wheel names start with the normalized name (${stem}).`,
    );
  if (Buffer.byteLength(filename) > MAX_WHEEL_NAME_BYTES)
    found.refuse(
      'filename-length',
      `Filename is too long: '${filename}'`,
      `Keep wheel names to ${MAX_WHEEL_NAME_BYTES} bytes: PyPI stores '<wheel>.metadata' beside it (fewer compressed tags, a shorter build tag).`,
    );
  for (const tag of parsed.platformTags)
    if (!isPypiPlatformTag(tag))
      found.refuse(
        'platform-tag',
        `Binary wheel '${filename}' has an unsupported platform tag '${tag}'.`,
        tag.toLowerCase().startsWith('linux_')
          ? 'Repair the wheel with auditwheel (or build it with cibuildwheel) to get a manylinux/musllinux tag.'
          : 'Build for a platform PyPI lists (https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/).',
      );
}
