/**
 * Metadata-Versions, written once: which the core-metadata specification defines, which field
 * each version introduced, and which PyPI accepts.
 * https://packaging.python.org/en/latest/specifications/core-metadata/
 */

/**
 * Field (lowercase) -> the Metadata-Version that introduced it, as `packaging.metadata`
 * checks it (pypa/packaging 26.2 `_VALID_METADATA_VERSIONS` / `_process_*`); fields of 1.0
 * are not listed.
 */
export const FIELD_INTRODUCED: Readonly<Record<string, string>> = {
  'supported-platform': '1.1',
  'download-url': '1.1',
  classifier: '1.1',
  requires: '1.1',
  provides: '1.1',
  obsoletes: '1.1',
  maintainer: '1.2',
  'maintainer-email': '1.2',
  'requires-dist': '1.2',
  'requires-python': '1.2',
  'requires-external': '1.2',
  'project-url': '1.2',
  'provides-dist': '1.2',
  'obsoletes-dist': '1.2',
  'description-content-type': '2.1',
  'provides-extra': '2.1',
  dynamic: '2.2',
  'license-expression': '2.4',
  'license-file': '2.4',
  'import-name': '2.5',
  'import-namespace': '2.5',
};

/** Every Metadata-Version the specification defines, oldest first. */
export const SPEC_METADATA_VERSIONS: readonly string[] = [
  '1.0',
  '1.1',
  '1.2',
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '2.5',
  '2.6',
];

/** Metadata-Versions PyPI accepts (Warehouse `SUPPORTED_METADATA_VERSIONS`: no 2.0, no 2.6). */
export const PYPI_METADATA_VERSIONS: readonly string[] = SPEC_METADATA_VERSIONS.filter(
  (v) => v !== '2.6',
);

/** Compares two Metadata-Versions (`major.minor`). */
export function compareMetadataVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split('.').map(Number);
  const [bm = 0, bn = 0] = b.split('.').map(Number);
  return am - bm || an - bn;
}
