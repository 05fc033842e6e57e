/**
 * The manifest `collect` writes next to the files it uploads: the digests every later step
 * checks the files against (DESIGN.md, invariant 1).
 */
import type { DistributionKind } from '../distributions/types.ts';
import { ChainOfCustodyError } from '../core/errors.ts';
import { quote } from '../core/text.ts';

export const MANIFEST_MEDIA_TYPE = 'application/vnd.release-action.manifest.v1+json';
/** The manifest's file name inside a collect artifact. */
export const MANIFEST_FILENAME = 'release-manifest.json';
/** A manifest larger than this is not one `collect` wrote. */
export const MANIFEST_MAX_BYTES = 4 * 1024 * 1024;

export interface ManifestFile {
  filename: string;
  kind: DistributionKind;
  size: number;
  sha256: string;
  blake2b256: string;
  metadataVersion: string;
  /** Wheel tags as in the filename (compressed sets expanded); empty for an sdist. */
  tags: { python: string[]; abi: string[]; platform: string[]; build?: string };
}

export interface ManifestProducer {
  /** The collecting job's backend id (from the runner's token), when known. */
  jobBackendId?: string;
  repository: string;
  runId: string;
  runAttempt: string;
  job: string;
  sha: string;
  ref: string;
}

export interface Manifest {
  mediaType: typeof MANIFEST_MEDIA_TYPE;
  /** PEP 503 normalized project name. */
  project: string;
  /** The project name as the metadata writes it. */
  name: string;
  /** PEP 440 normalized version. */
  version: string;
  producer: ManifestProducer;
  files: ManifestFile[];
}

/** Serializes with files sorted by name, so equal content gives equal bytes. */
export function serializeManifest(manifest: Manifest): string {
  const files = [...manifest.files].sort((a, b) => (a.filename < b.filename ? -1 : 1));
  return `${JSON.stringify({ ...manifest, files }, null, 2)}\n`;
}

const HEX_64 = /^[0-9a-f]{64}$/;

/** Parses and strictly validates a manifest; `source` names it in errors. */
export function parseManifest(text: string, source: string): Manifest {
  const fail = (why: string): never => {
    throw new ChainOfCustodyError(`Manifest ${quote(source)} is not valid: ${why}.`, {
      subject: source,
      hint: 'Manifests are written by `step: collect`; do not edit them. Re-run the collect job.',
    });
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return fail('it is not JSON');
  }
  if (!isRecord(data) || data.mediaType !== MANIFEST_MEDIA_TYPE) return fail('unknown mediaType');
  for (const key of ['project', 'name', 'version'] as const) {
    if (typeof data[key] !== 'string' || !data[key]) fail(`"${key}" is missing`);
  }
  if (!isRecord(data.producer)) return fail('"producer" is missing');
  if (!Array.isArray(data.files) || data.files.length === 0) return fail('"files" is empty');
  const seen = new Set<string>();
  for (const file of data.files as unknown[]) {
    const why = checkManifestFile(file);
    if (why) fail(why);
    const name = (file as ManifestFile).filename;
    if (seen.has(name)) fail(`${quote(name)} is listed twice`);
    seen.add(name);
  }
  return data as unknown as Manifest;
}

function checkManifestFile(file: unknown): string | undefined {
  if (!isRecord(file)) return 'a file entry is not an object';
  const { filename, kind, size, sha256, blake2b256 } = file;
  if (typeof filename !== 'string' || !filename || /[/\\]/.test(filename)) {
    return `a file entry has an invalid filename ${quote(String(filename))}`;
  }
  if (kind !== 'wheel' && kind !== 'sdist') return `${quote(filename)} has an unknown kind`;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    return `${quote(filename)} has an invalid size`;
  }
  if (typeof sha256 !== 'string' || !HEX_64.test(sha256)) {
    return `${quote(filename)} has an invalid sha256`;
  }
  if (typeof blake2b256 !== 'string' || !HEX_64.test(blake2b256)) {
    return `${quote(filename)} has an invalid blake2b256`;
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `sha256sum` lines for the files, the form `base64-subjects` of slsa-github-generator takes. */
export function sha256sumLines(
  files: readonly Pick<ManifestFile, 'filename' | 'sha256'>[],
): string {
  return files.map((file) => `${file.sha256}  ${file.filename}\n`).join('');
}
