/**
 * The Warehouse stand-in's License-Expression check: whether packaging 26.2, which PyPI runs,
 * takes an expression (reference pypi-upload-rules.md §4 License-Expression). Its own reading,
 * apart from the action's SPDX module, against the license list packaging ships
 * (warehouse-spdx.json, SPDX 3.27.0).
 *
 * What packaging 26.2 accepts: the text split at whitespace after padding parentheses, words
 * compared without regard to case; the operators AND, OR and WITH between operands, which are
 * single words or parenthesised groups (no empty group, no group right after an operand); the
 * word after WITH is an exception ID, every other operand a license ID (deprecated ones too)
 * with an optional `+`, or `LicenseRef-` followed by letters, digits, `.` and `-`. At 26.2 the
 * word before WITH is not checked: `(MIT) WITH LLVM-exception` and a second WITH pass. A
 * `LicenseRef-x+` without a bare `LicenseRef-x` elsewhere in the expression makes packaging
 * 26.2 fail with a KeyError, which PyPI answers with an internal error; here it is refused.
 */
import spdx from './warehouse-spdx.json' with { type: 'json' };

const LICENSES = new Set(spdx.licenses.map((id) => id.toLowerCase()));
const EXCEPTIONS = new Set(spdx.exceptions.map((id) => id.toLowerCase()));
const OPERATORS = new Set(['and', 'or', 'with']);
/** What Python's `str.split()` splits at (`str.isspace`), not only JavaScript's `\s`. */
const PY_WHITESPACE =
  // eslint-disable-next-line no-control-regex -- Python counts \x1c-\x1f as whitespace
  /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;
/** packaging 26.2 matches the whole word, prefix included, so `LicenseRef-` alone passes. */
const LICENSE_REF = /^licenseref-[a-z0-9.-]*$/;

/** Whether PyPI accepts `value` as a License-Expression. */
export function validLicenseExpression(value: string): boolean {
  const words = value
    .replace(/\(/g, ' ( ')
    .replace(/\)/g, ' ) ')
    .toLowerCase()
    .split(PY_WHITESPACE)
    .filter(Boolean);
  return (
    words.length > 0 &&
    wellFormed(words) &&
    words.every((w, i) => knownWord(w, words[i - 1], words))
  );
}

/** The grammar: operand (operator operand)*, an operand a word or a parenthesised group. */
function wellFormed(words: string[]): boolean {
  let at = 0;
  const operand = (): boolean => {
    const word = words[at++];
    if (word === undefined || word === ')' || OPERATORS.has(word)) return false;
    if (word !== '(') return true;
    return group() && words[at++] === ')';
  };
  const group = (): boolean => {
    if (!operand()) return false;
    while (at < words.length && OPERATORS.has(words[at] as string)) {
      at++;
      if (!operand()) return false;
    }
    return true;
  };
  return group() && at === words.length;
}

/** Each word an operator, a parenthesis, an exception after WITH, or a license. */
function knownWord(word: string, before: string | undefined, words: string[]): boolean {
  if (OPERATORS.has(word) || word === '(' || word === ')') return true;
  if (before === 'with') return EXCEPTIONS.has(word);
  const plus = word.endsWith('+');
  const id = plus ? word.slice(0, -1) : word;
  if (!id.startsWith('licenseref-')) return LICENSES.has(id);
  return LICENSE_REF.test(id) && (!plus || words.includes(id));
}
