/**
 * License-Expression (SPDX, checked like packaging's `canonicalize_license_expression`:
 * identifiers and operators case-insensitive, `LicenseRef-` allowed, `DocumentRef-` not) and
 * the License-File path rules (pypa/packaging `src/packaging/metadata.py:698-730`).
 */
import parseSpdx from 'spdx-expression-parse';
import licenseIds from 'spdx-license-ids/index.json' with { type: 'json' };
import deprecatedIds from 'spdx-license-ids/deprecated.json' with { type: 'json' };
import exceptionIds from 'spdx-exceptions/index.json' with { type: 'json' };
import deprecatedExceptions from 'spdx-exceptions/deprecated.json' with { type: 'json' };

const byLowercase = (ids: readonly string[]): Map<string, string> =>
  new Map(ids.map((id) => [id.toLowerCase(), id]));
const LICENSES = byLowercase([...licenseIds, ...deprecatedIds]);
const EXCEPTIONS = byLowercase([...exceptionIds, ...deprecatedExceptions]);
const OPERATORS = new Set(['and', 'or', 'with']);

/** Whether PyPI takes `expression` as License-Expression. */
export function isValidLicenseExpression(expression: string): boolean {
  const tokens = expression.replace(/\(/g, ' ( ').replace(/\)/g, ' ) ').trim().split(/\s+/);
  if (tokens.length === 0 || tokens[0] === '') return false;
  const canonical: string[] = [];
  for (const [i, token] of tokens.entries()) {
    const lower = token.toLowerCase();
    if (token === '(' || token === ')') canonical.push(token);
    else if (OPERATORS.has(lower)) canonical.push(lower.toUpperCase());
    else if (tokens[i - 1]?.toLowerCase() === 'with') {
      const exception = EXCEPTIONS.get(lower);
      if (!exception) return false;
      canonical.push(exception);
    } else {
      const plus = lower.endsWith('+') ? '+' : '';
      const id = plus ? lower.slice(0, -1) : lower;
      if (/^licenseref-[a-z0-9.-]+$/.test(id)) canonical.push(`LicenseRef-${id.slice(11)}${plus}`);
      else if (LICENSES.has(id)) canonical.push(`${LICENSES.get(id)}${plus}`);
      else return false;
    }
  }
  try {
    parseSpdx(canonical.join(' '));
    return true;
  } catch {
    return false;
  }
}

/** packaging's message for a License-File path it refuses, or undefined. */
export function licenseFilePathProblem(path: string): string | undefined {
  const invalid = `'${path}' is invalid for 'license-file'`;
  if (path.split(/[/\\]/).includes('..'))
    return `${invalid}, parent directory indicators are not allowed`;
  if (path.includes('*')) return `${invalid}, paths must be resolved`;
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path))
    return `${invalid}, paths must be relative`;
  if (path.includes('\\')) return `${invalid}, paths must use '/' delimiter`;
  return undefined;
}
