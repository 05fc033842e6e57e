/**
 * PEP 740 checks as Warehouse makes them: at most two attestations, one per predicate type,
 * each turned back into a Sigstore bundle and verified against the trusted root, with a single
 * subject naming the uploaded file and its sha256, signed by the trusted publisher's workflow.
 */
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { fulcioIdentity } from './fulcio-identity.ts';
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

/** One verifier per trusted root: its keys and certificates are parsed once. */
const verifiers = new WeakMap<Record<string, unknown>, Verifier>();

function verifierFor(trustedRoot: Record<string, unknown>): Verifier {
  const known = verifiers.get(trustedRoot);
  if (known) return known;
  const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(trustedRoot)), {
    tlogThreshold: 1,
    ctlogThreshold: 1,
  });
  verifiers.set(trustedRoot, verifier);
  return verifier;
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
    const signer = fulcioIdentity(Buffer.from(certificate, 'base64'));
    if (typeof signer === 'string') return `Verification failed: ${signer}`;
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
