/**
 * Core metadata -> the form fields of PyPI's legacy upload API, under the names and
 * multi-value rules Warehouse reads (protocols: `packaging.metadata` raw names with Warehouse's
 * overrides; repeated parts for lists; one comma-joined `keywords`; `Label, URL` project URLs).
 * https://docs.pypi.org/api/upload/
 */
import type { CoreMetadata } from '../distributions/types.ts';
import { compareMetadataVersions } from './rules/metadata-versions.ts';

/** METADATA header (lowercase) -> [form field, multiple use]. Unknown headers are not sent. */
const FIELDS: Record<string, [string, boolean]> = {
  'metadata-version': ['metadata_version', false],
  name: ['name', false],
  version: ['version', false],
  summary: ['summary', false],
  'description-content-type': ['description_content_type', false],
  keywords: ['keywords', false],
  'home-page': ['home_page', false],
  'download-url': ['download_url', false],
  author: ['author', false],
  'author-email': ['author_email', false],
  maintainer: ['maintainer', false],
  'maintainer-email': ['maintainer_email', false],
  license: ['license', false],
  'license-expression': ['license_expression', false],
  'license-file': ['license_file', true],
  classifier: ['classifiers', true],
  platform: ['platform', true],
  'supported-platform': ['supported_platform', true],
  'requires-dist': ['requires_dist', true],
  'requires-python': ['requires_python', false],
  'requires-external': ['requires_external', true],
  'project-url': ['project_urls', true],
  'provides-extra': ['provides_extra', true],
  'provides-dist': ['provides_dist', true],
  'obsoletes-dist': ['obsoletes_dist', true],
  requires: ['requires', true],
  provides: ['provides', true],
  obsoletes: ['obsoletes', true],
  dynamic: ['dynamic', true],
  'import-name': ['import_name', true],
  'import-namespace': ['import_namespace', true],
};

export type FormField = [name: string, value: string];

/** The metadata fields of one upload, in METADATA order, empty values left out. */
export function metadataFormFields(metadata: CoreMetadata): FormField[] {
  const fields: FormField[] = [];
  for (const [header, values] of metadata.fields) {
    const spec = FIELDS[header];
    if (!spec) continue;
    const [name, multiple] = spec;
    const present = values.map((v) => v.trim()).filter((v) => v !== '' && v !== 'UNKNOWN');
    if (present.length === 0) continue;
    // License-File is only meaningful from Metadata-Version 2.4 (older setuptools wrote it wrongly).
    if (name === 'license_file' && compareMetadataVersions(metadata.metadataVersion, '2.4') < 0)
      continue;
    if (multiple) for (const value of present) fields.push([name, value]);
    else
      fields.push([
        name,
        header === 'keywords' ? joinKeywords(present[0] as string) : (present[0] as string),
      ]);
  }
  const description = metadata.fields.get('description')?.[0] ?? metadata.body;
  if (description && description.trim()) fields.push(['description', description]);
  return fields;
}

/** Keywords are comma-separated in METADATA; Warehouse takes one `, `-joined field. */
function joinKeywords(value: string): string {
  return value
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean)
    .join(', ');
}
