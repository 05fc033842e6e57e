/**
 * Which OIDC audience a trusted-publishing token is minted for, per upload URL. A token for
 * PyPI's audience is an upload credential for PyPI: an index that merely answers
 * `{"audience": "pypi"}` must never receive one. So PyPI and TestPyPI get their known
 * audiences, and every other index gets the audience the workflow names (`oidc-audience`),
 * which may not be one of theirs.
 */

/** The upload hosts whose audience is known, never asked for. */
export const KNOWN_INDEX_AUDIENCES: Readonly<Record<string, string>> = {
  'upload.pypi.org': 'pypi',
  'test.pypi.org': 'testpypi',
};

/** PyPI's or TestPyPI's audience, when the URL is theirs. */
export function knownAudience(uploadUrl: string): string | undefined {
  return Object.hasOwn(KNOWN_INDEX_AUDIENCES, new URL(uploadUrl).hostname)
    ? KNOWN_INDEX_AUDIENCES[new URL(uploadUrl).hostname]
    : undefined;
}

/** True for an audience that belongs to PyPI or TestPyPI. */
export function isReservedAudience(audience: string): boolean {
  return Object.values(KNOWN_INDEX_AUDIENCES).includes(audience.trim().toLowerCase());
}
