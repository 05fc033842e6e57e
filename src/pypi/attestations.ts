/**
 * PEP 740 publish attestations: one in-toto statement per file (subject = filename + sha256,
 * predicate type https://docs.pypi.org/attestations/publish/v1), signed with Sigstore, sent in
 * the upload's `attestations` field in PyPI's attestation form.
 * https://peps.python.org/pep-0740/, https://packaging.python.org/en/latest/specifications/index-hosted-attestations/
 */
import type { SerializedBundle } from '@sigstore/bundle';
import { ServiceError } from '../core/errors.ts';
import type { SigningSession } from '../provenance/sign.ts';
import { IN_TOTO_STATEMENT_V1, type Statement } from '../provenance/statement.ts';

export const PYPI_PUBLISH_V1 = 'https://docs.pypi.org/attestations/publish/v1';

export interface Attestation {
  version: 1;
  verification_material: { certificate: string; transparency_entries: unknown[] };
  envelope: { statement: string; signature: string };
}

export function publishStatement(filename: string, sha256: string): Statement {
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: [{ name: filename, digest: { sha256 } }],
    predicateType: PYPI_PUBLISH_V1,
    predicate: {},
  };
}

/** Maps a Sigstore bundle (v0.2/v0.3, DSSE, with a log entry) to PyPI's attestation object. */
export function bundleToAttestation(bundle: SerializedBundle): Attestation {
  const material = bundle.verificationMaterial as SerializedBundle['verificationMaterial'] & {
    certificate?: { rawBytes: string };
    x509CertificateChain?: { certificates: Array<{ rawBytes: string }> };
  };
  const certificate =
    material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates[0]?.rawBytes;
  const entry = material.tlogEntries?.[0];
  const envelope = (
    bundle as { dsseEnvelope?: { payload: string; signatures: Array<{ sig: string }> } }
  ).dsseEnvelope;
  if (!certificate || !entry || !envelope || envelope.signatures.length !== 1) {
    throw new ServiceError(
      'The Sigstore bundle cannot become a PEP 740 attestation: it needs a certificate, a transparency-log entry and one DSSE signature.',
      {
        hint: 'PyPI only accepts attestations signed with public-good Sigstore (Fulcio + Rekor); set `attestations: false` for private instances.',
      },
    );
  }
  return {
    version: 1,
    verification_material: { certificate, transparency_entries: [entry] },
    envelope: {
      statement: envelope.payload,
      signature: (envelope.signatures[0] as { sig: string }).sig,
    },
  };
}

export async function signPublishAttestation(
  filename: string,
  sha256: string,
  session: SigningSession,
): Promise<Attestation> {
  return bundleToAttestation(await session.sign(publishStatement(filename, sha256)));
}
