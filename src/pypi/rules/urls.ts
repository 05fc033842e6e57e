/**
 * URLs and e-mail addresses as PyPI checks them: `http`/`https` URIs (rfc3986, host optional;
 * pypi/warehouse `warehouse/utils/http.py:49-68`) and addresses through `email.utils.parseaddr`
 * and email-validator without DNS (`warehouse/forklift/metadata.py:139-160`). email-validator's
 * reasons are paraphrased; the refusals are the same.
 */
import type { Findings } from './types.ts';

/** RFC 3986 characters (unreserved, reserved, `%` escapes). */
const URI_CHARS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;
const SPECIAL_USE = ['arpa', 'invalid', 'local', 'localhost', 'onion', 'test'];

/** Whether PyPI takes `url` as a Home-page, Download-URL or Project-URL. */
export function isHttpUrl(url: string): boolean {
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(url)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return false;
  return URI_CHARS.test(url) && !/%(?![0-9A-Fa-f]{2})/.test(url);
}

/** The address `email.utils.parseaddr` takes from a header value; undefined for several. */
function addressOf(value: string): string | undefined {
  // Python 3.13+'s strict parseaddr answers ('', '') for a list: nothing is then checked.
  const unquoted = value.replace(/"[^"]*"/g, '""');
  if (unquoted.includes(',')) return undefined;
  const angle = /<([^>]*)>\s*$/.exec(value);
  return (angle ? angle[1] : value)?.trim() ?? '';
}

/** Why email-validator refuses `address`, or undefined. */
function emailProblem(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0 || address.indexOf('@') !== at)
    return 'The email address is not valid. It must have exactly one @-sign.';
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  if (local.startsWith('"')) return 'Quoting the part before the @-sign is not allowed here.';
  if (!/^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u.test(local))
    return 'The part before the @-sign is not valid.';
  if (domain.startsWith('[')) return 'A bracketed IP address after the @-sign is not allowed here.';
  if (!domain.includes('.'))
    return 'The part after the @-sign is not valid. It should have a period.';
  const labels = domain.split('.');
  if (!labels.every((l) => /^[\p{L}\p{N}]([\p{L}\p{N}-]*[\p{L}\p{N}])?$/u.test(l)))
    return 'The part after the @-sign is not valid.';
  if (/^\d+$/.test(labels.at(-1) as string))
    return 'The part after the @-sign is not valid. It is not within a valid top-level domain.';
  if (SPECIAL_USE.includes(labels.at(-1) as string))
    return 'The part after the @-sign is a special-use or reserved name that cannot be used with email.';
  return undefined;
}

/** Checks an Author-email / Maintainer-email value. */
export function checkEmail(value: string, found: Findings): void {
  const address = addressOf(value);
  if (address === undefined) return;
  const problem = emailProblem(address);
  if (problem)
    found.refuse(
      'email',
      `'${address}' is not a valid email address: ${problem}`,
      'Give a deliverable address (`{ name = "…", email = "…" }` in pyproject.toml authors/maintainers), or leave the e-mail out.',
    );
}
