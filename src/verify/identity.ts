/**
 * Who signed a bundle: the GitHub workflow identity Fulcio wrote into the certificate, and the
 * policy check against the repository (and optionally workflow and ref) a user expects.
 * OIDs: https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md
 */
import { X509Certificate } from '@sigstore/core';

export { GITHUB_ACTIONS_ISSUER } from '../config/runner-env.ts';

const OID = {
  issuer: '1.3.6.1.4.1.57264.1.8',
  buildSignerUri: '1.3.6.1.4.1.57264.1.9',
  sourceRepositoryUri: '1.3.6.1.4.1.57264.1.12',
  sourceRepositoryDigest: '1.3.6.1.4.1.57264.1.13',
  sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
  buildConfigUri: '1.3.6.1.4.1.57264.1.18',
} as const;

export interface SignerIdentity {
  subjectAlternativeName: string;
  issuer: string;
  buildSignerUri: string;
  sourceRepositoryUri: string;
  sourceRepositoryDigest: string;
  sourceRepositoryRef: string;
  buildConfigUri: string;
}

export interface IdentityPolicy {
  serverUrl: string;
  issuer: string;
  /** `owner/repo`, compared case-insensitively as GitHub does. */
  repository: string;
  /** Workflow file path or name, e.g. `.github/workflows/release.yml` or `release.yml`. */
  workflow?: string;
  /** e.g. `refs/tags/v1.2.3`. */
  ref?: string;
}

/** Reads a DER UTF8String (the encoding of Fulcio's v2 extensions). */
function derString(value: Buffer): string {
  if (value.length < 2 || value[0] !== 0x0c) return value.toString('utf8');
  let length = value[1] as number;
  let offset = 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    length = value.subarray(2, 2 + bytes).reduce((n, b) => n * 256 + b, 0);
    offset = 2 + bytes;
  }
  return value.subarray(offset, offset + length).toString('utf8');
}

export function readSignerIdentity(certificateDer: Buffer): SignerIdentity {
  const cert = X509Certificate.parse(Buffer.from(certificateDer));
  const ext = (oid: string): string => {
    const extension = cert.extension(oid);
    return extension ? derString(extension.value) : '';
  };
  return {
    subjectAlternativeName: cert.subjectAltName ?? '',
    issuer: ext(OID.issuer),
    buildSignerUri: ext(OID.buildSignerUri),
    sourceRepositoryUri: ext(OID.sourceRepositoryUri),
    sourceRepositoryDigest: ext(OID.sourceRepositoryDigest),
    sourceRepositoryRef: ext(OID.sourceRepositoryRef),
    buildConfigUri: ext(OID.buildConfigUri),
  };
}

/** Returns why the identity does not satisfy the policy, or undefined when it does. */
export function identityMismatch(
  identity: SignerIdentity,
  policy: IdentityPolicy,
): string | undefined {
  if (identity.issuer !== policy.issuer) {
    return `signed by an identity from issuer ${JSON.stringify(identity.issuer)}, expected ${JSON.stringify(policy.issuer)}`;
  }
  const expectedRepo = `${policy.serverUrl}/${policy.repository}`.toLowerCase();
  if (identity.sourceRepositoryUri.toLowerCase() !== expectedRepo) {
    return `signed by a workflow of ${JSON.stringify(identity.sourceRepositoryUri)}, expected ${JSON.stringify(expectedRepo)}`;
  }
  if (policy.workflow && !workflowMatches(identity, policy)) {
    return `signed by workflow ${JSON.stringify(identity.buildConfigUri)}, expected ${JSON.stringify(policy.workflow)}`;
  }
  if (policy.ref && identity.sourceRepositoryRef !== policy.ref) {
    return `signed for ref ${JSON.stringify(identity.sourceRepositoryRef)}, expected ${JSON.stringify(policy.ref)}`;
  }
  return undefined;
}

/** The top-level workflow (Build Config URI) is the expected file of the expected repository. */
function workflowMatches(identity: SignerIdentity, policy: IdentityPolicy): boolean {
  const wanted = (policy.workflow ?? '').replace(/^\.\//, '');
  const path = wanted.includes('/') ? wanted : `.github/workflows/${wanted}`;
  const expected = `${policy.serverUrl}/${policy.repository}/${path}`.toLowerCase();
  return identity.buildConfigUri.replace(/@.*$/, '').toLowerCase() === expected;
}
