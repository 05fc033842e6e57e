/**
 * Shape checks of the GitHub answers the release step acts on: a release and an asset must
 * carry the fields it reads, with the types GitHub's description gives them. An HTML page, a
 * string or a list of nulls is a typed error naming what GitHub answered, never a crash later.
 * Docs: https://docs.github.com/rest/releases/releases#get-a-release
 */
import { ServiceError } from '../core/errors.ts';
import type { Release, ReleaseAsset } from './release-types.ts';

type FieldType = 'count' | 'string' | 'boolean' | 'string|null' | 'boolean?';

const RELEASE_FIELDS: Record<string, FieldType> = {
  id: 'count',
  tag_name: 'string',
  draft: 'boolean',
  prerelease: 'boolean',
  immutable: 'boolean?',
  html_url: 'string',
  upload_url: 'string',
};

const ASSET_FIELDS: Record<string, FieldType> = {
  id: 'count',
  name: 'string',
  state: 'string',
  size: 'count',
  digest: 'string|null',
  browser_download_url: 'string',
};

const HINT =
  'Something between the runner and GitHub (a proxy, a captive portal, a wrong GITHUB_API_URL) answered instead of the GitHub API; check it, then re-run.';

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function fits(value: unknown, type: FieldType): boolean {
  switch (type) {
    case 'count':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
    case 'string|null':
      // Absent on GitHub Enterprise Server versions before asset digests.
      return value === null || value === undefined || typeof value === 'string';
    case 'boolean?':
      return value === undefined || typeof value === 'boolean';
    default:
      return typeof value === type;
  }
}

/** A few characters of what was answered, for the message. */
export function glimpse(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const short = text.replace(/\s+/g, ' ');
  return JSON.stringify(short.length > 80 ? `${short.slice(0, 80)}…` : short);
}

/** What was answered in a few words: `null`, `string "<html>…"`, `object {"urls":"abc"}`. */
function describe(value: unknown): string {
  return value === null || value === undefined ? 'null' : `${typeOf(value)} ${glimpse(value)}`;
}

/** `value` as a `kind` with `fields`, or the typed error saying what is wrong with it. */
function check<T>(
  value: unknown,
  fields: Record<string, FieldType>,
  what: string,
  kind: string,
): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw shapeError(what, `${describe(value)} instead of ${kind}`);
  const record = value as Record<string, unknown>;
  const wrong = Object.entries(fields)
    .filter(([key, type]) => !fits(record[key], type))
    .map(([key, type]) => `\`${key}\` is ${describe(record[key])}, not ${type}`);
  if (wrong.length > 0) throw shapeError(what, `${kind} whose ${wrong.join(', ')}`);
  return value as T;
}

function shapeError(what: string, answered: string): ServiceError {
  return new ServiceError(`Failed to ${what}: GitHub answered ${answered}.`, { hint: HINT });
}

/** Checks a list answer: an array, each item checked by `item`. */
export function checkList<T>(value: unknown, what: string, item: (v: unknown) => T): T[] {
  if (!Array.isArray(value)) throw shapeError(what, `${describe(value)} instead of a list`);
  return value.map(item);
}

/** A release with the fields the release step reads. */
export function checkRelease(value: unknown, what: string): Release {
  return check<Release>(value, RELEASE_FIELDS, what, 'a release');
}

/**
 * An object, fields unchecked: for lists whose items are checked one by one by their reader
 * (the index step warns about and skips a bad asset instead of failing).
 */
export function checkObject(value: unknown, what: string): Record<string, unknown> {
  return check<Record<string, unknown>>(value, {}, what, 'an object');
}

/** An asset with the fields the release step reads. */
export function checkAsset(value: unknown, what: string): ReleaseAsset {
  return check<ReleaseAsset>(value, ASSET_FIELDS, what, 'an asset');
}
