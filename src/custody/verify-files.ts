/**
 * Matching files against verified statements: a file is covered when a verified bundle lists
 * a subject with its name and its sha256.
 */
import { basename } from 'node:path';
import { sha256File } from '../digests/digest.ts';
import type { VerifiedBundle } from '../verify/bundles.ts';

export interface FileVerdict {
  path: string;
  filename: string;
  sha256: string;
  /** The provenance file that covers it, when verified. */
  coveredBy?: string;
  /** Why not, when not verified. */
  problem?: string;
}

/** Checks each file's name and digest against the subjects of the verified bundles. */
export async function matchFilesToSubjects(
  paths: readonly string[],
  bundles: readonly VerifiedBundle[],
  /** Digests the caller computed already (path -> sha256), to hash each file once. */
  known: ReadonlyMap<string, string> = new Map(),
): Promise<FileVerdict[]> {
  const verdicts: FileVerdict[] = [];
  for (const path of paths) {
    const filename = basename(path);
    const sha256 = known.get(path) ?? (await sha256File(path));
    verdicts.push({ path, filename, sha256, ...judge(filename, sha256, bundles) });
  }
  return verdicts;
}

function judge(
  filename: string,
  sha256: string,
  bundles: readonly VerifiedBundle[],
): Pick<FileVerdict, 'coveredBy' | 'problem'> {
  const named: string[] = [];
  for (const bundle of bundles) {
    for (const subject of bundle.statement.subject) {
      if (subject.name !== filename) continue;
      if (subject.digest?.sha256 === sha256) return { coveredBy: bundle.source };
      named.push(`${basename(bundle.source)} records sha256 ${subject.digest?.sha256 ?? '(none)'}`);
    }
  }
  if (named.length > 0)
    return { problem: `sha256 ${sha256} differs from the signed digest: ${named.join('; ')}` };
  return { problem: 'no verified provenance lists this file' };
}
