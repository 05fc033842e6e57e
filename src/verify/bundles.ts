/**
 * Reading and checking provenance bundles: each line of a `.intoto.jsonl` file (or the one JSON
 * document of a `.sigstore.json` file) is a Sigstore bundle whose DSSE envelope carries an
 * in-toto SLSA provenance statement. A bundle counts only when its signature, certificate chain
 * and the log entry or timestamp its Sigstore instance requires verify against the trust
 * material, and its signer satisfies the identity policy.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { X509Certificate } from '@sigstore/core';
import { toSignedEntity, Verifier } from '@sigstore/verify';
import {
  IN_TOTO_PAYLOAD_TYPE,
  IN_TOTO_STATEMENT_V1,
  SLSA_PROVENANCE_V1,
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
import { jsonDocuments, resolveInstance, UnknownInstance, type TrustSet } from './trust.ts';

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
  trust: TrustSet,
  policy: IdentityPolicy,
): Promise<VerifiedBundle[]> {
  const verified: VerifiedBundle[] = [];
  for (const json of await readDocuments(path))
    verified.push(await verifyBundleJson(path, json, trust, policy));
  return verified;
}

/**
 * The in-toto statements of every bundle in a provenance file, parsed as `verifyProvenanceFile`
 * parses them but not verified: for checks whose trust comes from elsewhere (the release
 * hand-off compares digests; publish verifies). Throws BundleRejected for a malformed bundle.
 */
export async function readProvenanceStatements(path: string): Promise<Statement[]> {
  return (await readDocuments(path)).map((json) => readStatement(path, parseBundle(path, json)));
}

async function readDocuments(path: string): Promise<unknown[]> {
  try {
    return jsonDocuments(await readBounded(path));
  } catch (error) {
    if (error instanceof BundleRejected) throw error;
    throw new BundleRejected(path, `not a Sigstore bundle (${(error as Error).message})`);
  }
}

function parseBundle(source: string, json: unknown): ReturnType<typeof bundleFromJSON> {
  try {
    return bundleFromJSON(json);
  } catch (error) {
    throw new BundleRejected(source, `not a Sigstore bundle (${(error as Error).message})`);
  }
}

async function verifyBundleJson(
  source: string,
  json: unknown,
  trust: TrustSet,
  policy: IdentityPolicy,
): Promise<VerifiedBundle> {
  const bundle = parseBundle(source, json);
  const certificate = signingCertificate(bundle);
  if (!certificate) throw new BundleRejected(source, 'the bundle has no signing certificate');
  let leaf;
  try {
    leaf = X509Certificate.parse(Buffer.from(certificate));
  } catch (error) {
    throw new BundleRejected(
      source,
      `unreadable signing certificate (${(error as Error).message})`,
    );
  }
  let instance;
  try {
    instance = await resolveInstance(trust, leaf);
  } catch (error) {
    if (error instanceof UnknownInstance) throw new BundleRejected(source, error.message);
    throw new BundleRejected(
      source,
      `unreadable signing certificate (${(error as Error).message})`,
    );
  }
  // What the instance requires, never what the bundle happens to carry: a public-good bundle
  // stripped of its log entry fails here even when it holds a timestamp.
  const verifier = new Verifier(instance.material, {
    tlogThreshold: instance.tlogThreshold,
    ctlogThreshold: instance.ctlogThreshold,
    timestampThreshold: 1,
  });
  try {
    verifier.verify(toSignedEntity(bundle), { extensions: { issuer: policy.issuer } });
  } catch (error) {
    throw new BundleRejected(
      source,
      `signature verification failed against ${instance.label}: ${(error as Error).message}`,
    );
  }
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
  // Another kind of signed statement (a PEP 740 publish attestation, say) vouches for other
  // things than how the files were built: it is not provenance.
  if (statement.predicateType !== SLSA_PROVENANCE_V1) {
    throw new BundleRejected(
      source,
      `the signed statement is a ${quote(String(statement.predicateType))} statement, not SLSA provenance (${SLSA_PROVENANCE_V1})`,
    );
  }
  return statement;
}
