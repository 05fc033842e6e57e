/**
 * Core metadata (METADATA in wheels, PKG-INFO in sdists): RFC 822 style headers as Python's
 * email parser reads them, then the long description as the body.
 * https://packaging.python.org/en/latest/specifications/core-metadata/
 */
import { DistributionError } from '../errors.ts';
import { quote } from '../text.ts';
import type { CoreMetadata } from './types.ts';

/** Metadata versions a current build backend writes and the action knows. */
export const KNOWN_METADATA_VERSIONS = [
  '1.0',
  '1.1',
  '1.2',
  '2.1',
  '2.2',
  '2.3',
  '2.4',
  '2.5',
  '2.6',
];

/** Fields that may appear once: a second one makes PyPI answer "has invalid data". */
const SINGLE_USE_FIELDS = [
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

function fail(source: string, why: string): never {
  throw new DistributionError(`${quote(source)} has invalid core metadata: ${why}.`, {
    subject: source,
    hint: 'Rebuild the distribution with a current build backend; the metadata must be UTF-8 with one Name, Version and Metadata-Version.',
  });
}

/** Decodes strict UTF-8 and parses; `source` names the distribution in errors. */
export function parseCoreMetadata(bytes: Uint8Array, source: string): CoreMetadata {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(source, 'it is not valid UTF-8');
  }
  if (text.includes('\0')) fail(source, 'it contains a NUL byte');
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const fields = new Map<string, string[]>();
  let index = 0;
  let current: { name: string; value: string } | undefined;
  const flush = (): void => {
    if (!current) return;
    const list = fields.get(current.name) ?? [];
    list.push(current.value);
    fields.set(current.name, list);
    current = undefined;
  };
  for (; index < lines.length; index++) {
    const line = lines[index] as string;
    if (line === '') break;
    if (/^[ \t]/.test(line)) {
      if (!current) fail(source, 'it starts with a continuation line');
      current.value += `\n${line.replace(/^ {0,8}|^\t/, '')}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0 || !/^[\x21-\x39\x3b-\x7e]+$/.test(line.slice(0, colon)))
      fail(source, `line ${index + 1} is not a header`);
    flush();
    current = { name: line.slice(0, colon).toLowerCase(), value: line.slice(colon + 1).trim() };
  }
  flush();
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
      `Metadata-Version ${quote(metadataVersion)} is not one the action knows (${KNOWN_METADATA_VERSIONS.join(', ')})`,
    );
  }
  const body = lines.slice(index + 1).join('\n');
  const metadata: CoreMetadata = {
    metadataVersion,
    name: one('name'),
    version: one('version'),
    fields,
  };
  if (body.trim()) metadata.body = body;
  return metadata;
}
