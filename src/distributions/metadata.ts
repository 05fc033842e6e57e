/**
 * Core metadata (`METADATA` in wheels, `PKG-INFO` in sdists), read the way
 * `packaging.metadata.parse_email` reads it: Python's `email.parser` with the compat32 policy,
 * then the long description as the message body.
 * https://packaging.python.org/en/latest/specifications/core-metadata/
 */
import { DistributionError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import { SPEC_METADATA_VERSIONS } from '../pypi/rules/metadata-versions.ts';
import type { CoreMetadata } from './types.ts';

/** Every Metadata-Version the spec defines (PyPI's own list is in src/pypi/rules). */
export const KNOWN_METADATA_VERSIONS: readonly string[] = SPEC_METADATA_VERSIONS;

/** Fields that may appear once: Warehouse answers "'<field>' has invalid data" to a second. */
export const SINGLE_USE_FIELDS: readonly string[] = [
  'metadata-version',
  'name',
  'version',
  'summary',
  'description',
  'description-content-type',
  'keywords',
  'home-page',
  'download-url',
  'author',
  'author-email',
  'maintainer',
  'maintainer-email',
  'license',
  'license-expression',
  'requires-python',
];

/** Fields the spec forbids in `Dynamic` (metadata 2.2+). */
export const NEVER_DYNAMIC: readonly string[] = ['name', 'version', 'metadata-version'];
/** compat32's header line: a name of printable ASCII without `:`, then `:`. */
const HEADER = /^([\x21-\x39\x3b-\x7e]+):(.*)$/;

const REBUILD_HINT =
  'Rebuild with a current build backend: metadata must be UTF-8 with one Metadata-Version, Name and Version (https://packaging.python.org/en/latest/specifications/core-metadata/).';

function fail(source: string, why: string, hint = REBUILD_HINT): never {
  throw new DistributionError(`${quote(source)} has invalid core metadata: ${why}.`, {
    subject: source,
    hint,
  });
}

function decode(input: Uint8Array | string, source: string): string {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(input);
  } catch {
    return fail(source, 'it is not valid UTF-8');
  }
}

/** Splits the header block into (lowercased name, value) pairs and returns the body. */
function splitHeaders(text: string, source: string): { headers: [string, string][]; body: string } {
  // email's feedparser ends lines at \r\n, \r or \n: splitting the same way leaves no header
  // that Python sees and this parser does not.
  const lines = text.split(/\r\n|\r|\n/);
  const headers: [string, string][] = [];
  let index = 0;
  for (; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line === '') break;
    const last = headers.at(-1);
    if (/^[ \t]/.test(line)) {
      // compat32 keeps folded lines as they are, joined by newlines.
      if (!last) fail(source, 'it starts with a continuation line');
      last[1] += `\n${line}`;
      continue;
    }
    const match = HEADER.exec(line);
    if (!match) fail(source, `line ${index + 1} is neither a header nor a continuation line`);
    headers.push([(match[1] as string).toLowerCase(), (match[2] as string).replace(/^[ \t]+/, '')]);
  }
  return { headers, body: lines.slice(index + 1).join('\n') };
}

/**
 * Parses core metadata; bytes are decoded as strict UTF-8. `source` names the distribution
 * in errors. Refuses what PyPI would refuse about the structure: a NUL byte, a single-use
 * field given twice, a missing Metadata-Version/Name/Version, an unknown Metadata-Version.
 */
export function parseCoreMetadata(input: Uint8Array | string, source: string): CoreMetadata {
  const text = decode(input, source);
  if (text.includes('\0')) fail(source, 'it contains a NUL byte');
  if (text.startsWith('\uFEFF')) fail(source, 'it starts with a byte order mark');
  const { headers, body } = splitHeaders(text, source);
  const fields = new Map<string, string[]>();
  for (const [name, value] of headers) fields.set(name, [...(fields.get(name) ?? []), value]);
  for (const name of SINGLE_USE_FIELDS) {
    if ((fields.get(name)?.length ?? 0) > 1)
      fail(source, `the ${name} field appears more than once`);
  }
  const one = (name: string): string =>
    fields.get(name)?.[0] ?? fail(source, `the ${name} field is missing`);
  const metadataVersion = one('metadata-version');
  if (!KNOWN_METADATA_VERSIONS.includes(metadataVersion)) {
    fail(
      source,
      `Metadata-Version ${quote(metadataVersion)} is unknown (known: ${KNOWN_METADATA_VERSIONS.join(', ')})`,
    );
  }
  const dynamic = (fields.get('dynamic') ?? []).map((field) => field.trim().toLowerCase());
  const forbidden = NEVER_DYNAMIC.find((field) => dynamic.includes(field));
  // In PyPI's words (packaging's message), since every index refuses it alike.
  if (forbidden)
    fail(
      source,
      `'${forbidden}' is not allowed as a dynamic field (PyPI refuses it with these words)`,
      `The build backend wrote "Dynamic: ${forbidden}" into the built metadata, which the specification forbids (Name, Version and Metadata-Version are never dynamic in a built distribution; \`dynamic\` in pyproject.toml is another thing: the backend fills those fields in). Upgrade or change the build backend and rebuild (https://packaging.python.org/en/latest/specifications/core-metadata/#dynamic-multiple-use).`,
    );
  const hasBody = body.trim() !== '';
  // packaging marks the description unparsable when it is given both ways.
  if (hasBody && fields.has('description'))
    fail(source, 'the description is given both as a Description field and as the body');
  const metadata: CoreMetadata = {
    metadataVersion,
    name: one('name'),
    version: one('version'),
    fields,
  };
  if (hasBody) metadata.body = body;
  return metadata;
}
