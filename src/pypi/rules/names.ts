/**
 * PyPI's rules for the name of a project it does not have yet (pypi/warehouse
 * `warehouse/packaging/services.py:487-592`): not a standard-library module name of any
 * Python version, and not "too similar" to an existing project. Standard-library names are in
 * data/stdlib-names.json (source and date recorded there).
 */
import { normalizeProjectName } from '../../distributions/filenames.ts';
import data from './data/stdlib-names.json' with { type: 'json' };
import type { Findings } from './types.ts';

const STDLIB = new Set<string>(data.names);
const HELP = 'See https://pypi.org/help/#project-name for more information.';

/**
 * Warehouse's `ultranormalize_name`: drop `.`, `_`, `-`; `l`, `L`, `i`, `I` become `1`;
 * `o`, `O` become `0`; lowercase. A new name is refused when this equals an existing one's.
 */
export function ultranormalizeName(name: string): string {
  return name
    .replace(/[._-]/g, '')
    .replace(/[lLiI]/g, '1')
    .replace(/[oO]/g, '0')
    .toLowerCase();
}

/** Whether `name` is a standard-library module name (or dotted prefix) once normalized. */
export function isStdlibName(name: string): boolean {
  return STDLIB.has(normalizeProjectName(name.replace(/^[-_.]+|[-_.]+$/g, '')));
}

/**
 * The new-project rules. `newProject` true: the project is known not to exist, a stdlib name
 * is refused; undefined: it may exist already (an old project may keep such a name), so the
 * rule is a warning. The similarity rule needs PyPI's whole project list: always a warning
 * for a new project, explaining it.
 */
export function checkProjectName(
  name: string,
  newProject: boolean | undefined,
  found: Findings,
): void {
  if (newProject === false) return;
  if (isStdlibName(name)) {
    const message = `The name '${name}' isn't allowed (conflict with Python Standard Library module name). ${HELP}`;
    if (newProject)
      found.refuse(
        'stdlib-name',
        message,
        'Choose another project name (the import name may stay): PyPI keeps standard-library module names, of every Python version, for itself.',
      );
    else
      found.warn(
        `If ${name} is not on the index yet, its first upload will be refused: "${message}" (${data.source}). \`step: publish\` asks each index before the first upload and stops if the project is new there.`,
      );
  }
  if (newProject)
    found.warn(
      `${name} is a new project: PyPI also refuses a name that is too similar to an existing project ("The name '${name}' is too similar to an existing project. ${HELP}"): after dropping . _ -, turning l, L, i, I into 1 and o, O into 0 and lowercasing, '${ultranormalizeName(name)}' must not equal any existing project's name so treated (e.g. Iogging ≈ logging, py-yaml ≈ pyyaml). The action cannot see PyPI's project list; a pending publisher only reserves the name you registered.`,
    );
}
