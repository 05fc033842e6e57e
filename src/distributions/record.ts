/**
 * A wheel's own description of itself (PEP 427): `WHEEL` (format version, purelib root, tags)
 * and `RECORD` (every file with its hash and size). A wheel whose contents differ from its
 * RECORD, or whose WHEEL disagrees with its filename, is not what it says it is.
 * https://packaging.python.org/en/latest/specifications/binary-distribution-format/
 * https://packaging.python.org/en/latest/specifications/recording-installed-packages/
 */
import { quote } from '../core/text.ts';
import { hostileArchive } from './archive-checks.ts';
import type { WheelFilename } from './types.ts';

/** Hashes pip and installer accept in RECORD (md5 and sha1 are refused by them). */
export const RECORD_ALGORITHMS = ['sha256', 'sha384', 'sha512'];
/** RECORD itself and its signatures carry no hash of their own. */
const UNHASHED = ['RECORD', 'RECORD.jws', 'RECORD.p7s'];

export interface RecordRow {
  algorithm: string;
  /** Hex digest. */
  digest: string;
  size: number;
}

/** Splits one CSV line as Python's csv module writes it; undefined when it is ambiguous. */
function splitCsvLine(line: string): string[] | undefined {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    let field = '';
    if (line[at] === '"') {
      at++;
      for (;;) {
        const quote = line.indexOf('"', at);
        if (quote < 0) return undefined;
        field += line.slice(at, quote);
        at = quote + 1;
        if (line[at] !== '"') break;
        field += '"';
        at++;
      }
    } else {
      const comma = line.indexOf(',', at);
      field = line.slice(at, comma < 0 ? line.length : comma);
      if (field.includes('"')) return undefined;
      at += field.length;
    }
    fields.push(field);
    if (at === line.length) return fields;
    if (line[at] !== ',') return undefined;
    at++;
  }
}

/**
 * Parses RECORD (strict UTF-8 text) into path -> row; rows for RECORD and its signatures are
 * null. `info` is the `.dist-info` folder name.
 */
export function parseRecord(
  text: string,
  filename: string,
  info: string,
): Map<string, RecordRow | null> {
  const fail = (why: string) => hostileArchive(filename, `its RECORD ${why}`);
  const rows = new Map<string, RecordRow | null>();
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  for (const [index, line] of lines.entries()) {
    const fields = splitCsvLine(line);
    if (!fields || fields.length !== 3) throw fail(`line ${index + 1} is not a path,hash,size row`);
    const [path, hash, size] = fields as [string, string, string];
    if (rows.has(path)) throw fail(`lists ${quote(path)} twice`);
    if (UNHASHED.some((name) => path === `${info}/${name}`) && hash === '' && size === '') {
      rows.set(path, null);
      continue;
    }
    const match = /^([a-z0-9]+)=([A-Za-z0-9_-]+)$/.exec(hash);
    if (!match || !RECORD_ALGORITHMS.includes(match[1] as string))
      throw fail(
        `gives ${quote(path)} the hash ${quote(hash)} (expected sha256=, sha384= or sha512=)`,
      );
    if (!/^\d{1,15}$/.test(size)) throw fail(`gives ${quote(path)} the size ${quote(size)}`);
    const digest = Buffer.from(match[2] as string, 'base64url').toString('hex');
    rows.set(path, { algorithm: match[1] as string, digest, size: Number(size) });
  }
  return rows;
}

/** Header lines of WHEEL as name (lowercase) -> values. */
function parseHeaders(text: string, fail: (why: string) => Error): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue;
    const match = /^([A-Za-z0-9-]+):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!match) throw fail(`has a line that is not a header: ${quote(line)}`);
    const key = (match[1] as string).toLowerCase();
    headers.set(key, [...(headers.get(key) ?? []), match[2] as string]);
  }
  return headers;
}

/** Checks WHEEL: `Wheel-Version: 1.x`, one `Root-Is-Purelib`, `Tag`s and `Build` as named. */
export function checkWheelFile(text: string, parsed: WheelFilename): void {
  const fail = (why: string) => hostileArchive(parsed.filename, `its WHEEL file ${why}`);
  const headers = parseHeaders(text, fail);
  const one = (key: string, name: string): string => {
    const values = headers.get(key) ?? [];
    if (values.length !== 1)
      throw fail(values.length === 0 ? `has no ${name}` : `has ${name} more than once`);
    return values[0] as string;
  };
  const version = one('wheel-version', 'Wheel-Version');
  if (!/^1\.\d+$/.test(version))
    throw fail(`says Wheel-Version ${quote(version)} (installers read only 1.x)`);
  const purelib = one('root-is-purelib', 'Root-Is-Purelib');
  if (purelib !== 'true' && purelib !== 'false')
    throw fail(`says Root-Is-Purelib ${quote(purelib)} (expected true or false)`);
  const expected = new Set(
    parsed.pythonTags.flatMap((python) =>
      parsed.abiTags.flatMap((abi) => parsed.platformTags.map((p) => `${python}-${abi}-${p}`)),
    ),
  );
  const tags = headers.get('tag') ?? [];
  const actual = new Set(tags);
  if (actual.size !== expected.size || [...expected].some((tag) => !actual.has(tag)))
    throw fail(
      `lists the tags ${quote(tags.join(', '))}, but the filename says ${quote([...expected].join(', '))}`,
    );
  const build = headers.get('build');
  if (build && (build.length !== 1 || build[0] !== parsed.build))
    throw fail(
      `says Build ${quote(build.join(', '))}, the filename says ${quote(parsed.build ?? '')}`,
    );
}
