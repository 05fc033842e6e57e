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
  sourceRepositoryId: '1.3.6.1.4.1.57264.1.15',
  sourceRepositoryOwnerId: '1.3.6.1.4.1.57264.1.17',
  buildConfigUri: '1.3.6.1.4.1.57264.1.18',
  buildTrigger: '1.3.6.1.4.1.57264.1.20',
} as const;

export interface SignerIdentity {
  subjectAlternativeName: string;
  issuer: string;
  buildSignerUri: string;
  sourceRepositoryUri: string;
  sourceRepositoryDigest: string;
  sourceRepositoryRef: string;
  /** GitHub's numeric repository id: a deleted name registered again gets a new one. */
  sourceRepositoryId: string;
  sourceRepositoryOwnerId: string;
  buildConfigUri: string;
  /** The event that started the run, e.g. `push` or `workflow_dispatch`. */
  buildTrigger: string;
}

export interface IdentityPolicy {
  serverUrl: string;
  issuer: string;
  /** `owner/repo`, compared case-insensitively as GitHub does. */
  repository: string;
  /** Workflow file path or name, e.g. `.github/workflows/release.yml` or `release.yml`. */
  workflow?: string;
  /** The source ref the files were built from, e.g. `refs/tags/v1.2.3` (see source.ts). */
  ref?: string;
  /** The commit the files must have been built from: the tag's commit as GitHub has it. */
  commit?: string;
  /** GitHub's numeric ids of the repository and its owner; checked when given. */
  repositoryId?: string;
  ownerId?: string;
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

/** Reads the identity Fulcio wrote into a signing certificate. */
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
    sourceRepositoryId: ext(OID.sourceRepositoryId),
    sourceRepositoryOwnerId: ext(OID.sourceRepositoryOwnerId),
    buildConfigUri: ext(OID.buildConfigUri),
    buildTrigger: ext(OID.buildTrigger),
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
  // A name can be deleted and registered again by someone else; the ids cannot.
  if (policy.repositoryId !== undefined && identity.sourceRepositoryId !== policy.repositoryId) {
    return `signed by repository id ${JSON.stringify(identity.sourceRepositoryId)}, but ${policy.repository} is repository id ${JSON.stringify(policy.repositoryId)} (the name was deleted and registered again?)`;
  }
  if (policy.ownerId !== undefined && identity.sourceRepositoryOwnerId !== policy.ownerId) {
    return `signed by owner id ${JSON.stringify(identity.sourceRepositoryOwnerId)}, but the owner of ${policy.repository} is id ${JSON.stringify(policy.ownerId)}`;
  }
  // The ref and commit are checked against the statement's source (source.ts): a dispatch
  // run's certificate names the branch it was dispatched from, not the tag it built.
  return undefined;
}

/** The top-level workflow (Build Config URI) is the expected file of the expected repository. */
function workflowMatches(identity: SignerIdentity, policy: IdentityPolicy): boolean {
  const wanted = (policy.workflow ?? '').replace(/^\.\//, '');
  const path = wanted.includes('/') ? wanted : `.github/workflows/${wanted}`;
  const expected = `${policy.serverUrl}/${policy.repository}/${path}`.toLowerCase();
  return identity.buildConfigUri.replace(/@.*$/, '').toLowerCase() === expected;
}
