/**
 * PyPI's rules on core metadata, checked on the fields the action sends (the form fields:
 * see ../metadata-fields.ts), each with PyPI's own message (pypa/packaging 26.2
 * `metadata.py`, pypi/warehouse `warehouse/forklift/metadata.py`).
 */
import { NEVER_DYNAMIC } from '../../distributions/metadata.ts';
import type { CoreMetadata } from '../../distributions/types.ts';
import { checkClassifiers } from './classifiers.ts';
import { checkEmail, isHttpUrl } from './urls.ts';
import { isValidLicenseExpression, licenseFilePathProblem } from './license-rules.ts';
import {
  compareMetadataVersions,
  FIELD_INTRODUCED,
  PYPI_METADATA_VERSIONS,
} from './metadata-versions.ts';
import { isValidSpecifierSet, parseRequirement } from './requirements.ts';
import type { Findings } from './types.ts';

const SUMMARY_MAX = 512;
const LABEL_MAX = 32;
const CONTENT_TYPES = ['text/plain', 'text/x-rst', 'text/markdown'];
const MARKDOWN_VARIANTS = ['GFM', 'CommonMark'];
/** Core-metadata fields Warehouse allows in Dynamic (its list leaves out Dynamic itself). */
const DYNAMIC_FIELDS = [
  'platform',
  'supported-platform',
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
  'license-file',
  'classifier',
  'requires-dist',
  'requires-python',
  'requires-external',
  'project-url',
  'provides-extra',
  'provides-dist',
  'obsoletes-dist',
  'requires',
  'provides',
  'obsoletes',
  'import-name',
  'import-namespace',
];
const PY_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);
const NAME = /^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/;
const METADATA_FIX =
  'Fix the field in pyproject.toml ([project] table) and rebuild (https://packaging.python.org/en/latest/specifications/core-metadata/).';

/** The values the action sends for a field: trimmed, empty and `UNKNOWN` ones left out. */
export function sentValues(metadata: CoreMetadata, field: string): string[] {
  return (metadata.fields.get(field) ?? [])
    .map((v) => v.trim())
    .filter((v) => v !== '' && v !== 'UNKNOWN');
}

/** Checks every metadata rule PyPI applies to the uploaded fields. */
export function checkMetadata(metadata: CoreMetadata, found: Findings): void {
  const declared = metadata.metadataVersion;
  const get = (field: string): string[] => sentValues(metadata, field);
  if (!PYPI_METADATA_VERSIONS.includes(declared)) {
    found.refuse(
      'metadata-version',
      `'${declared}' is not a valid metadata version`,
      `Build with a backend that writes Metadata-Version ${PYPI_METADATA_VERSIONS.at(-1)} or lower.`,
    );
    return;
  }
  for (const [field, added] of Object.entries(FIELD_INTRODUCED)) {
    // The action leaves License-File out below 2.4 (older setuptools wrote it wrongly).
    if (field === 'license-file' || get(field).length === 0) continue;
    if (compareMetadataVersions(added, declared) > 0)
      found.refuse(
        'field-version',
        `${field} introduced in metadata version ${added}, not ${declared}`,
        `Build with a backend that declares Metadata-Version ${added} or later, or drop the ${field} field.`,
      );
  }
  checkSingleLine(metadata, found);
  checkContentType(get('description-content-type')[0], found);
  checkDynamic(get('dynamic'), found);
  for (const extra of get('provides-extra'))
    if (!NAME.test(extra))
      found.refuse('provides-extra', `'${extra}' is invalid for 'provides-extra'`, METADATA_FIX);
  const python = get('requires-python')[0];
  if (python !== undefined && !isValidSpecifierSet(python))
    found.refuse(
      'requires-python',
      `'${python}' is invalid for 'requires-python'`,
      'Write Requires-Python as a PEP 440 specifier set, e.g. `>=3.9` (not `3.9`).',
    );
  checkRequirements(metadata, found);
  checkLicense(metadata, found);
  checkImportNames(metadata, found);
  checkClassifiers(get('classifier'), found);
  for (const field of ['home-page', 'download-url'])
    for (const url of get(field))
      if (!isHttpUrl(url))
        found.refuse('url', `'${url}' is not a valid url.`, 'Use an http:// or https:// URL.');
  checkProjectUrls(get('project-url'), found);
  for (const field of ['author-email', 'maintainer-email'])
    for (const value of get(field)) checkEmail(value, found);
  checkControlCharacters(metadata, found);
}

function checkSingleLine(metadata: CoreMetadata, found: Findings): void {
  const summary = sentValues(metadata, 'summary')[0];
  if (summary === undefined) return;
  if (/[\r\n]/.test(summary))
    found.refuse(
      'summary',
      "'summary' must be a single line",
      'Write the description (summary) in pyproject.toml on one line.',
    );
  else if ([...summary].length > SUMMARY_MAX)
    found.refuse(
      'summary',
      `'summary' field must be ${SUMMARY_MAX} characters or less.`,
      `Shorten the summary to ${SUMMARY_MAX} characters; the long text belongs in the readme.`,
    );
}

function checkContentType(value: string | undefined, found: Findings): void {
  if (value === undefined) return;
  const [type = '', ...params] = value.split(';').map((p) => p.trim());
  const fix =
    'Set the readme content type to text/markdown, text/x-rst or text/plain (with charset=UTF-8 if any).';
  if (!CONTENT_TYPES.includes(type.toLowerCase())) {
    found.refuse(
      'description-content-type',
      `'description-content-type' must be one of ['text/markdown', 'text/plain', 'text/x-rst'], not '${value}'`,
      fix,
    );
    return;
  }
  const param = (name: string): string | undefined => {
    const hit = params.find((p) => p.toLowerCase().startsWith(`${name}=`));
    return hit?.slice(name.length + 1).replace(/^"(.*)"$/, '$1');
  };
  const charset = param('charset');
  if (charset !== undefined && charset !== 'UTF-8')
    found.refuse(
      'description-content-type',
      `'description-content-type' can only specify the UTF-8 charset, not '${charset}'`,
      'Write `charset=UTF-8` exactly (upper case) or leave the charset out.',
    );
  const variant = param('variant');
  if (
    type.toLowerCase() === 'text/markdown' &&
    variant !== undefined &&
    !MARKDOWN_VARIANTS.includes(variant)
  )
    found.refuse(
      'description-content-type',
      `valid Markdown variants for 'description-content-type' are ['GFM', 'CommonMark'], not '${variant}'`,
      'Use variant=GFM or variant=CommonMark, spelled exactly so.',
    );
}

function checkDynamic(values: string[], found: Findings): void {
  for (const raw of values) {
    const field = raw.toLowerCase();
    const fix =
      'List in Dynamic only core-metadata fields a build may fill in (not Name or Version).';
    if (NEVER_DYNAMIC.includes(field))
      found.refuse('dynamic', `'${field}' is not allowed as a dynamic field`, fix);
    else if (field === 'dynamic')
      found.refuse('dynamic', `Dynamic field '${field}' is not a valid dynamic field.`, fix);
    else if (!DYNAMIC_FIELDS.includes(field))
      found.refuse('dynamic', `'${field}' is not a valid dynamic field`, fix);
  }
}

function checkRequirements(metadata: CoreMetadata, found: Findings): void {
  const direct =
    'PyPI takes no dependency on a URL or path: depend on a released project by name (and publish the other project first).';
  for (const value of sentValues(metadata, 'requires-dist')) {
    const parsed = parseRequirement(value);
    if (!parsed)
      found.refuse('requires-dist', `'${value}' is invalid for 'requires-dist'`, METADATA_FIX);
    else if (parsed.url)
      found.refuse('direct-dependency', `Can't have direct dependency: ${value}`, direct);
  }
  for (const field of ['provides-dist', 'obsoletes-dist'])
    for (const value of sentValues(metadata, field)) {
      const parsed = parseRequirement(value);
      if (!parsed)
        found.refuse(field, `'${value}' is invalid: not a PEP 508 requirement`, METADATA_FIX);
      else if (parsed.url)
        found.refuse('direct-dependency', `Can't have direct dependency: '${value}'`, direct);
    }
}

function checkLicense(metadata: CoreMetadata, found: Findings): void {
  const expression = sentValues(metadata, 'license-expression')[0];
  if (expression !== undefined && !isValidLicenseExpression(expression))
    found.refuse(
      'license-expression',
      `'${expression}' is invalid for 'license-expression'`,
      'Write an SPDX license expression (e.g. `MIT`, `Apache-2.0 OR MIT`; https://spdx.org/licenses/), or `LicenseRef-<name>` for a license not listed.',
    );
  if (expression !== undefined && sentValues(metadata, 'license').length > 0)
    found.refuse(
      'license-and-expression',
      'License is deprecated when License-Expression is present. Only License-Expression should be present.',
      'Remove the old `license = { text = ... }` / License field: keep only `license = "<SPDX expression>"`.',
    );
  if (compareMetadataVersions(metadata.metadataVersion, '2.4') < 0) return;
  for (const path of sentValues(metadata, 'license-file')) {
    const problem = licenseFilePathProblem(path);
    if (problem)
      found.refuse(
        'license-file-path',
        problem,
        'List license files by relative paths with `/` (pyproject.toml `license-files`).',
      );
  }
}

function checkImportNames(metadata: CoreMetadata, found: Findings): void {
  for (const field of ['import-name', 'import-namespace'])
    for (const value of sentValues(metadata, field)) {
      const [name = '', ...options] = value.split(';').map((p) => p.trim());
      const invalid = `'${value}' is invalid for '${field}'`;
      const fix = `Write ${field} as a dotted Python name, optionally followed by \`; private\`.`;
      if (options.length > 1 || (options.length === 1 && options[0] !== 'private')) {
        found.refuse(field, `${invalid}; the only valid option is 'private'`, fix);
        continue;
      }
      for (const part of name.split('.')) {
        if (!/^[\p{ID_Start}_][\p{ID_Continue}]*$/u.test(part))
          found.refuse(field, `${invalid}; '${part}' is not a valid identifier`, fix);
        else if (PY_KEYWORDS.has(part))
          found.refuse(field, `${invalid}; '${part}' is a keyword`, fix);
      }
    }
}

function checkProjectUrls(values: string[], found: Findings): void {
  const labels = new Set<string>();
  const fix =
    'Write each project URL as `Label = "https://..."` in [project.urls], labels up to 32 characters.';
  for (const value of values) {
    const comma = value.indexOf(',');
    const label = (comma === -1 ? value : value.slice(0, comma)).trim();
    const url = comma === -1 ? '' : value.slice(comma + 1).trim();
    if (labels.has(label)) found.refuse('project-url', "'project_urls' has invalid data", fix);
    labels.add(label);
    if (!label) found.refuse('project-url', 'Must have a label', fix);
    else if ([...label].length > LABEL_MAX)
      found.refuse('project-url', `'${label}' must be ${LABEL_MAX} characters or less.`, fix);
    if (!url) found.refuse('project-url', 'Must have a URL', fix);
    else if (!isHttpUrl(url)) found.refuse('project-url', `'${url}' is not a valid url`, fix);
  }
}

/**
 * PyPI does not refuse control characters in values (it escapes NUL), but they end up on the
 * project page and in every tool that shows the metadata: said, not refused.
 */
function checkControlCharacters(metadata: CoreMetadata, found: Findings): void {
  for (const [field, values] of metadata.fields) {
    if (field === 'description') continue;
    // eslint-disable-next-line no-control-regex
    if (values.some((v) => /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(v)))
      found.warn(
        `${found.filename}: the ${field} field holds control characters; PyPI stores them as they are (NUL as \\x00) and shows them on the project page.`,
      );
  }
}
