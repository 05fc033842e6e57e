/**
 * Just enough of PEP 440 specifiers and PEP 508 requirements to tell what packaging (and so
 * PyPI) refuses: a bad specifier, and a requirement with a direct URL.
 * https://packaging.python.org/en/latest/specifications/dependency-specifiers/
 */
import { validRange } from '@renovatebot/pep440';

const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z0-9])/;

/** A PEP 440 specifier set as `SpecifierSet` reads it (comma-separated, empty parts ignored). */
export function isValidSpecifierSet(text: string): boolean {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return parts.every((part) => /^(===|~=|==|!=|<=|>=|<|>)/.test(part) && validRange(part));
}

export interface ParsedRequirement {
  name: string;
  /** Present for `name @ url`: PyPI refuses direct dependencies. */
  url?: string;
}

/** Parses a PEP 508 requirement; undefined when packaging would not parse it. */
export function parseRequirement(text: string): ParsedRequirement | undefined {
  const value = text.trim();
  const name = NAME.exec(value)?.[0];
  if (!name) return undefined;
  let rest = value.slice(name.length).trimStart();
  const extras = /^\[([^\]]*)\]/.exec(rest);
  if (extras) {
    const list = (extras[1] as string).split(',').map((e) => e.trim());
    if (!list.every((e) => e === '' || NAME.exec(e)?.[0] === e)) return undefined;
    rest = rest.slice(extras[0].length).trimStart();
  }
  if (rest.startsWith('@')) {
    // The URL ends at whitespace; a marker may follow after ` ;`.
    const url = /^@\s*(\S+)/.exec(rest)?.[1];
    return url ? { name, url } : undefined;
  }
  const semicolon = rest.indexOf(';');
  let spec = (semicolon === -1 ? rest : rest.slice(0, semicolon)).trim();
  const marker = semicolon === -1 ? undefined : rest.slice(semicolon + 1).trim();
  if (marker === '') return undefined;
  if (spec.startsWith('(')) {
    if (!spec.endsWith(')')) return undefined;
    spec = spec.slice(1, -1).trim();
  }
  if (spec !== '' && !isValidSpecifierSet(spec)) return undefined;
  return { name };
}
