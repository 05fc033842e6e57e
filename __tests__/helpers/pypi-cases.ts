/**
 * Builds the distributions described in __tests__/fixtures/pypi-cases.json: a wheel or sdist
 * with the case's metadata and members, written by the archive writers in evil-archives.ts.
 */
import { join } from 'node:path';
import type { CoreMetadata } from '../../src/distributions/types.ts';
import table from '../fixtures/pypi-cases.json' with { type: 'json' };
import { writeSdist, writeWheel, type ZipEntrySpec } from './evil-archives.ts';

export interface PypiCase {
  id: string;
  kind?: 'wheel' | 'sdist';
  name?: string;
  version?: string;
  filename?: string;
  metadataVersion?: string;
  summary?: string;
  descriptionContentType?: string | null;
  description?: string;
  fields?: [string, string][];
  files?: { name: string; data: string }[];
  zeros?: { name: string; bytes: number; count?: number }[];
  newProject?: boolean;
  verdict: 'accepted' | 'refused';
  message?: string;
  match?: 'prefix';
  reference: string;
}

export const PYPI_CASES = table.cases as PypiCase[];

function caseHeaders(c: PypiCase): [string, string][] {
  const type = c.descriptionContentType === undefined ? 'text/markdown' : c.descriptionContentType;
  const headers: [string, string][] = [
    ['Metadata-Version', c.metadataVersion ?? '2.1'],
    ['Name', c.name ?? 'demo'],
    ['Version', c.version ?? '1.0'],
    ['Summary', c.summary ?? 'A demo'],
    ...(type === null ? [] : ([['Description-Content-Type', type]] as [string, string][])),
    ...(c.fields ?? []),
  ];
  return headers;
}

/** The METADATA / PKG-INFO text of a case. */
export function caseMetadata(c: PypiCase): string {
  const headers = caseHeaders(c);
  return `${headers.map(([k, v]) => `${k}: ${v}`).join('\n')}\n\n${c.description ?? '# Demo\n'}`;
}

/**
 * The case's metadata as PyPI receives it (the form fields), built without the action's
 * parser, which refuses some of it (a Dynamic Name) on its own account.
 */
export function caseCoreMetadata(c: PypiCase): CoreMetadata {
  const fields = new Map<string, string[]>();
  for (const [k, v] of caseHeaders(c))
    fields.set(k.toLowerCase(), [...(fields.get(k.toLowerCase()) ?? []), v]);
  return {
    metadataVersion: c.metadataVersion ?? '2.1',
    name: c.name ?? 'demo',
    version: c.version ?? '1.0',
    fields,
    body: c.description ?? '# Demo\n',
  };
}

/** The case's filename. */
export function caseFilename(c: PypiCase): string {
  const stem = `${(c.name ?? 'demo').replace(/-/g, '_')}-${c.version ?? '1.0'}`;
  return c.filename ?? (c.kind === 'sdist' ? `${stem}.tar.gz` : `${stem}-py3-none-any.whl`);
}

function zeroEntries(c: PypiCase): { name: string; data: Buffer }[] {
  return (c.zeros ?? []).flatMap((z) =>
    Array.from({ length: z.count ?? 1 }, (_, i) => ({
      name: z.name.replace('{i}', String(i)),
      data: Buffer.alloc(z.bytes),
    })),
  );
}

/** Writes the case's distribution into `dir`; returns its path. */
export async function buildCase(c: PypiCase, dir: string): Promise<string> {
  const filename = caseFilename(c);
  const path = join(dir, filename);
  const metadata = caseMetadata(c);
  if (c.kind === 'sdist') {
    const top = `${(c.name ?? 'demo').replace(/-/g, '_')}-${c.version ?? '1.0'}`;
    const extra = [...(c.files ?? []), ...zeroEntries(c)].map((f) => ({
      name: `${top}/${f.name}`,
      data: f.data,
    }));
    // writeSdist names its top folder after name and version: the PEP 625 form.
    await writeSdist(path, c.name ?? 'demo', c.version ?? '1.0', extra, metadata);
    return path;
  }
  const [n, v] = filename.split('-');
  const distInfo = `${n}-${v}.dist-info`;
  const extra: ZipEntrySpec[] = [
    ...(c.files ?? []).map((f) => ({
      name: f.name.replace('{dist-info}', distInfo),
      data: f.data,
    })),
    ...zeroEntries(c).map((z) => ({ ...z, data: new Uint8Array(z.data), level: 9 as const })),
  ];
  await writeWheel(path, n as string, v as string, { metadata, distInfo, extra });
  return path;
}
