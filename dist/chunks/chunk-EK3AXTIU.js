import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  require_dist
} from "./chunk-YBYUAAP3.js";
import {
  __toESM
} from "./chunk-OHTIYD5V.js";

// src/verify/identity.ts
var import_core = __toESM(require_dist(), 1);
var GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";
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

export {
  GITHUB_ACTIONS_ISSUER,
  readSignerIdentity,
  identityMismatch
};
