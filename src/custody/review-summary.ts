/**
 * What a reviewer reads before approving a release: per file its sha256, the commit it was
 * built from, the workflow that signed it, the transparency-log entry (or, for GitHub's
 * instance, which logs nothing, the signed timestamp) and where publish will upload it. That
 * is `repository-url` of the publish job, which this step (another job, often run before the
 * publish job's inputs are even known to it) cannot read: the cell says so, and links the one
 * address that is known in advance, PyPI's, for when PyPI is among those indexes.
 */
import { RFC3161Timestamp } from '@sigstore/core';
import type { SummaryCell, SummaryRow } from '../core/io.ts';
import type { SerializedBundle } from '@sigstore/bundle';
import { PUBLIC_GOOD_ENDPOINTS } from '../provenance/endpoints.ts';
import type { GatheredFile } from './gather.ts';

export interface SignedBy {
  serverUrl: string;
  repository: string;
  /** `owner/repo/.github/workflows/x.yml@ref` from the signing token. */
  jobWorkflowRef: string;
  runId: string;
  runAttempt: string;
  /** The Rekor the bundle was logged in, if any. */
  rekorUrl: string | undefined;
}

/** The provenance summary's rows, header first. */
export function provenanceRows(
  files: readonly GatheredFile[],
  bundle: SerializedBundle,
  signer: SignedBy,
): SummaryRow[] {
  const workflow: SummaryCell = {
    text: signer.jobWorkflowRef,
    href: `${signer.serverUrl}/${signer.repository}/actions/runs/${signer.runId}/attempts/${signer.runAttempt}`,
  };
  const log = logCell(bundle, signer.rekorUrl);
  return [
    ['File', 'SHA-256', 'Built from', 'Signed by', 'Transparency log', 'Publish uploads it to'],
    ...files.map((f) => [
      f.filename,
      f.sha256,
      {
        text: f.commit.slice(0, 12),
        href: `${signer.serverUrl}/${signer.repository}/commit/${f.commit}`,
      },
      workflow,
      log,
      destinationCell(f.filename, f.blake2b256),
    ]),
  ];
}

/**
 * The Rekor entry as a link (public-good: its search page; another Rekor: its API), or the
 * TSA's signed time for a bundle without a log entry.
 */
export function logCell(bundle: SerializedBundle, rekorUrl: string | undefined): SummaryCell {
  const logIndex = bundle.verificationMaterial.tlogEntries?.[0]?.logIndex;
  if (logIndex && rekorUrl) {
    const href =
      rekorUrl.replace(/\/$/, '') === PUBLIC_GOOD_ENDPOINTS.rekorUrl
        ? `https://search.sigstore.dev/?logIndex=${logIndex}`
        : `${rekorUrl.replace(/\/$/, '')}/api/v1/log/entries?logIndex=${logIndex}`;
    return { text: `Rekor log index ${logIndex}`, href };
  }
  const signed =
    bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps?.[0]?.signedTimestamp;
  if (!signed) return 'none';
  try {
    const time = RFC3161Timestamp.parse(Buffer.from(signed, 'base64')).signingTime;
    return `no log (GitHub's instance); timestamped ${time.toISOString()}`;
  } catch {
    return 'no log; a timestamp that could not be read';
  }
}

/**
 * Where publish will upload a file: the indexes of the publish job (TestPyPI then PyPI in the
 * examples, a devpi or Artifactory elsewhere), with PyPI's address should PyPI be one of them.
 */
export function destinationCell(filename: string, blake2b256: string): SummaryCell {
  return {
    text: "the publish job's indexes (its repository-url); on PyPI, this address",
    href: pythonhostedUrl(filename, blake2b256),
  };
}

/**
 * Where PyPI stores an uploaded file: its path is the file's blake2b-256, split 2/2/60
 * (Warehouse's `_storage_path`), so the address is known before the upload.
 */
export function pythonhostedUrl(filename: string, blake2b256: string): string {
  const b = blake2b256;
  return `https://files.pythonhosted.org/packages/${b.slice(0, 2)}/${b.slice(2, 4)}/${b.slice(4)}/${encodeURIComponent(filename)}`;
}
