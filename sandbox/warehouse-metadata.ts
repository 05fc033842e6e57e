/**
 * The Warehouse stand-in's metadata checks: what PyPI refuses in the upload's form fields
 * (reference pypi-upload-rules.md §4), written from the reference alone. Warehouse validates
 * the form, not the file, and these run before any archive check (§0), so a metadata refusal
 * hides every archive problem. Classifiers and e-mail addresses are judged by PyPI's own
 * Python libraries (warehouse-oracle.ts, which also renders the description, refused later in
 * warehouse.ts), License-Expression by warehouse-spdx.ts; full PEP 508 parsing is not modelled.
 */
import type { OracleAnswer } from './warehouse-oracle.ts';
import { Refusal } from './warehouse-rules.ts';
import { validLicenseExpression } from './warehouse-spdx.ts';

const MORE = ' See https://packaging.python.org/specifications/core-metadata for more information.';

/** A metadata refusal as Warehouse words it: a final "." and the link to the specification. */
function metadataRefusal(message: string): Refusal {
  return new Refusal(400, `${message.endsWith('.') ? message : `${message}.`}${MORE}`);
}

/** The Metadata-Version each form field was added in (§4). */
const ADDED_IN: Record<string, string> = {
  supported_platform: '1.1',
  download_url: '1.1',
  classifiers: '1.1',
  requires: '1.1',
  provides: '1.1',
  obsoletes: '1.1',
  maintainer: '1.2',
  maintainer_email: '1.2',
  requires_dist: '1.2',
  requires_python: '1.2',
  requires_external: '1.2',
  project_urls: '1.2',
  provides_dist: '1.2',
  obsoletes_dist: '1.2',
  description_content_type: '2.1',
  provides_extra: '2.1',
  dynamic: '2.2',
  license_expression: '2.4',
  license_file: '2.4',
  import_name: '2.5',
  import_namespace: '2.5',
};

const VERSIONS = ['1.0', '1.1', '1.2', '2.1', '2.2', '2.3', '2.4', '2.5'];

/** Core-metadata fields as Dynamic names them (lowercased). */
const CORE_FIELDS = [
  'metadata-version', 'name', 'version', 'platform', 'supported-platform', 'summary',
  'description', 'description-content-type', 'keywords', 'home-page', 'download-url', 'author',
  'author-email', 'maintainer', 'maintainer-email', 'license', 'license-expression',
  'license-file', 'classifier', 'requires-dist', 'requires-python', 'requires-external',
  'project-url', 'provides-extra', 'provides-dist', 'obsoletes-dist', 'requires', 'provides',
  'obsoletes', 'dynamic', 'import-name', 'import-namespace',
]; // prettier-ignore

const PYTHON_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(
    ' ',
  ),
);

const httpUrl = (value: string): boolean => /^https?:[^\s]*$/i.test(value);
const validName = (value: string): boolean =>
  /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i.test(value);
const later = (a: string, b: string): boolean => {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 !== b1 ? a1 > b1 : a2 > b2;
};

/**
 * Refuses the first problem of the form's metadata, in PyPI's order: packaging's errors, then
 * Warehouse's own (`oracle` holds those that need PyPI's data); of each group the field
 * metadata-version, name or version first, else the alphabetically first, and its first error.
 */
export function checkMetadata(get: (name: string) => string[], oracle: OracleAnswer): void {
  const one = (name: string): string => (get(name)[0] ?? '').trim();
  const metadataVersion = one('metadata_version');
  if (!VERSIONS.includes(metadataVersion))
    throw metadataRefusal(`'${metadataVersion}' is not a valid metadata version`);
  const name = one('name');
  if (!validName(name)) throw metadataRefusal(`'${name}' is invalid for 'name'`);
  const version = one('version');
  if (!version) throw metadataRefusal("'version' is a required field");
  if (version.includes('+'))
    throw new Refusal(
      400,
      `The use of local versions in '${version}' is not allowed. See https://packaging.python.org/specifications/version-specifiers/#local-version-identifiers for more information.`,
    );
  const problems: Array<[string, string]> = [];
  for (const [field, added] of Object.entries(ADDED_IN)) {
    if (get(field).some((v) => v.trim()) && later(added, metadataVersion))
      problems.push([
        field.replace(/_/g, '-'),
        `${field.replace(/_/g, '-')} introduced in metadata version ${added}, not ${metadataVersion}`,
      ]);
  }
  const summary = get('summary')[0] ?? '';
  if (summary.includes('\n')) problems.push(['summary', "'summary' must be a single line"]);
  const type = one('description_content_type');
  if (type) {
    const problem = contentTypeProblem(type);
    if (problem) problems.push(['description-content-type', problem]);
  }
  for (const value of get('dynamic').map((v) => v.trim().toLowerCase())) {
    if (['name', 'version', 'metadata-version'].includes(value))
      problems.push(['dynamic', `'${value}' is not allowed as a dynamic field`]);
    else if (!CORE_FIELDS.includes(value))
      problems.push(['dynamic', `'${value}' is not a valid dynamic field`]);
  }
  for (const value of get('provides_extra'))
    if (!validName(value.trim()))
      problems.push(['provides-extra', `'${value}' is invalid for 'provides-extra'`]);
  const requiresPython = one('requires_python');
  if (requiresPython && !/^\s*(~=|===?|!=|<=?|>=?)/.test(requiresPython))
    problems.push(['requires-python', `'${requiresPython}' is invalid for 'requires-python'`]);
  for (const value of get('requires_dist')) {
    if (/[<>=!~]\s*$/.test(value.trim()))
      problems.push(['requires-dist', `'${value}' is invalid for 'requires-dist'`]);
  }
  for (const value of [...get('import_name'), ...get('import_namespace')]) {
    const [path = '', option] = value.split(';').map((p) => p.trim());
    const keyword = path.split('.').find((part) => PYTHON_KEYWORDS.has(part));
    if (keyword) problems.push(['import-name', `'${value}' is invalid for 'import-name'; '${keyword}' is a keyword`]);
    else if (option !== undefined && option !== 'private')
      problems.push(['import-name', `'${value}' is invalid for 'import-name'; the only valid option is 'private'`]);
  } // prettier-ignore
  for (const value of get('license_file'))
    if (value.split('/').includes('..'))
      problems.push(['license-file', `'${value}' is invalid for 'license-file', parent directory indicators are not allowed`]); // prettier-ignore
  const licenseExpression = get('license_expression')[0];
  if (licenseExpression && !validLicenseExpression(licenseExpression))
    problems.push(['license-expression', `${pyRepr(licenseExpression)} is invalid for 'license-expression'`]); // prettier-ignore
  refuseFirst(problems);
  refuseFirst([...warehouseRules(get, one, summary), ...oracle.errors]);
}

const FIRST_FIELDS = ['metadata-version', 'name', 'version'];

/** Refuses the first error of the field Warehouse reports first, if there is one. */
function refuseFirst(problems: Array<[string, string]>): void {
  const rank = (field: string): string => {
    const first = FIRST_FIELDS.indexOf(field);
    return first >= 0 ? ` ${first}` : field;
  };
  // A stable sort: within a field, errors keep the order they were found in.
  problems.sort(([a], [b]) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
  if (problems[0]) throw metadataRefusal(problems[0][1]);
}

/** A string as Python's `repr` writes it, as PyPI's messages quote values. */
function pyRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  const body = value
    .replace(/\\/g, '\\\\')
    .replace(new RegExp(quote, 'g'), `\\${quote}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return `${quote}${body}${quote}`;
}

function contentTypeProblem(value: string): string | undefined {
  const [media = '', ...params] = value.split(';').map((p) => p.trim());
  const allowed = ['text/markdown', 'text/plain', 'text/x-rst'];
  if (!allowed.includes(media.toLowerCase()))
    return `'description-content-type' must be one of ${pyList(allowed)}, not '${value}'`;
  for (const param of params) {
    const [key = '', raw = ''] = param.split('=').map((p) => p.trim());
    if (key.toLowerCase() === 'charset' && raw !== 'UTF-8')
      return `'description-content-type' can only specify the UTF-8 charset, not '${raw}'`;
    if (key.toLowerCase() === 'variant' && !['GFM', 'CommonMark'].includes(raw))
      return `valid Markdown variants for 'description-content-type' are ${pyList(['GFM', 'CommonMark'])}, not '${raw}'`;
  }
  return undefined;
}

const pyList = (items: string[]): string => `[${items.map((i) => `'${i}'`).join(', ')}]`;

/** Warehouse's own form rules that need no data, as [field, message], after packaging's. */
function warehouseRules(
  get: (name: string) => string[],
  one: (name: string) => string,
  summary: string,
): Array<[string, string]> {
  const errors: Array<[string, string]> = [];
  if (summary.length > 512)
    errors.push(['summary', "'summary' field must be 512 characters or less."]);
  for (const field of ['home_page', 'download_url']) {
    const url = one(field);
    if (url && !httpUrl(url))
      errors.push([field.replace('_', '-'), `'${url}' is not a valid url.`]);
  }
  for (const value of get('project_urls')) {
    const [label = '', url = ''] = value.split(/,(.*)/s).map((p) => p.trim());
    if (!label) errors.push(['project-url', 'Must have a label']);
    else if (label.length > 32)
      errors.push(['project-url', `'${label}' must be 32 characters or less.`]);
    else if (!url) errors.push(['project-url', 'Must have a URL']);
    else if (!httpUrl(url)) errors.push(['project-url', `'${url}' is not a valid url`]);
  }
  for (const value of get('requires_dist'))
    if (/^[^;]*@/.test(value))
      errors.push(['requires-dist', `Can't have direct dependency: ${value.trim()}`]);
  for (const value of get('dynamic'))
    if (value.trim().toLowerCase() === 'dynamic')
      errors.push(['dynamic', "Dynamic field 'dynamic' is not a valid dynamic field."]);
  if (one('license') && one('license_expression'))
    errors.push([
      'license',
      'License is deprecated when License-Expression is present. Only License-Expression should be present.',
    ]);
  return errors;
}
