/**
 * PyPI's rules on what is inside the archive and its size: License-File members, the
 * entry_points.txt Warehouse parses, the compression ratio and the default size limits
 * (pypi/warehouse `warehouse/forklift/legacy.py:88-95,332-350,1128-1175,1397-1422,1515-1580`).
 */
import type { DistributionFacts, Findings } from './types.ts';
import { sentValues } from './metadata-rules.ts';
import { compareMetadataVersions } from './metadata-versions.ts';

const MIB = 1024 * 1024;
/** Warehouse's bomb rule: more than 64 MiB inflated and more than 50 times the file. */
export const PYPI_RATIO_MIN_BYTES = 64 * MIB;
export const PYPI_MAX_COMPRESSION_RATIO = 50;
/** PyPI's default limits: 100 MiB a file, 10 GiB a project. */
export const PYPI_FILE_LIMIT_BYTES = 100 * MIB;
export const PYPI_PROJECT_LIMIT_BYTES = 10 * 1024 * MIB;
export const STORAGE_LIMITS_URL = 'https://docs.pypi.org/project-management/storage-limits';

/** The archive's top folder as `os.path.commonpath` of the member names. */
function commonTop(members: readonly string[]): string {
  const split = members.map((m) => m.replace(/\/+$/, '').split('/'));
  const first = split[0] ?? [];
  let depth = first.length;
  for (const parts of split)
    while (depth > 0 && parts.slice(0, depth).join('/') !== first.slice(0, depth).join('/'))
      depth -= 1;
  return first.slice(0, depth).join('/');
}

/** Checks the archive's contents and size. */
export function checkContents(facts: DistributionFacts, found: Findings): void {
  const { parsed, metadata, members } = facts;
  const names = new Set(members);
  if (compareMetadataVersions(metadata.metadataVersion, '2.4') >= 0) {
    const base =
      parsed.kind === 'wheel'
        ? `${parsed.name}-${parsed.version}.dist-info/licenses`
        : commonTop(members);
    for (const path of sentValues(metadata, 'license-file')) {
      const at = `${base}/${path}`;
      if (!names.has(at))
        found.refuse(
          'license-file',
          `License-File ${path} does not exist in distribution file ${parsed.filename} at ${at}`,
          parsed.kind === 'wheel'
            ? `Metadata 2.4 wheels keep license files under .dist-info/licenses/: rebuild with a backend that supports PEP 639 (setuptools 77+, hatchling 1.27+).`
            : 'List in license-files only files that are in the sdist (and include them in it).',
        );
    }
  }
  if (parsed.kind === 'wheel' && facts.entryPoints && !entryPointsAccepted(facts.entryPoints))
    found.refuse(
      'entry-points',
      `Wheel '${parsed.filename}' has invalid entry points defined in the entry_points.txt file`,
      'Script names ([project.scripts], [project.gui-scripts]) may hold only letters, digits, _, . and -; entry_points.txt must be UTF-8 with no duplicate section or name.',
    );
  const inflated = facts.uncompressedBytes ?? 0;
  if (
    inflated > PYPI_RATIO_MIN_BYTES &&
    inflated / Math.max(facts.size, 1) > PYPI_MAX_COMPRESSION_RATIO
  )
    found.refuse(
      'compression-ratio',
      `Invalid distribution file. File exceeds compression ratio of ${PYPI_MAX_COMPRESSION_RATIO}`,
      `PyPI refuses a zip that inflates to more than 64 MiB and more than ${PYPI_MAX_COMPRESSION_RATIO} times its size: ship the large data compressed (or generate it at run time).`,
    );
  if (facts.size > PYPI_FILE_LIMIT_BYTES)
    found.refuse(
      'file-size',
      `File too large. Limit for project '${metadata.name}' is 100 MB. See ${STORAGE_LIMITS_URL}#requesting-a-file-size-limit-increase for more information.`,
      `Ask PyPI for a larger file limit (${STORAGE_LIMITS_URL}#requesting-a-file-size-limit-increase), or make the file smaller. If PyPI already raised this project's limit, set \`index-rules: none\` for this release.`,
    );
}

/**
 * Whether Warehouse's `configparser` reading of entry_points.txt succeeds and every console /
 * GUI script name fully matches `[\w.-]+` (`warehouse/utils/wheel.py:240-305`).
 */
export function entryPointsAccepted(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  const sections = new Map<string, Set<string>>();
  let current: Set<string> | undefined;
  let lastKeyIndent = -1;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const stripped = line.trim();
    const indent = line.length - line.trimStart().length;
    if (stripped === '' || /^[#;]/.test(stripped)) continue;
    // An indented line after a key continues its value (configparser's multi-line values).
    if (current && lastKeyIndent >= 0 && indent > lastKeyIndent) continue;
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) {
      const name = header[1] as string;
      if (sections.has(name)) return false;
      sections.set(name, (current = new Set()));
      lastKeyIndent = -1;
      continue;
    }
    if (!current) return false;
    const eq = line.indexOf('=');
    if (eq === -1) return false;
    const key = line.slice(0, eq).trim();
    if (current.has(key)) return false;
    current.add(key);
    lastKeyIndent = indent;
  }
  const inherited = sections.get('DEFAULT') ?? new Set<string>();
  for (const section of ['console_scripts', 'gui_scripts']) {
    const keys = sections.get(section);
    if (!keys) continue;
    for (const key of [...keys, ...inherited])
      if (!/^[\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}.-]+$/u.test(key)) return false;
  }
  return true;
}
