/**
 * Publishing one release to one index: check what the index has, get a token (trusted
 * publishing or `password`), then sign PEP 740 attestations, upload (sdist first, then wheels, with
 * bounded concurrency), re-mint a token about to expire, then confirm every file's sha256.
 * The step calls it once every file has passed its checks.
 */
import { mapLimit } from '../core/concurrency.ts';
import type { CoreMetadata } from '../distributions/types.ts';
import { ChainOfCustodyError } from '../core/errors.ts';
import type { RetryPolicy, Sleep } from '../http/retry.ts';
import type { SigningSession } from '../provenance/sign.ts';
import { quote } from '../core/text.ts';
import { signPublishAttestation, type Attestation } from './attestations.ts';
import { jsonApiBase, releaseFiles, type IndexFile } from './index-api.ts';
import { metadataFormFields } from './metadata-fields.ts';
import {
  conflictError,
  planIndexUploads,
  undatedReleaseWarning,
  type Conflict,
} from './precheck.ts';
import { simpleApiBase } from './simple-api.ts';
import { mintUploadToken, resolveAudience, type MintedToken } from './trusted-publishing.ts';
import { uploadFile, UploadRefused } from './upload.ts';

/** Log entries requested at once: small requests, so more than uploads. */
const SIGN_CONCURRENCY = 16;

/** A minted token is renewed when it has less than this left (it lives 15 minutes). */
const TOKEN_RENEW_MARGIN_SECONDS = 300;

export interface PublishFile {
  path: string;
  filename: string;
  kind: 'wheel' | 'sdist';
  pyversion: string;
  metadata: CoreMetadata;
  size: number;
  sha256: string;
}

export interface IndexResult {
  uploadUrl: string;
  files: Array<{ filename: string; result: string; url: string }>;
}

/** Where the upload tokens come from: the `password` input, or trusted publishing. */
export type IndexCredentials =
  | { password: string; user?: string }
  | {
      /** A fresh GitHub OIDC token for `audience` (masked by the caller). */
      idToken: (audience: string) => Promise<string>;
      /** The audience for an index that is not PyPI or TestPyPI (`oidc-audience`). */
      audience?: string | undefined;
    };

/** What the step reports through; `setSecret` masks minted tokens. */
export interface IndexLog {
  info(message: string): void;
  warning(message: string): void;
  result(message: string): void;
  setSecret(secret: string): void;
}

export interface IndexJob {
  uploadUrl: string;
  /** The index's simple API root (`simple-url`); absent: the JSON API, then a guess. */
  simpleUrl?: string | undefined;
  project: string;
  version: string;
  files: PublishFile[];
  credentials: IndexCredentials;
  skipExisting: boolean;
  dryRun: boolean;
  /** Uploads at once (after the sdist). */
  concurrency: number;
  log: IndexLog;
  policy: RetryPolicy;
  sleep: Sleep;
  /** Signs the PEP 740 attestations; absent: upload without them. */
  attest?: { session: SigningSession };
}

export async function publishToIndex(job: IndexJob): Promise<IndexResult> {
  const { uploadUrl, log } = job;
  const existing = await listed(job);
  const decisions = planIndexUploads(
    uploadUrl,
    job.files.map((f) => ({ ...f, metadataVersion: f.metadata.metadataVersion })),
    existing,
    job.skipExisting,
    new Date(),
  );
  const results = new Map(
    decisions.map((d) => [
      d.file.filename,
      d.action === 'conflict' ? 'conflict (index has other bytes)' : (d.action as string),
    ]),
  );
  const conflicts: Conflict[] = decisions.flatMap((d) =>
    d.action === 'conflict' ? [{ file: d.file, indexSha256: d.indexSha256 ?? '' }] : [],
  );
  const uploads = job.files.filter((f) => results.get(f.filename) === 'upload');
  const undated = uploads.length > 0 ? undatedReleaseWarning(uploadUrl, existing) : undefined;
  if (undated) log.warning(undated);
  log.info(
    `${existing.length} file(s) already on the index for ${job.project} ${job.version}; ${uploads.length} to upload.`,
  );
  if (job.dryRun) return dryRun(job, uploads, conflicts, results, existing);
  // What the index lists, for each file's address: as read before, then after the uploads.
  let onIndex = existing;
  if (uploads.length > 0) {
    const token = tokenSource(job);
    // Signing only once the exchange succeeded: a misconfigured publisher must not leave
    // certificates and log entries in Sigstore's public logs for files never uploaded.
    await token();
    // The sdist first: should a wheel fail, the release still has its source.
    const order = [
      ...uploads.filter((f) => f.kind === 'sdist'),
      ...uploads.filter((f) => f.kind === 'wheel'),
    ];
    const [first, ...rest] = order;
    // Every attestation is signed before the first upload: a signing failure (a Sigstore
    // outage) leaves nothing on the index, not a source release without its wheels.
    const signed = await signAll(job, order);
    const one = async (file: PublishFile, attestation?: Attestation): Promise<void> => {
      const outcome = await uploadOne(job, file, await token(), attestation);
      if (typeof outcome === 'string') return void results.set(file.filename, outcome);
      results.set(file.filename, 'conflict (index has other bytes)');
      conflicts.push({ file, indexSha256: outcome.indexSha256 });
    };
    if (first?.kind === 'sdist') await one(first, signed.get(first.filename));
    await mapLimit(first?.kind === 'sdist' ? rest : order, job.concurrency, (file) =>
      one(file, signed.get(file.filename)),
    );
    onIndex = await confirm(job, uploads);
  }
  if (conflicts.length > 0) throw conflictError(uploadUrl, conflicts, uploads.length > 0);
  const uploaded = [...results.values()].filter((r) => r === 'uploaded').length;
  log.result(
    `${uploadUrl}: ${uploaded} uploaded, ${results.size - uploaded} already there or skipped; every file confirmed by sha256`,
  );
  return toResult(job, results, onIndex);
}

/**
 * What a real run would meet, without its effects: the same checks, and the token exchange of
 * trusted publishing (the minted token is dropped); nothing is signed or uploaded.
 */
async function dryRun(
  job: IndexJob,
  uploads: PublishFile[],
  conflicts: Conflict[],
  results: Map<string, string>,
  existing: IndexFile[],
): Promise<IndexResult> {
  if (conflicts.length > 0) throw conflictError(job.uploadUrl, conflicts, false);
  if (uploads.length > 0 && !('password' in job.credentials)) {
    await tokenSource(job)();
    job.log.info('Dry run: the trusted-publishing exchange succeeded; the token is dropped.');
  }
  for (const f of uploads) results.set(f.filename, 'would upload (dry run)');
  job.log.result(`Dry run: ${uploads.length} file(s) would be uploaded to ${job.uploadUrl}`);
  return toResult(job, results, existing);
}

/** What the index lists for the release now. */
const listed = (job: IndexJob) =>
  releaseFiles(job.uploadUrl, job.project, job.version, job.policy, job.simpleUrl);

/**
 * Each file with its own address on the index (PyPI's files.pythonhosted.org URL, a simple
 * page's link), as the index listed it; a file it does not list (a dry run's) gets the page a
 * person would look for it on: the project page, or the simple page of another index.
 */
function toResult(job: IndexJob, results: Map<string, string>, onIndex: IndexFile[]): IndexResult {
  const page = job.simpleUrl
    ? `${simpleApiBase(job.uploadUrl, job.simpleUrl)}${job.project}/`
    : `${jsonApiBase(job.uploadUrl)}/project/${job.project}/${job.version}/#files`;
  const addresses = new Map(onIndex.flatMap((f) => (f.url ? [[f.filename, f.url]] : [])));
  return {
    uploadUrl: job.uploadUrl,
    files: job.files.map((f) => ({
      filename: f.filename,
      result: results.get(f.filename) ?? '',
      url: addresses.get(f.filename) ?? page,
    })),
  };
}

/** `password`, or a minted token renewed shortly before it expires. */
function tokenSource(job: IndexJob): () => Promise<string> {
  const { credentials, log, policy, uploadUrl } = job;
  if ('password' in credentials) return async () => credentials.password;
  let minted: MintedToken | undefined;
  let pending: Promise<MintedToken> | undefined;
  const mint = async (): Promise<MintedToken> => {
    const audience = await resolveAudience(uploadUrl, credentials.audience, policy);
    const token = await mintUploadToken(
      uploadUrl,
      () => credentials.idToken(audience),
      log.setSecret,
      policy,
      job.sleep,
    );
    log.info(
      `Minted an upload token for ${new URL(uploadUrl).host} through trusted publishing (valid until ${new Date(token.expires * 1000).toISOString()}).`,
    );
    return token;
  };
  return async () => {
    const now = Date.now() / 1000;
    if (!minted || minted.expires - TOKEN_RENEW_MARGIN_SECONDS <= now) {
      pending ??= mint().finally(() => (pending = undefined));
      minted = await pending;
    }
    return minted.token;
  };
}

/** Signs every file's attestation, several at once; by filename (empty without attestations). */
async function signAll(job: IndexJob, files: PublishFile[]): Promise<Map<string, Attestation>> {
  const signed = new Map<string, Attestation>();
  const attest = job.attest;
  if (!attest) return signed;
  await mapLimit(files, SIGN_CONCURRENCY, async (file) => {
    signed.set(
      file.filename,
      await signPublishAttestation(file.filename, file.sha256, attest.session),
    );
  });
  job.log.info(
    `Signed ${signed.size} PEP 740 publish attestation(s) for ${new URL(job.uploadUrl).host}.`,
  );
  return signed;
}

async function uploadOne(
  job: IndexJob,
  file: PublishFile,
  token: string,
  attestation: Attestation | undefined,
): Promise<string | { indexSha256: string }> {
  try {
    await uploadFile(
      {
        uploadUrl: job.uploadUrl,
        token,
        ...('password' in job.credentials && job.credentials.user
          ? { user: job.credentials.user }
          : {}),
        path: file.path,
        filename: file.filename,
        kind: file.kind,
        pyversion: file.pyversion,
        sha256: file.sha256,
        metadata: metadataFormFields(file.metadata),
        ...(attestation ? { attestations: [attestation] } : {}),
        progress: (line) => job.log.info(line),
      },
      job.policy,
      job.sleep,
    );
    job.log.info(`Uploaded ${file.filename}`);
    return 'uploaded';
  } catch (error) {
    if (!(error instanceof UploadRefused) || !error.alreadyExists) throw error;
    // Another run got there first: the same bytes are success, other bytes a conflict.
    const now = (await listed(job)).find((f) => f.filename === file.filename);
    if (now?.sha256 === file.sha256) return 'already there';
    if (job.skipExisting && now) return { indexSha256: now.sha256 };
    throw error;
  }
}

/** Every uploaded file must now be on the index with this sha256. */
/** Checks every uploaded file is listed with its sha256; returns the listing. */
async function confirm(job: IndexJob, files: PublishFile[]): Promise<IndexFile[]> {
  const listing = await listed(job);
  const onIndex = new Map(listing.map((f) => [f.filename, f.sha256]));
  for (const file of files) {
    const sha256 = onIndex.get(file.filename);
    if (sha256 === file.sha256) continue;
    throw new ChainOfCustodyError(
      `${quote(file.filename)} is not on ${job.uploadUrl} as uploaded: the index ${sha256 ? `has sha256 ${sha256}` : 'does not list it'}, the file has sha256 ${file.sha256}.`,
      {
        subject: file.filename,
        hint: sha256
          ? 'Check the index, then re-run: identical files are recognised.'
          : 'Check the index, then re-run: identical files are recognised. If the index serves its simple API somewhere the action does not guess (devpi: `<index URL>+simple/`), set `simple-url`.',
      },
    );
  }
  return listing;
}
