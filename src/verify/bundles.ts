/**
 * Reading and checking provenance bundles: each line of a `.intoto.jsonl` file is a Sigstore
 * bundle whose DSSE envelope carries an in-toto statement. A bundle counts only when its
 * signature, certificate chain and log entry or timestamp verify against the trust material
 * and its signer satisfies the identity policy.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { toSignedEntity, Verifier, type TrustMaterial } from '@sigstore/verify';
import {
  IN_TOTO_PAYLOAD_TYPE,
  IN_TOTO_STATEMENT_V1,
  type Statement,
} from '../provenance/statement.ts';
import { quote } from '../core/text.ts';
import {
  identityMismatch,
  readSignerIdentity,
  type IdentityPolicy,
  type SignerIdentity,
} from './identity.ts';
import { buildSource, sourceMismatch, type BuildSource } from './source.ts';

/** A provenance file larger than this is not one the action wrote. */
export const PROVENANCE_MAX_BYTES = 32 * 1024 * 1024;

export interface VerifiedBundle {
  /** The provenance file it came from. */
  source: string;
  statement: Statement;
  signer: SignerIdentity;
  /** The tag and commit the subjects were built from. */
  built: BuildSource;
}

/** Why a provenance file was not accepted; names the file. */
export class BundleRejected extends Error {
  readonly source: string;
  readonly reason: string;

  constructor(source: string, reason: string) {
    super(`${quote(basename(source))}: ${reason}`);
    this.name = 'BundleRejected';
    this.source = source;
    this.reason = reason;
  }
}

async function readBounded(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > PROVENANCE_MAX_BYTES)
      throw new BundleRejected(path, `larger than ${PROVENANCE_MAX_BYTES} bytes`);
    return (await handle.readFile()).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Verifies every bundle in a provenance file; throws BundleRejected for the first bad one. */
export async function verifyProvenanceFile(
  path: string,
  trust: TrustMaterial,
  policy: IdentityPolicy,
): Promise<VerifiedBundle[]> {
  const lines = (await readBounded(path)).split('\n').filter((line) => line.trim());
  if (lines.length === 0) throw new BundleRejected(path, 'the file is empty');
  return lines.map((line) => verifyBundleJson(path, line, trust, policy));
}

function verifyBundleJson(
  source: string,
  line: string,
  trust: TrustMaterial,
  policy: IdentityPolicy,
): VerifiedBundle {
  let bundle;
  try {
    bundle = bundleFromJSON(JSON.parse(line));
  } catch (error) {
    throw new BundleRejected(source, `not a Sigstore bundle (${(error as Error).message})`);
  }
  const hasLogEntry = (bundle.verificationMaterial.tlogEntries ?? []).length > 0;
  const verifier = new Verifier(trust, {
    tlogThreshold: hasLogEntry ? 1 : 0,
    ctlogThreshold: 1,
    timestampThreshold: 1,
  });
  try {
    verifier.verify(toSignedEntity(bundle), { extensions: { issuer: policy.issuer } });
  } catch (error) {
    throw new BundleRejected(source, `signature verification failed: ${(error as Error).message}`);
  }
  const certificate = signingCertificate(bundle);
  if (!certificate) throw new BundleRejected(source, 'the bundle has no signing certificate');
  const signer = readSignerIdentity(certificate);
  const mismatch = identityMismatch(signer, policy);
  if (mismatch) throw new BundleRejected(source, mismatch);
  const statement = readStatement(source, bundle);
  const built = buildSource(signer, statement);
  if ('problem' in built) throw new BundleRejected(source, built.problem);
  const wrongSource = sourceMismatch(built, policy);
  if (wrongSource) throw new BundleRejected(source, wrongSource);
  return { source, statement, signer, built };
}

function signingCertificate(bundle: ReturnType<typeof bundleFromJSON>): Buffer | undefined {
  const content = bundle.verificationMaterial.content;
  if (content.$case === 'certificate') return Buffer.from(content.certificate.rawBytes);
  if (content.$case === 'x509CertificateChain') {
    const first = content.x509CertificateChain.certificates[0];
    return first ? Buffer.from(first.rawBytes) : undefined;
  }
  return undefined;
}

function readStatement(source: string, bundle: ReturnType<typeof bundleFromJSON>): Statement {
  if (bundle.content.$case !== 'dsseEnvelope')
    throw new BundleRejected(source, 'the bundle holds no DSSE envelope');
  const envelope = bundle.content.dsseEnvelope;
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new BundleRejected(
      source,
      `payload type ${quote(envelope.payloadType)} is not an in-toto statement`,
    );
  }
  let statement: Statement;
  try {
    statement = JSON.parse(Buffer.from(envelope.payload).toString('utf8')) as Statement;
  } catch {
    throw new BundleRejected(source, 'the signed payload is not JSON');
  }
  if (statement._type !== IN_TOTO_STATEMENT_V1 || !Array.isArray(statement.subject)) {
    throw new BundleRejected(source, 'the signed payload is not an in-toto v1 statement');
  }
  return statement;
}
