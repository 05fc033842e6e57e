/**
 * PEP 740 checks as Warehouse makes them: at most two attestations, one per predicate type,
 * each turned back into a Sigstore bundle and verified against the trusted root, with a single
 * subject naming the uploaded file and its sha256, signed by the trusted publisher's workflow.
 */
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import {
  toSignedEntity,
  toTrustMaterial,
  Verifier,
  type SignedEntity,
  type Signer,
} from '@sigstore/verify';
import { Worker } from 'node:worker_threads';
import { readSignerIdentity } from '../src/verify/identity.ts';
import type { VerifyAnswer, VerifyRequest } from './warehouse-attestation-thread.ts';
import type { TrustedPublisher } from './warehouse.ts';

const PREDICATES = [
  'https://docs.pypi.org/attestations/publish/v1',
  'https://slsa.dev/provenance/v1',
];

interface AttestationJson {
  version?: number;
  verification_material?: { certificate?: string; transparency_entries?: unknown[] };
  envelope?: { statement?: string; signature?: string };
}

/** The part of the Verifier that checks a signing certificate against the trusted root. */
interface SigningKeyCheck {
  verifySigningKey(entity: SignedEntity, timestamps: Date[]): Signer;
}

/**
 * One verifier per trusted root, parsing its keys and certificates once. Its certificate-chain
 * check is remembered per leaf certificate: an index batch signs every file with the same
 * short-lived certificate, and the chain and SCT checks of identical bytes give identical
 * answers. A remembered answer is used only for timestamps inside the certificate's validity;
 * the signature, log entry and identity of each attestation are still checked every time.
 * (The stand-in shares the clients' cores; real Warehouse verifies on its own servers.)
 */
const verifiers = new WeakMap<Record<string, unknown>, Verifier>();

function verifierFor(trustedRoot: Record<string, unknown>): Verifier {
  const known = verifiers.get(trustedRoot);
  if (known) return known;
  const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(trustedRoot)), {
    tlogThreshold: 1,
    ctlogThreshold: 1,
  });
  const check = verifier as unknown as SigningKeyCheck;
  const full = check.verifySigningKey.bind(verifier);
  const chains = new Map<string, Signer>();
  check.verifySigningKey = (entity, timestamps) => {
    if (entity.key.$case !== 'certificate') return full(entity, timestamps);
    const leaf = entity.key.certificate;
    // The certificate's contents as parsed (re-encoding it to DER would cost more than the
    // chain check it saves): with the tag and length they are its DER bytes.
    const { value } = leaf.root;
    const key = Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
    const remembered = chains.get(key);
    if (remembered && timestamps.every((t) => leaf.validForDate(t))) return remembered;
    const signer = full(entity, timestamps);
    if (chains.size > 1000) chains.clear();
    chains.set(key, signer);
    return signer;
  };
  verifiers.set(trustedRoot, verifier);
  return verifier;
}

/** The signer named by a certificate (base64 DER), read once per certificate. */
const signers = new Map<string, ReturnType<typeof readSignerIdentity>>();

function signerOf(certificate: string): ReturnType<typeof readSignerIdentity> {
  const known = signers.get(certificate);
  if (known) return known;
  const signer = readSignerIdentity(Buffer.from(certificate, 'base64'));
  if (signers.size > 1000) signers.clear();
  signers.set(certificate, signer);
  return signer;
}

/** The accepted attestations, or why they are refused. */
export function verifyAttestations(
  text: string,
  file: { filename: string; sha256: string },
  trustedRoot: Record<string, unknown>,
  publisher: TrustedPublisher,
): unknown[] | string {
  let list: AttestationJson[];
  try {
    list = JSON.parse(text) as AttestationJson[];
  } catch {
    return 'Malformed attestations: not JSON';
  }
  if (!Array.isArray(list) || list.length === 0) return 'Malformed attestations: an empty list';
  if (list.length > 2) return 'A maximum of 2 attestations per file are supported';
  const verifier = verifierFor(trustedRoot);
  const seen = new Set<string>();
  for (const attestation of list) {
    const certificate = attestation.verification_material?.certificate;
    const entry = attestation.verification_material?.transparency_entries?.[0];
    const statementB64 = attestation.envelope?.statement;
    const signature = attestation.envelope?.signature;
    if (attestation.version !== 1 || !certificate || !entry || !statementB64 || !signature)
      return 'Malformed attestations: missing fields';
    const bundle = {
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: { certificate: { rawBytes: certificate }, tlogEntries: [entry] },
      dsseEnvelope: {
        payload: statementB64,
        payloadType: 'application/vnd.in-toto+json',
        signatures: [{ sig: signature, keyid: '' }],
      },
    };
    try {
      verifier.verify(toSignedEntity(bundleFromJSON(bundle)));
    } catch (error) {
      return `Could not verify the uploaded artifact using the included attestation: Verification failed: ${(error as Error).message}`;
    }
    const statement = JSON.parse(Buffer.from(statementB64, 'base64').toString()) as {
      subject?: Array<{ name?: string; digest?: { sha256?: string } }>;
      predicateType?: string;
    };
    if (!PREDICATES.includes(statement.predicateType ?? ''))
      return `Unknown attestation predicate type: ${statement.predicateType}`;
    if (seen.has(statement.predicateType as string))
      return `Multiple attestations for the same file with the same predicate type (${statement.predicateType}) are not supported`;
    seen.add(statement.predicateType as string);
    const [subject, ...more] = statement.subject ?? [];
    if (!subject || more.length > 0) return 'Attestations must have exactly one subject';
    if (subject.name !== file.filename)
      return `Subject name ${subject.name} does not match distribution name ${file.filename}`;
    if (subject.digest?.sha256 !== file.sha256)
      return 'Subject digest does not match the distribution digest';
    const signer = signerOf(certificate);
    const repository = `https://github.com/${publisher.repository}`.toLowerCase();
    if (signer.issuer !== 'https://token.actions.githubusercontent.com')
      return 'Verification failed: certificate issuer is not GitHub Actions';
    if (signer.sourceRepositoryUri.toLowerCase() !== repository)
      return `Verification failed: Source Repository URI ${signer.sourceRepositoryUri} is not ${repository}`;
    if (
      !signer.buildConfigUri
        .toLowerCase()
        .startsWith(`${repository}/.github/workflows/${publisher.workflow.toLowerCase()}@`)
    ) {
      return `Verification failed: Build Config URI ${signer.buildConfigUri} is not the trusted publisher's workflow`;
    }
  }
  return list;
}

/**
 * `verifyAttestations` on a thread shared by every index in the process, started on first use.
 * The stand-in shares the machine with the clients it serves; checked on its event loop, each
 * upload's attestations held up the bytes of every other upload in flight.
 */
let thread: Worker | undefined;
let nextId = 0;
const pending = new Map<number, (result: unknown[] | string) => void>();
let rootIds = new WeakMap<Record<string, unknown>, number>();
let nextRootId = 0;

function verifyingThread(): Worker {
  if (thread) return thread;
  const worker = new Worker(new URL('./warehouse-attestation-thread.ts', import.meta.url));
  worker.on('message', (answer: VerifyAnswer) => {
    pending.get(answer.id)?.(answer.result);
    pending.delete(answer.id);
  });
  worker.on('error', (error) => {
    for (const settle of pending.values()) settle(`the verifying thread failed: ${error.message}`);
    pending.clear();
    thread = undefined;
    // A new thread knows no trusted root yet.
    rootIds = new WeakMap();
  });
  // Never what keeps a process alive (the servers using it do that); after the listeners,
  // which would take a reference again.
  worker.unref();
  thread = worker;
  return worker;
}

export function verifyAttestationsOffThread(
  text: string,
  file: { filename: string; sha256: string },
  trustedRoot: Record<string, unknown>,
  publisher: TrustedPublisher,
): Promise<unknown[] | string> {
  const worker = verifyingThread();
  let rootId = rootIds.get(trustedRoot);
  const first = rootId === undefined;
  if (rootId === undefined) rootIds.set(trustedRoot, (rootId = ++nextRootId));
  const id = ++nextId;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    const request: VerifyRequest = {
      id,
      text,
      file: { filename: file.filename, sha256: file.sha256 },
      rootId,
      publisher: { ...publisher },
      ...(first ? { root: trustedRoot } : {}),
    };
    worker.postMessage(request);
  });
}
