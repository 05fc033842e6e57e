import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  identityMismatch,
  readSignerIdentity
} from "./chunk-ATIOSRSC.js";
import {
  require_dist
} from "./chunk-NJ4NFAZQ.js";
import {
  IN_TOTO_PAYLOAD_TYPE,
  IN_TOTO_STATEMENT_V1,
  SLSA_PROVENANCE_V1
} from "./chunk-5A6J3NFV.js";
import {
  UnknownInstance,
  instanceFor,
  jsonDocuments,
  require_dist as require_dist3
} from "./chunk-6IQSNQSL.js";
import {
  require_dist as require_dist2
} from "./chunk-YBYUAAP3.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  __toESM
} from "./chunk-OHTIYD5V.js";

// src/verify/bundles.ts
var import_bundle = __toESM(require_dist(), 1);
var import_core = __toESM(require_dist2(), 1);
var import_verify = __toESM(require_dist3(), 1);
import { open } from "node:fs/promises";
import { basename } from "node:path";
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
  let documents;
  try {
    documents = jsonDocuments(await readBounded(path));
  } catch (error) {
    if (error instanceof BundleRejected) throw error;
    throw new BundleRejected(path, `not a Sigstore bundle (${error.message})`);
  }
  return documents.map((json) => verifyBundleJson(path, json, trust, policy));
}
function verifyBundleJson(source, json, trust, policy) {
  let bundle;
  try {
    bundle = (0, import_bundle.bundleFromJSON)(json);
  } catch (error) {
    throw new BundleRejected(source, `not a Sigstore bundle (${error.message})`);
  }
  const certificate = signingCertificate(bundle);
  if (!certificate) throw new BundleRejected(source, "the bundle has no signing certificate");
  let instance;
  try {
    instance = instanceFor(trust, import_core.X509Certificate.parse(Buffer.from(certificate)));
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
  return { source, statement: readStatement(source, bundle), signer };
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
  verifyProvenanceFile
};
