import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  identityMismatch,
  readSignerIdentity
} from "./chunk-EK3AXTIU.js";
import {
  require_dist
} from "./chunk-NJ4NFAZQ.js";
import {
  IN_TOTO_PAYLOAD_TYPE,
  IN_TOTO_STATEMENT_V1
} from "./chunk-3UXAYTZZ.js";
import {
  require_dist as require_dist2
} from "./chunk-5WLAUJRA.js";
import {
  quote
} from "./chunk-2VKNWI6A.js";
import {
  __toESM
} from "./chunk-OHTIYD5V.js";

// src/verify/bundles.ts
var import_bundle = __toESM(require_dist(), 1);
var import_verify = __toESM(require_dist2(), 1);
import { open } from "node:fs/promises";
import { basename } from "node:path";

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
  const lines = (await readBounded(path)).split("\n").filter((line) => line.trim());
  if (lines.length === 0) throw new BundleRejected(path, "the file is empty");
  return lines.map((line) => verifyBundleJson(path, line, trust, policy));
}
function verifyBundleJson(source, line, trust, policy) {
  let bundle;
  try {
    bundle = (0, import_bundle.bundleFromJSON)(JSON.parse(line));
  } catch (error) {
    throw new BundleRejected(source, `not a Sigstore bundle (${error.message})`);
  }
  const hasLogEntry = (bundle.verificationMaterial.tlogEntries ?? []).length > 0;
  const verifier = new import_verify.Verifier(trust, {
    tlogThreshold: hasLogEntry ? 1 : 0,
    ctlogThreshold: 1,
    timestampThreshold: 1
  });
  try {
    verifier.verify((0, import_verify.toSignedEntity)(bundle), { extensions: { issuer: policy.issuer } });
  } catch (error) {
    throw new BundleRejected(source, `signature verification failed: ${error.message}`);
  }
  const certificate = signingCertificate(bundle);
  if (!certificate) throw new BundleRejected(source, "the bundle has no signing certificate");
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
  return statement;
}

export {
  PROVENANCE_MAX_BYTES,
  BundleRejected,
  verifyProvenanceFile
};
