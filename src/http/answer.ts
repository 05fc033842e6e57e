/**
 * Reading a service's whole answer (an index page, a token, the artifact listing) within a
 * byte cap checked while the body streams, and checking that it is a JSON object. A refusal is
 * a ServiceError naming the service, the URL and what it answered (its first bytes, escaped),
 * never a TypeError on a `null` or a 600 MB body held in memory. The callers check the fields.
 * (GitHub's API answers are capped by the Octokit adapter, `github/octokit.ts`.)
 */
import { ServiceError } from '../core/errors.ts';
import { formatBytes, quote } from '../core/text.ts';
import { describeFetchError } from './fetch.ts';

/**
 * An index's listing pages (PyPI's JSON API, PEP 691 JSON and PEP 503 HTML pages): the
 * largest projects on PyPI, with thousands of files, have pages of tens of MB.
 */
export const MAX_INDEX_PAGE_BYTES = 64 * 1024 * 1024;
/** Token answers (the runner's OIDC token, the upload-token exchange, the OIDC audience): a few kB. */
export const MAX_TOKEN_ANSWER_BYTES = 1024 * 1024;
/** Other service answers read whole (the artifact listing, a stored attestation's id). */
export const MAX_SERVICE_ANSWER_BYTES = 16 * 1024 * 1024;
/** Characters of a refused answer shown in its error. */
const EXCERPT_CHARS = 200;

/** Where an answer came from, for its errors. */
export interface AnswerSource {
  /** The service, capitalised: "PyPI's JSON API", "The runner's OIDC token service". */
  service: string;
  url: string;
  maxBytes: number;
  /** What to do about a refusal. */
  hint: string;
  /**
   * The answer may hold a credential (a token service's): its bytes are not shown, unless it
   * is a markup page (a proxy's sign-in page).
   */
  secret?: boolean;
}

/** At most `maxBytes` of the body; `truncated` when there was more (the rest is not read). */
export async function readCapped(
  response: Response,
  maxBytes: number,
): Promise<{ bytes: Buffer; truncated: boolean }> {
  if (!response.body) return { bytes: Buffer.alloc(0), truncated: false };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: Buffer.concat(chunks), truncated: false };
    if (size + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - size));
      await reader.cancel().catch(() => undefined);
      return { bytes: Buffer.concat(chunks), truncated: true };
    }
    size += value.byteLength;
    chunks.push(value);
  }
}

/** The whole body as text, or a ServiceError when it is larger than the cap or breaks off. */
export async function readBoundedText(response: Response, source: AnswerSource): Promise<string> {
  const read = await readCapped(response, source.maxBytes).catch((error: unknown) => {
    throw new ServiceError(
      `${source.service} at ${source.url} did not send its whole answer (${describeFetchError(error)}).`,
      { cause: error, hint: source.hint },
    );
  });
  if (read.truncated)
    throw new ServiceError(
      `${source.service} at ${source.url} answered more than ${formatBytes(source.maxBytes)}, the most the action reads from it; the rest was not read.`,
      { hint: source.hint },
    );
  return read.bytes.toString('utf8');
}

/** A JSON object answer, and the error for a field of the wrong shape in it. */
export interface JsonAnswer {
  body: Record<string, unknown>;
  /** The refusal of this answer: `detail` says what is wrong ("\"urls\" is null, not a list"). */
  wrong(detail: string): ServiceError;
}

/** The body as a JSON object, or a ServiceError: too large, cut off, not JSON, not an object. */
export async function readJsonObject(
  response: Response,
  source: AnswerSource,
): Promise<JsonAnswer> {
  const text = await readBoundedText(response, source);
  const refuse = (detail: string): ServiceError =>
    new ServiceError(
      `${source.service} at ${source.url} answered ${detail}: ${excerpt(text, source)}.`,
      { hint: source.hint },
    );
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw refuse(text.trim() ? 'something that is not JSON' : 'an empty body instead of JSON');
  }
  if (!isObject(body)) throw refuse(`${kindOf(body)} where a JSON object belongs`);
  return { body, wrong: (detail) => refuse(`JSON of the wrong shape (${detail})`) };
}

/** What the answer was, for a message: its first characters, escaped, or why they are not shown. */
function excerpt(text: string, source: AnswerSource): string {
  if (source.secret && !/^\s*</.test(text))
    return `${formatBytes(Buffer.byteLength(text))}, not shown (it may hold a credential)`;
  return quote(text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON value's kind in words: null, a list, a string, a number, true or false, an object. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/**
 * An optional string field: the string, undefined when absent or null, else the refusal.
 * `where` names the field for the message: `"urls" item 3 "filename"`.
 */
export function optionalString(
  answer: JsonAnswer,
  value: unknown,
  where: string,
): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  throw answer.wrong(`${where} is ${kindOf(value)}, not a string`);
}
