import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  require_dist as require_dist2
} from "./chunk-NJ4NFAZQ.js";
import {
  IN_TOTO_PAYLOAD_TYPE,
  IN_TOTO_STATEMENT_V1,
  SLSA_PROVENANCE_V1
} from "./chunk-AVT3NGYN.js";
import {
  UnknownInstance,
  jsonDocuments,
  require_dist as require_dist3,
  resolveInstance
} from "./chunk-2RB73S4U.js";
import {
  require_dist
} from "./chunk-3ODTPMX6.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  __toESM
} from "./chunk-OHTIYD5V.js";

// src/verify/bundles.ts
var import_bundle = __toESM(require_dist2(), 1);
var import_core2 = __toESM(require_dist(), 1);
var import_verify = __toESM(require_dist3(), 1);
import { open } from "node:fs/promises";
import { basename } from "node:path";

// src/verify/identity.ts
var import_core = __toESM(require_dist(), 1);
var OID = {
  issuer: "1.3.6.1.4.1.57264.1.8",
  buildSignerUri: "1.3.6.1.4.1.57264.1.9",
  sourceRepositoryUri: "1.3.6.1.4.1.57264.1.12",
  sourceRepositoryDigest: "1.3.6.1.4.1.57264.1.13",
  sourceRepositoryRef: "1.3.6.1.4.1.57264.1.14",
  sourceRepositoryId: "1.3.6.1.4.1.57264.1.15",
  sourceRepositoryOwnerId: "1.3.6.1.4.1.57264.1.17",
  buildConfigUri: "1.3.6.1.4.1.57264.1.18",
  buildTrigger: "1.3.6.1.4.1.57264.1.20"
};
function derString(value) {
  if (value.length < 2 || value[0] !== 12) return value.toString("utf8");
  let length = value[1];
  let offset = 2;
  if (length & 128) {
    const bytes = length & 127;
    length = value.subarray(2, 2 + bytes).reduce((n, b) => n * 256 + b, 0);
    offset = 2 + bytes;
  }
  return value.subarray(offset, offset + length).toString("utf8");
}
function readSignerIdentity(certificateDer) {
  const cert = import_core.X509Certificate.parse(Buffer.from(certificateDer));
  const ext = (oid) => {
    const extension = cert.extension(oid);
    return extension ? derString(extension.value) : "";
  };
  return {
    subjectAlternativeName: cert.subjectAltName ?? "",
    issuer: ext(OID.issuer),
    buildSignerUri: ext(OID.buildSignerUri),
    sourceRepositoryUri: ext(OID.sourceRepositoryUri),
    sourceRepositoryDigest: ext(OID.sourceRepositoryDigest),
    sourceRepositoryRef: ext(OID.sourceRepositoryRef),
    sourceRepositoryId: ext(OID.sourceRepositoryId),
    sourceRepositoryOwnerId: ext(OID.sourceRepositoryOwnerId),
    buildConfigUri: ext(OID.buildConfigUri),
    buildTrigger: ext(OID.buildTrigger)
  };
}
function identityMismatch(identity, policy) {
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
  if (policy.repositoryId !== void 0 && identity.sourceRepositoryId !== policy.repositoryId) {
    return `signed by repository id ${JSON.stringify(identity.sourceRepositoryId)}, but ${policy.repository} is repository id ${JSON.stringify(policy.repositoryId)} (the name was deleted and registered again?)`;
  }
  if (policy.ownerId !== void 0 && identity.sourceRepositoryOwnerId !== policy.ownerId) {
    return `signed by owner id ${JSON.stringify(identity.sourceRepositoryOwnerId)}, but the owner of ${policy.repository} is id ${JSON.stringify(policy.ownerId)}`;
  }
  return void 0;
}
function workflowMatches(identity, policy) {
  const wanted = (policy.workflow ?? "").replace(/^\.\//, "");
  const path = wanted.includes("/") ? wanted : `.github/workflows/${wanted}`;
  const expected = `${policy.serverUrl}/${policy.repository}/${path}`.toLowerCase();
  return identity.buildConfigUri.replace(/@.*$/, "").toLowerCase() === expected;
}

// src/verify/source.ts
var COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
function statementSource(statement, repositoryUri) {
  const predicate = statement.predicate;
  const deps = predicate?.buildDefinition?.resolvedDependencies;
  if (!Array.isArray(deps)) return void 0;
  const prefix = `git+${repositoryUri}@`.toLowerCase();
  for (const dep of deps) {
    if (typeof dep?.uri !== "string" || !dep.uri.toLowerCase().startsWith(prefix)) continue;
    const commit = dep.digest?.gitCommit;
    if (typeof commit !== "string") return void 0;
    return { ref: dep.uri.slice(prefix.length), commit };
  }
  return void 0;
}
function buildSource(signer, statement) {
  const stated = statementSource(statement, signer.sourceRepositoryUri);
  if (signer.sourceRepositoryRef.startsWith("refs/tags/")) {
    const certified = {
      ref: signer.sourceRepositoryRef,
      commit: signer.sourceRepositoryDigest,
      dispatched: false
    };
    if (stated && (stated.ref !== certified.ref || stated.commit !== certified.commit)) {
      return {
        problem: `the statement names ${stated.ref} at ${stated.commit}, but the certificate was issued for ${certified.ref} at ${certified.commit}`
      };
    }
    return certified;
  }
  if (signer.buildTrigger !== "workflow_dispatch") {
    return {
      problem: `signed by a ${JSON.stringify(signer.buildTrigger || "unknown")} run of ${JSON.stringify(signer.sourceRepositoryRef)}, not for a tag`
    };
  }
  if (!stated || !stated.ref.startsWith("refs/tags/") || !COMMIT.test(stated.commit)) {
    return {
      problem: `a workflow_dispatch run of ${JSON.stringify(signer.sourceRepositoryRef)} whose statement names no tag and commit as its source`
    };
  }
  return { ...stated, dispatched: true };
}
function sourceMismatch(source, policy) {
  if (policy.ref && source.ref !== policy.ref) {
    return `built from ${JSON.stringify(source.ref)}, expected ${JSON.stringify(policy.ref)}`;
  }
  if (policy.commit && source.commit !== policy.commit) {
    return `built from commit ${source.commit}, but ${policy.ref ?? "the tag"} points at ${policy.commit}`;
  }
  return void 0;
}

// src/verify/bundles.ts
var PROVENANCE_MAX_BYTES = 32 * 1024 * 1024;
var BundleRejected = class extends Error {
  source;
  reason;
  constructor(source, reason) {
    super(`${quote(basename(source))}: ${reason}`);
    this.name = "BundleRejected";
    this.source = source;
    this.reason = reason;
  }
};
async function readBounded(path) {
  const handle = await open(path, "r");
  try {
    const { size } = await handle.stat();
    if (size > PROVENANCE_MAX_BYTES)
      throw new BundleRejected(path, `larger than ${PROVENANCE_MAX_BYTES} bytes`);
    return (await handle.readFile()).toString("utf8");
  } finally {
    await handle.close();
  }
}
async function verifyProvenanceFile(path, trust, policy) {
  const verified = [];
  for (const json of await readDocuments(path))
    verified.push(await verifyBundleJson(path, json, trust, policy));
  return verified;
}
async function readProvenanceStatements(path) {
  return (await readDocuments(path)).map((json) => readStatement(path, parseBundle(path, json)));
}
async function readDocuments(path) {
  try {
    return jsonDocuments(await readBounded(path));
  } catch (error) {
    if (error instanceof BundleRejected) throw error;
    throw new BundleRejected(path, `not a Sigstore bundle (${error.message})`);
  }
}
function parseBundle(source, json) {
  try {
    return (0, import_bundle.bundleFromJSON)(json);
  } catch (error) {
    throw new BundleRejected(source, `not a Sigstore bundle (${error.message})`);
  }
}
async function verifyBundleJson(source, json, trust, policy) {
  const bundle = parseBundle(source, json);
  const certificate = signingCertificate(bundle);
  if (!certificate) throw new BundleRejected(source, "the bundle has no signing certificate");
  let leaf;
  try {
    leaf = import_core2.X509Certificate.parse(Buffer.from(certificate));
  } catch (error) {
    throw new BundleRejected(
      source,
      `unreadable signing certificate (${error.message})`
    );
  }
  let instance;
  try {
    instance = await resolveInstance(trust, leaf);
  } catch (error) {
    if (error instanceof UnknownInstance) throw new BundleRejected(source, error.message);
    throw new BundleRejected(
      source,
      `unreadable signing certificate (${error.message})`
    );
  }
  const verifier = new import_verify.Verifier(instance.material, {
    tlogThreshold: instance.tlogThreshold,
    ctlogThreshold: instance.ctlogThreshold,
    timestampThreshold: 1
  });
  try {
    verifier.verify((0, import_verify.toSignedEntity)(bundle), { extensions: { issuer: policy.issuer } });
  } catch (error) {
    throw new BundleRejected(
      source,
      `signature verification failed against ${instance.label}: ${error.message}`
    );
  }
  const signer = readSignerIdentity(certificate);
  const mismatch = identityMismatch(signer, policy);
  if (mismatch) throw new BundleRejected(source, mismatch);
  const statement = readStatement(source, bundle);
  const built = buildSource(signer, statement);
  if ("problem" in built) throw new BundleRejected(source, built.problem);
  const wrongSource = sourceMismatch(built, policy);
  if (wrongSource) throw new BundleRejected(source, wrongSource);
  return { source, statement, signer, built };
}
function signingCertificate(bundle) {
  const content = bundle.verificationMaterial.content;
  if (content.$case === "certificate") return Buffer.from(content.certificate.rawBytes);
  if (content.$case === "x509CertificateChain") {
    const first = content.x509CertificateChain.certificates[0];
    return first ? Buffer.from(first.rawBytes) : void 0;
  }
  return void 0;
}
function readStatement(source, bundle) {
  if (bundle.content.$case !== "dsseEnvelope")
    throw new BundleRejected(source, "the bundle holds no DSSE envelope");
  const envelope = bundle.content.dsseEnvelope;
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    throw new BundleRejected(
      source,
      `payload type ${quote(envelope.payloadType)} is not an in-toto statement`
    );
  }
  let statement;
  try {
    statement = JSON.parse(Buffer.from(envelope.payload).toString("utf8"));
  } catch {
    throw new BundleRejected(source, "the signed payload is not JSON");
  }
  if (statement._type !== IN_TOTO_STATEMENT_V1 || !Array.isArray(statement.subject)) {
    throw new BundleRejected(source, "the signed payload is not an in-toto v1 statement");
  }
  if (statement.predicateType !== SLSA_PROVENANCE_V1) {
    throw new BundleRejected(
      source,
      `the signed statement is a ${quote(String(statement.predicateType))} statement, not SLSA provenance (${SLSA_PROVENANCE_V1})`
    );
  }
  return statement;
}

export {
  PROVENANCE_MAX_BYTES,
  BundleRejected,
  verifyProvenanceFile,
  readProvenanceStatements
};
