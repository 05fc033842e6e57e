import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  conflictError,
  jsonApiBase,
  planIndexUploads,
  projectExists,
  releaseFiles,
  simpleApiBase,
  undatedReleaseWarning
} from "./chunk-EUANYMN4.js";
import {
  ascProblem,
  matchFilesToSubjects,
  publicKeyFingerprint,
  readArmoredPublicKey
} from "./chunk-ZWJUS5M2.js";
import {
  applyIndexRules,
  isStdlibName
} from "./chunk-Z3TBBPWE.js";
import {
  checkConsistency,
  inspectDistribution
} from "./chunk-G2YOVFT2.js";
import {
  compareMetadataVersions
} from "./chunk-S7NFOUJH.js";
import {
  decodeClaims,
  fetchIdToken,
  requireIdTokenPermission
} from "./chunk-7DWGIWO4.js";
import "./chunk-USV4ZTXE.js";
import {
  sha256Files
} from "./chunk-RYOVELRR.js";
import {
  mapLimit
} from "./chunk-35R7A2X5.js";
import {
  listDistributionFiles,
  resolveWorkspaceDir,
  workspacePath
} from "./chunk-CK2J3INV.js";
import {
  IN_TOTO_STATEMENT_V1
} from "./chunk-AVT3NGYN.js";
import {
  isReservedAudience,
  knownAudience,
  resolveTag
} from "./chunk-QCTR3FJ2.js";
import "./chunk-AFO7ECMN.js";
import {
  PUBLIC_GOOD_ENDPOINTS
} from "./chunk-MNULP7LO.js";
import "./chunk-43E5VB6N.js";
import {
  require_https
} from "./chunk-J2JRWM7E.js";
import "./chunk-GBGIRKK7.js";
import {
  require_http
} from "./chunk-DD5KWBM2.js";
import "./chunk-GWEJQHBX.js";
import "./chunk-UPFIIRK2.js";
import {
  MAX_TOKEN_ANSWER_BYTES,
  describeFetchError,
  fetchWithRetry,
  isObject,
  kindOf,
  progressReporter,
  readBoundedText,
  readJsonObject,
  seconds,
  transferBoundMs
} from "./chunk-3MYLBHU6.js";
import {
  DEFAULT_RETRY_POLICY,
  isTransient,
  realSleep,
  retryDelay,
  retryLine
} from "./chunk-742OCXHB.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  ChainOfCustodyError,
  EnvironmentError,
  ServiceError
} from "./chunk-W3DSJ3DT.js";
import {
  __toESM
} from "./chunk-OHTIYD5V.js";

// src/steps/publish.ts
import { basename as basename2, join } from "node:path";
import { readdir } from "node:fs/promises";

// src/pypi/attestations.ts
var PYPI_PUBLISH_V1 = "https://docs.pypi.org/attestations/publish/v1";
function publishStatement(filename, sha256) {
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: [{ name: filename, digest: { sha256 } }],
    predicateType: PYPI_PUBLISH_V1,
    predicate: {}
  };
}
function bundleToAttestation(bundle) {
  const material = bundle.verificationMaterial;
  const certificate = material.certificate?.rawBytes ?? material.x509CertificateChain?.certificates[0]?.rawBytes;
  const entry = material.tlogEntries?.[0];
  const envelope = bundle.dsseEnvelope;
  if (!certificate || !entry || !envelope || envelope.signatures.length !== 1) {
    throw new ServiceError(
      "The Sigstore bundle cannot become a PEP 740 attestation: it needs a certificate, a transparency-log entry and one DSSE signature.",
      {
        hint: "PyPI only accepts attestations signed with public-good Sigstore (Fulcio + Rekor); set `attestations: false` for private instances."
      }
    );
  }
  return {
    version: 1,
    verification_material: { certificate, transparency_entries: [entry] },
    envelope: {
      statement: envelope.payload,
      signature: envelope.signatures[0].sig
    }
  };
}
async function signPublishAttestation(filename, sha256, session) {
  return bundleToAttestation(await session.sign(publishStatement(filename, sha256)));
}

// src/pypi/metadata-fields.ts
var FIELDS = {
  "metadata-version": ["metadata_version", false],
  name: ["name", false],
  version: ["version", false],
  summary: ["summary", false],
  "description-content-type": ["description_content_type", false],
  keywords: ["keywords", false],
  "home-page": ["home_page", false],
  "download-url": ["download_url", false],
  author: ["author", false],
  "author-email": ["author_email", false],
  maintainer: ["maintainer", false],
  "maintainer-email": ["maintainer_email", false],
  license: ["license", false],
  "license-expression": ["license_expression", false],
  "license-file": ["license_file", true],
  classifier: ["classifiers", true],
  platform: ["platform", true],
  "supported-platform": ["supported_platform", true],
  "requires-dist": ["requires_dist", true],
  "requires-python": ["requires_python", false],
  "requires-external": ["requires_external", true],
  "project-url": ["project_urls", true],
  "provides-extra": ["provides_extra", true],
  "provides-dist": ["provides_dist", true],
  "obsoletes-dist": ["obsoletes_dist", true],
  requires: ["requires", true],
  provides: ["provides", true],
  obsoletes: ["obsoletes", true],
  dynamic: ["dynamic", true],
  "import-name": ["import_name", true],
  "import-namespace": ["import_namespace", true]
};
function metadataFormFields(metadata) {
  const fields = [];
  for (const [header, values] of metadata.fields) {
    const spec = FIELDS[header];
    if (!spec) continue;
    const [name, multiple] = spec;
    const present = values.map((v) => v.trim()).filter((v) => v !== "" && v !== "UNKNOWN");
    if (present.length === 0) continue;
    if (name === "license_file" && compareMetadataVersions(metadata.metadataVersion, "2.4") < 0)
      continue;
    if (multiple) for (const value of present) fields.push([name, value]);
    else
      fields.push([
        name,
        header === "keywords" ? joinKeywords(present[0]) : present[0]
      ]);
  }
  const description = metadata.fields.get("description")?.[0] ?? metadata.body;
  if (description && description.trim()) fields.push(["description", description]);
  return fields;
}
function joinKeywords(value) {
  return value.split(",").map((k) => k.trim()).filter(Boolean).join(", ");
}

// src/pypi/trusted-publishing.ts
function indexOrigin(uploadUrl) {
  return new URL(uploadUrl).origin;
}
async function resolveAudience(uploadUrl, explicit, policy) {
  const known = knownAudience(uploadUrl);
  if (known) return known;
  const origin = indexOrigin(uploadUrl);
  if (!explicit || isReservedAudience(explicit)) {
    throw new EnvironmentError(
      `No OIDC audience may be used for ${origin}: it is not PyPI or TestPyPI, and \`oidc-audience\` is ${explicit ? `PyPI's ${quote(explicit)}` : "empty"}.`,
      {
        subject: "oidc-audience",
        hint: "Set `oidc-audience` to the audience that index documents, or pass an API token as `password`."
      }
    );
  }
  const announced = await fetchAudience(uploadUrl, policy);
  if (announced === explicit) return explicit;
  throw new EnvironmentError(
    `${origin} announces the OIDC audience ${quote(announced)}, but \`oidc-audience\` is ${quote(explicit)}: no token was requested.`,
    {
      subject: "oidc-audience",
      hint: isReservedAudience(announced) ? "The index asks for PyPI's audience: a token for it would let that index upload to your project on PyPI. Check `repository-url`; use a `password` for an index you trust that does this." : "Set `oidc-audience` to the audience the index documents (and announces), or check `repository-url`."
    }
  );
}
async function fetchAudience(uploadUrl, policy) {
  const url = `${indexOrigin(uploadUrl)}/_/oidc/audience`;
  const response = await fetchWithRetry(
    url,
    () => ({ headers: { accept: "application/json" } }),
    `ask ${url} for its OIDC audience`,
    policy
  );
  if (response.ok) {
    const answer = await readJsonObject(response, {
      service: "The index's OIDC audience endpoint",
      url,
      maxBytes: MAX_TOKEN_ANSWER_BYTES,
      hint: "Check `repository-url`; re-run the job, and if it persists, check the index status page or pass an API token as `password`."
    });
    const { audience } = answer.body;
    if (typeof audience === "string") return audience;
    throw answer.wrong(`"audience" is ${kindOf(audience)}, not a string`);
  }
  await response.body?.cancel().catch(() => void 0);
  const fallback = "Pass an API token as `password` instead (from a secret), for indexes without trusted publishing.";
  if (response.status === 403) {
    throw new EnvironmentError(
      `${indexOrigin(uploadUrl)} has trusted publishing disabled (403 on ${url}).`,
      { subject: "repository-url", hint: fallback }
    );
  }
  if (response.status === 404) {
    throw new EnvironmentError(
      `${indexOrigin(uploadUrl)} does not support trusted publishing (404 on ${url}).`,
      { subject: "repository-url", hint: fallback }
    );
  }
  throw new ServiceError(
    `Failed to get the OIDC audience from ${url}: ${response.status} ${quote(response.statusText)}`,
    {
      hint: "Re-run the job; if it persists, check the index status page."
    }
  );
}
var CAUSES = {
  "invalid-publisher": 'No trusted publisher registered on the index matches this workflow. On the project\'s "Publishing" settings, register: owner and repository, the workflow file name (the file that defines this job, see job_workflow_ref below) and the environment (e.g. `publish`). Every value must match the claims below exactly.',
  "invalid-pending-publisher": "A pending publisher matches, but the project already exists: pending publishers only create new projects. Register a normal trusted publisher in the existing project's settings.",
  "not-enabled": "The index has trusted publishing turned off. Use an API token as `password` instead.",
  "invalid-token": "The index could not verify the OIDC token. Check that the job runs on GitHub-hosted infrastructure that the index trusts, and re-run.",
  "invalid-payload": "The index could not read the token request (malformed token or unknown issuer), or a pending publisher matched but its project could not be created: the name is taken, too similar to an existing project, or refused, or the index does not register new projects now (its description says which). Pick another name in the pending publisher, or create the project first and register a normal trusted publisher.",
  "invalid-reuse-token": "This OIDC token was already used (each is single-use). Re-run the job."
};
var SHOWN_CLAIMS = [
  "sub",
  "repository",
  "repository_owner",
  "repository_owner_id",
  "workflow_ref",
  "job_workflow_ref",
  "ref",
  "environment"
];
function renderClaims(claims) {
  const lines = SHOWN_CLAIMS.map(
    (name) => `  ${name}: ${quote(String(claims[name] ?? "MISSING"))}`
  );
  return `The token's claims, for debugging only (they are not secret):
${lines.join("\n")}`;
}
function reusableWorkflowNote(claims) {
  const called = claims.job_workflow_ref;
  if (!claims.workflow_ref || !called || claims.workflow_ref === called) return void 0;
  const where = `This job runs in a reusable workflow (${quote(called)} called from ${quote(claims.workflow_ref)}).`;
  const calledRepository = called.split("/.github/workflows/")[0] ?? called;
  const file = /([^/]+\.ya?ml)@/.exec(called)?.[1] ?? called;
  if (calledRepository === claims.repository)
    return `${where} PyPI matches the called workflow, so the trusted publisher must name ${quote(file)}, not the calling workflow's file (PyPI documents reusable workflows as unsupported; this works today).`;
  return `${where} It lives in ${quote(calledRepository)}, and PyPI matches trusted publishers against the called workflow's repository: no publisher of ${quote(claims.repository)} can match. Run the publish job in a workflow of this repository.`;
}
async function mintUploadToken(uploadUrl, idToken, mask, policy = DEFAULT_RETRY_POLICY, sleep = realSleep) {
  const url = `${indexOrigin(uploadUrl)}/_/oidc/mint-token`;
  let oidcToken = "";
  const response = await fetchWithRetry(
    url,
    async () => {
      oidcToken = await idToken();
      return {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ token: oidcToken })
      };
    },
    `exchange the OIDC token at ${url}`,
    policy,
    sleep
  );
  return readMintAnswer(url, response, decodeClaims(oidcToken), mask);
}
async function readMintAnswer(url, response, claims, mask) {
  const source = {
    service: "The index's token exchange",
    url,
    maxBytes: MAX_TOKEN_ANSWER_BYTES,
    hint: "Re-run the job; if it persists, check `repository-url` and the index status page.",
    secret: true
  };
  if (response.ok) {
    const answer = await readJsonObject(response, source);
    const { token, expires } = answer.body;
    if (typeof token !== "string" || !token)
      throw answer.wrong(
        token === "" ? '"token" is empty' : `"token" is ${kindOf(token)}, not a string`
      );
    mask(token);
    if (expires !== void 0 && expires !== null && !Number.isFinite(expires))
      throw answer.wrong(`"expires" is ${kindOf(expires)}, not a number`);
    return {
      token,
      expires: typeof expires === "number" ? expires : Math.floor(Date.now() / 1e3) + 900
    };
  }
  const text = await readBoundedText(response, source);
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    body = void 0;
  }
  const listed2 = isObject(body) && Array.isArray(body.errors) ? body.errors : [];
  const errors = listed2.filter(isObject).map((e) => ({
    ...typeof e.code === "string" ? { code: e.code } : {},
    ...typeof e.description === "string" ? { description: e.description } : {}
  }));
  throw mintFailure(url, response.status, errors, claims);
}
function mintFailure(url, status, errors, claims) {
  const list = (errors ?? []).map(
    (e) => `  * ${e.code ?? "unknown"}: ${quote(e.description ?? "")}`
  );
  const causes = [...new Set((errors ?? []).map((e) => CAUSES[e.code ?? ""]).filter(Boolean))];
  const reusable = reusableWorkflowNote(claims);
  const message = [
    `Trusted publishing exchange failed at ${url} (${status}).`,
    list.length > 0 ? `The index answered:
${list.join("\n")}` : "The index gave no error codes (unexpected answer).",
    ...reusable ? [reusable] : [],
    renderClaims(claims)
  ].join("\n");
  return new EnvironmentError(message, {
    subject: "trusted-publishing",
    hint: causes.length > 0 ? causes.join(" ") : "Check the trusted publisher registered on the index, or use an API token as `password`."
  });
}

// src/pypi/upload.ts
var import_node_http = __toESM(require_http(), 1);
var import_node_https = __toESM(require_https(), 1);
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { closeSync, openSync, readSync } from "node:fs";
import { stat } from "node:fs/promises";
var UPLOAD_CHUNK_BYTES = 128 * 1024;
var UploadRefused = class extends ServiceError {
  alreadyExists;
  constructor(message, alreadyExists, hint) {
    super(message, { hint });
    this.alreadyExists = alreadyExists;
  }
};
function boundary() {
  return `release-action-${randomBytes(16).toString("hex")}`;
}
function dispositionValue(value) {
  return value.replace(/"/g, "%22").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
async function buildBody(request) {
  const mark = boundary();
  const fields = [
    ...request.metadata,
    [":action", "file_upload"],
    ["protocol_version", "1"],
    ["filetype", request.kind === "wheel" ? "bdist_wheel" : "sdist"],
    ["pyversion", request.pyversion],
    ["sha256_digest", request.sha256],
    ...request.attestations?.length ? [["attestations", JSON.stringify(request.attestations)]] : []
  ];
  const head = Buffer.from(
    fields.map(
      ([name, value]) => `--${mark}\r
Content-Disposition: form-data; name="${dispositionValue(name)}"\r
\r
${value}\r
`
    ).join("") + `--${mark}\r
Content-Disposition: form-data; name="content"; filename="${dispositionValue(request.filename)}"\r
Content-Type: application/octet-stream\r
\r
`
  );
  const tail = Buffer.from(`\r
--${mark}--\r
`);
  const { size } = await stat(request.path);
  return {
    head,
    path: request.path,
    size,
    tail,
    type: `multipart/form-data; boundary=${mark}`,
    length: head.length + size + tail.length
  };
}
async function uploadFile(request, policy, sleep) {
  const authorization = `Basic ${Buffer.from(`${request.user ?? "__token__"}:${request.token}`).toString("base64")}`;
  const host = new URL(request.uploadUrl).host;
  const startedAt = Date.now();
  for (let retry = 1; ; retry++) {
    let response;
    let failure;
    try {
      const body = await buildBody(request);
      response = await postStreaming(
        request.uploadUrl,
        {
          authorization,
          "user-agent": "release-action",
          "content-type": body.type,
          "content-length": String(body.length)
        },
        body,
        policy.timeoutMs,
        progressReporter(`upload ${request.filename} to ${host}`, body.size, request.progress)
      );
    } catch (error) {
      if (error instanceof NotAnAnswer)
        throw new ServiceError(
          `Failed to upload ${quote(request.filename)} to ${request.uploadUrl}: ${error.message}.`,
          { hint: "Check `repository-url`: it must be the upload URL of a Warehouse-like index." }
        );
      failure = error;
    }
    const answer = { status: response?.status, headers: response?.headers };
    const delay = retryDelay(policy, retry, startedAt, answer);
    if (delay === void 0) {
      if (response && !isTransient(answer)) return checkAnswer(request, response);
      const why = response ? `${response.status} ${quote(response.statusText)}` : failureText(failure);
      throw new ServiceError(
        `Failed to upload ${quote(request.filename)} to ${request.uploadUrl}: ${why}`,
        {
          cause: failure,
          hint: `The index did not accept it after ${retry} attempt(s). Re-run the job: files already uploaded are recognised.`
        }
      );
    }
    const what = response ? `${host} answered ${response.status}${response.statusText ? ` ${quote(response.statusText)}` : ""} to the upload of ${quote(request.filename)}` : `The upload of ${quote(request.filename)} to ${host} failed: ${failureText(failure)}`;
    policy.warn?.(retryLine(what, retry, policy, delay));
    await sleep(delay);
  }
}
function failureText(failure) {
  if (failure instanceof Error && failure.name === "TimeoutError") return failure.message;
  return `no answer (${describeFetchError(failure)})`;
}
var MAX_UPLOAD_ANSWER_BYTES = 64 * 1024;
function postStreaming(url, headers, body, timeoutMs, report) {
  const target = new URL(url);
  const send = target.protocol === "https:" ? import_node_https.request : import_node_http.request;
  return new Promise((resolve, reject) => {
    let settled = false;
    const timers = [];
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      outcome();
    };
    const fail = (error) => settle(() => {
      req.destroy(error);
      reject(error);
    });
    const timedOut = (detail) => Object.assign(new Error(`timed out (${detail})`), { name: "TimeoutError" });
    const sendMs = transferBoundMs(body.length, timeoutMs);
    const sending = setTimeout(
      () => fail(timedOut(`the form was not sent within ${seconds(sendMs)}`)),
      sendMs
    );
    timers.push(sending);
    let answerClock = false;
    const startAnswerClock = () => {
      clearTimeout(sending);
      if (answerClock) return;
      answerClock = true;
      timers.push(
        setTimeout(
          () => fail(timedOut(`the index's answer was not whole within ${seconds(timeoutMs)}`)),
          timeoutMs
        )
      );
    };
    const req = send(target, { method: "POST", headers, timeout: timeoutMs }, (res) => {
      startAnswerClock();
      const chunks = [];
      let size = 0;
      const done = () => settle(() => {
        if (!req.writableFinished) req.destroy();
        try {
          resolve(answerOf(res, Buffer.concat(chunks)));
        } catch (error) {
          reject(error);
        }
      });
      res.on("data", (chunk) => {
        const room = MAX_UPLOAD_ANSWER_BYTES - size;
        chunks.push(chunk.subarray(0, room));
        size += Math.min(room, chunk.length);
        if (size < MAX_UPLOAD_ANSWER_BYTES) return;
        done();
        res.destroy();
      });
      res.on("end", done);
      res.on("error", fail);
      res.on("close", () => {
        if (!res.complete) fail(new Error("the answer broke off"));
      });
    });
    req.on("finish", startAnswerClock);
    req.on("timeout", () => fail(timedOut(`no data for ${seconds(timeoutMs)}`)));
    req.on("error", fail);
    writeBody(req, body, report).catch((error) => fail(error));
  });
}
var NotAnAnswer = class extends Error {
};
function answerOf(res, text) {
  const status = res.statusCode ?? 502;
  if (status < 200 || status > 599)
    throw new NotAnAnswer(
      `the index answered status ${status}, which is not an HTTP answer to a form`
    );
  return new Response(status === 204 || status === 304 ? null : text, {
    status,
    statusText: res.statusMessage ?? "",
    headers: Object.entries(res.headers).flatMap(
      ([k, v]) => Array.isArray(v) ? v.map((x) => [k, x]) : v === void 0 ? [] : [[k, v]]
    )
  });
}
var RING_SLOTS = 4;
async function writeBody(req, body, report) {
  let ended = false;
  const stopped = new Promise(
    (resolve) => req.once("close", () => {
      ended = true;
      resolve();
    })
  );
  let flushedBytes = 0;
  const written = (chunk, fileBytes = 0) => {
    const flushed = new Promise((resolve, reject) => {
      req.write(chunk, (error) => {
        if (error) return reject(error);
        if (fileBytes) report(flushedBytes += fileBytes);
        resolve();
      });
    });
    flushed.catch(() => void 0);
    return flushed;
  };
  const fd = openSync(body.path, "r");
  try {
    const ring = Array.from({ length: RING_SLOTS }, () => ({
      buffer: Buffer.allocUnsafe(UPLOAD_CHUNK_BYTES),
      flushed: Promise.resolve()
    }));
    const headFlushed = written(body.head);
    let sent = 0;
    for (let i = 0; sent < body.size && !ended; i++) {
      const slot = ring[i % RING_SLOTS];
      await Promise.race([slot.flushed, stopped]);
      if (ended) break;
      const want = Math.min(slot.buffer.length, body.size - sent);
      const bytesRead = readSync(fd, slot.buffer, 0, want, null);
      if (bytesRead === 0) break;
      sent += bytesRead;
      slot.flushed = written(slot.buffer.subarray(0, bytesRead), bytesRead);
      if (req.writableNeedDrain) await Promise.race([once(req, "drain"), stopped]);
    }
    if (ended) return;
    if (sent !== body.size)
      throw new Error(`${body.path} changed size while it was being uploaded`);
    await Promise.race([Promise.all([headFlushed, ...ring.map((s) => s.flushed)]), stopped]);
    if (!ended) req.end(body.tail);
  } finally {
    closeSync(fd);
  }
}
async function checkAnswer(request, response) {
  const text = (await response.text()).slice(0, 4e3);
  const reason = response.statusText;
  if (response.status >= 300 && response.status < 400) {
    throw new UploadRefused(
      `Failed to upload ${quote(request.filename)} to ${request.uploadUrl}: redirected (${response.status}) to ${quote(response.headers.get("location") ?? "")}.`,
      false,
      "Use the exact upload URL, with its trailing slash, e.g. https://upload.pypi.org/legacy/."
    );
  }
  if (response.ok) {
    if (/<html/i.test(text)) {
      throw new UploadRefused(
        `${request.uploadUrl} answered an HTML page instead of accepting ${quote(request.filename)}.`,
        false,
        "Check `repository-url`: it must be the index's legacy upload URL."
      );
    }
    return;
  }
  const message = firstLine(reason) || firstLine(text.replace(/<[^>]+>/g, " ")) || "no message";
  const alreadyExists = response.status === 409 || response.status === 400 && /already exist/i.test(`${reason}
${text}`);
  throw new UploadRefused(
    `Failed to upload ${quote(request.filename)} to ${request.uploadUrl}: ${response.status} ${quote(message)}`,
    alreadyExists,
    hintFor(response.status, `${reason}
${text}`)
  );
}
function firstLine(text) {
  return text.split("\n").map((l) => l.trim()).find(Boolean) ?? "";
}
function hintFor(status, text) {
  if (/already exists/i.test(text))
    return "A different file with this name is on the index; a filename can never be reused. Publish a new version (or a build tag for wheels).";
  if (/14 days/.test(text))
    return "PyPI takes no new files for releases older than 14 days: publish a new version (e.g. a post release).";
  if (/Only one sdist/i.test(text)) return "The release already has an sdist; upload wheels only.";
  if (status === 403)
    return "The token was refused: check the trusted publisher (or the API token in `password`) and that it covers this project.";
  if (/attestation/i.test(text))
    return "The PEP 740 attestation was refused; set `attestations: false` to upload without one, and report the message.";
  return "Fix what the index says, then re-run: files already uploaded are recognised.";
}

// src/pypi/publish-index.ts
var SIGN_CONCURRENCY = 16;
var TOKEN_RENEW_MARGIN_SECONDS = 300;
async function publishToIndex(job) {
  const { uploadUrl, log } = job;
  const existing = await listed(job);
  const decisions = planIndexUploads(
    uploadUrl,
    job.files.map((f) => ({ ...f, metadataVersion: f.metadata.metadataVersion })),
    existing,
    job.skipExisting,
    /* @__PURE__ */ new Date()
  );
  const results = new Map(
    decisions.map((d) => [
      d.file.filename,
      d.action === "conflict" ? "conflict (index has other bytes)" : d.action
    ])
  );
  const conflicts = decisions.flatMap(
    (d) => d.action === "conflict" ? [{ file: d.file, indexSha256: d.indexSha256 ?? "" }] : []
  );
  const uploads = job.files.filter((f) => results.get(f.filename) === "upload");
  const undated = uploads.length > 0 ? undatedReleaseWarning(uploadUrl, existing) : void 0;
  if (undated) log.warning(undated);
  log.info(
    `${existing.length} file(s) already on the index for ${job.project} ${job.version}; ${uploads.length} to upload.`
  );
  if (job.dryRun) return dryRun(job, uploads, conflicts, results, existing);
  let onIndex = existing;
  if (uploads.length > 0) {
    const token = tokenSource(job);
    await token();
    const order = [
      ...uploads.filter((f) => f.kind === "sdist"),
      ...uploads.filter((f) => f.kind === "wheel")
    ];
    const [first, ...rest] = order;
    const signed = await signAll(job, order);
    const one = async (file, attestation) => {
      const outcome = await uploadOne(job, file, await token(), attestation);
      if (typeof outcome === "string") return void results.set(file.filename, outcome);
      results.set(file.filename, "conflict (index has other bytes)");
      conflicts.push({ file, indexSha256: outcome.indexSha256 });
    };
    if (first?.kind === "sdist") await one(first, signed.get(first.filename));
    await mapLimit(
      first?.kind === "sdist" ? rest : order,
      job.concurrency,
      (file) => one(file, signed.get(file.filename))
    );
    onIndex = await confirm(job, uploads);
  }
  if (conflicts.length > 0) throw conflictError(uploadUrl, conflicts, uploads.length > 0);
  const uploaded = [...results.values()].filter((r) => r === "uploaded").length;
  log.result(
    `${uploadUrl}: ${uploaded} uploaded, ${results.size - uploaded} already there or skipped; every file confirmed by sha256`
  );
  return toResult(job, results, onIndex);
}
async function dryRun(job, uploads, conflicts, results, existing) {
  if (conflicts.length > 0) throw conflictError(job.uploadUrl, conflicts, false);
  if (uploads.length > 0 && !("password" in job.credentials)) {
    await tokenSource(job)();
    job.log.info("Dry run: the trusted-publishing exchange succeeded; the token is dropped.");
  }
  for (const f of uploads) results.set(f.filename, "would upload (dry run)");
  job.log.result(`Dry run: ${uploads.length} file(s) would be uploaded to ${job.uploadUrl}`);
  return toResult(job, results, existing);
}
var listed = (job) => releaseFiles(job.uploadUrl, job.project, job.version, job.policy, job.simpleUrl);
function toResult(job, results, onIndex) {
  const page = job.simpleUrl ? `${simpleApiBase(job.uploadUrl, job.simpleUrl)}${job.project}/` : `${jsonApiBase(job.uploadUrl)}/project/${job.project}/${job.version}/#files`;
  const addresses = new Map(onIndex.flatMap((f) => f.url ? [[f.filename, f.url]] : []));
  return {
    uploadUrl: job.uploadUrl,
    files: job.files.map((f) => ({
      filename: f.filename,
      result: results.get(f.filename) ?? "",
      url: addresses.get(f.filename) ?? page
    }))
  };
}
function tokenSource(job) {
  const { credentials, log, policy, uploadUrl } = job;
  if ("password" in credentials) return async () => credentials.password;
  let minted;
  let pending;
  const mint = async () => {
    const audience = await resolveAudience(uploadUrl, credentials.audience, policy);
    const token = await mintUploadToken(
      uploadUrl,
      () => credentials.idToken(audience),
      log.setSecret,
      policy,
      job.sleep
    );
    log.info(
      `Minted an upload token for ${new URL(uploadUrl).host} through trusted publishing (valid until ${new Date(token.expires * 1e3).toISOString()}).`
    );
    return token;
  };
  return async () => {
    const now = Date.now() / 1e3;
    if (!minted || minted.expires - TOKEN_RENEW_MARGIN_SECONDS <= now) {
      pending ??= mint().finally(() => pending = void 0);
      minted = await pending;
    }
    return minted.token;
  };
}
async function signAll(job, files) {
  const signed = /* @__PURE__ */ new Map();
  const attest = job.attest;
  if (!attest) return signed;
  await mapLimit(files, SIGN_CONCURRENCY, async (file) => {
    signed.set(
      file.filename,
      await signPublishAttestation(file.filename, file.sha256, attest.session)
    );
  });
  job.log.info(
    `Signed ${signed.size} PEP 740 publish attestation(s) for ${new URL(job.uploadUrl).host}.`
  );
  return signed;
}
async function uploadOne(job, file, token, attestation) {
  try {
    await uploadFile(
      {
        uploadUrl: job.uploadUrl,
        token,
        ..."password" in job.credentials && job.credentials.user ? { user: job.credentials.user } : {},
        path: file.path,
        filename: file.filename,
        kind: file.kind,
        pyversion: file.pyversion,
        sha256: file.sha256,
        metadata: metadataFormFields(file.metadata),
        ...attestation ? { attestations: [attestation] } : {},
        progress: (line) => job.log.info(line)
      },
      job.policy,
      job.sleep
    );
    job.log.info(`Uploaded ${file.filename}`);
    return "uploaded";
  } catch (error) {
    if (!(error instanceof UploadRefused) || !error.alreadyExists) throw error;
    const now = (await listed(job)).find((f) => f.filename === file.filename);
    if (now?.sha256 === file.sha256) return "already there";
    if (job.skipExisting && now) return { indexSha256: now.sha256 };
    throw error;
  }
}
async function confirm(job, files) {
  const listing = await listed(job);
  const onIndex = new Map(listing.map((f) => [f.filename, f.sha256]));
  for (const file of files) {
    const sha256 = onIndex.get(file.filename);
    if (sha256 === file.sha256) continue;
    throw new ChainOfCustodyError(
      `${quote(file.filename)} is not on ${job.uploadUrl} as uploaded: the index ${sha256 ? `has sha256 ${sha256}` : "does not list it"}, the file has sha256 ${file.sha256}.`,
      {
        subject: file.filename,
        hint: sha256 ? "Check the index, then re-run: identical files are recognised." : "Check the index, then re-run: identical files are recognised. If the index serves its simple API somewhere the action does not guess (devpi: `<index URL>+simple/`), set `simple-url`."
      }
    );
  }
  return listing;
}

// src/custody/maintainer-signatures.ts
import { stat as stat2 } from "node:fs/promises";
import { basename } from "node:path";
async function checkMaintainerSignatures(distributions, files, armoredKey, concurrency) {
  if (!armoredKey) {
    const present = new Set(files.filter((p) => p.endsWith(".asc")));
    for (const path of distributions) if (await isFile(`${path}.asc`)) present.add(`${path}.asc`);
    return { failed: [], present: present.size };
  }
  const problems = await mapLimit(
    distributions,
    concurrency,
    (path) => ascProblem(path, armoredKey)
  );
  const failed = distributions.flatMap((path, i) => {
    const problem = problems[i];
    return problem ? [{ filename: basename(path), problem }] : [];
  });
  return { failed, present: distributions.length - failed.length };
}
function requireMaintainerSignatures(check, key, tag, log) {
  if (!key) {
    if (check.present > 0)
      log.info(
        `${check.present} .asc signature(s) came with the files and were not checked (no \`public-key\`); PyPI takes no PGP signatures, so none is uploaded.`
      );
    return;
  }
  if (check.failed.length === 0) {
    log.result(
      `Every distribution has a .asc signature by key ${key.fingerprint} (not uploaded: PyPI takes no PGP signatures)`
    );
    return;
  }
  const names = check.failed.map((f) => `${quote(f.filename)} (${f.problem})`).join("; ");
  throw new ChainOfCustodyError(
    `${check.failed.length} distribution(s) have no valid signature by the \`public-key\` ${key.fingerprint}: ${names}. Nothing was uploaded.`,
    {
      subject: check.failed[0]?.filename,
      hint: `Sign the draft on the maintainer's machine, where the key is: \`release-action sign --tag ${tag}\` verifies the draft against its provenance, then uploads a .asc for every file; re-run this job after it. (With \`from: folder\`, put each <file>.asc next to its file.) To publish without the maintainer's signature, leave \`public-key\` empty.`
    }
  );
}
async function isFile(path) {
  return stat2(path).then(
    (s) => s.isFile(),
    () => false
  );
}

// src/steps/publish.ts
function otherPermissions(settings) {
  return settings.from === "release" ? ["contents: write  # GitHub lists draft releases only to tokens that can write"] : [];
}
async function runPublish(settings, env, deps) {
  const { io, policy, sleep } = deps;
  const trusted = !settings.password;
  if (trusted)
    requireIdTokenPermission(env, "publish with trusted publishing", otherPermissions(settings));
  const maintainerKey = await readMaintainerKey(settings, env);
  const identity = await checkIdentity(settings, env, deps);
  const session = await signingSession(settings, identity, deps.signing);
  const { files, known } = await io.group(
    "Gathering the files",
    () => gatherFiles(settings, env, deps)
  );
  const distributions = files.filter((p) => p.endsWith(".whl") || p.endsWith(".tar.gz"));
  if (distributions.length === 0) {
    throw new ChainOfCustodyError("There is nothing to publish: no wheels or sdists were found.", {
      subject: "from",
      hint: "Check `from` (release, artifacts or folder) and that the release step uploaded the distributions."
    });
  }
  const [hashed, provenance, inspection, signatures] = await Promise.allSettled([
    hashDistributions(distributions, known, settings.uploadConcurrency, io),
    checkProvenanceFiles(
      settings,
      env,
      io,
      deps.git,
      files.filter((p) => p.endsWith(".intoto.jsonl"))
    ),
    mapLimit(distributions, settings.uploadConcurrency, inspectDistribution),
    checkMaintainerSignatures(
      distributions,
      files,
      maintainerKey?.armored,
      settings.uploadConcurrency
    )
  ]);
  const digests = valueOf(hashed);
  const checked = valueOf(provenance);
  await io.group(
    "Verifying every file against the signed provenance",
    () => verifyAgainstProvenance(
      settings,
      env,
      io,
      distributions,
      checked,
      new Map([...digests].map(([path, d]) => [path, d.sha256]))
    )
  );
  requireMaintainerSignatures(valueOf(signatures), maintainerKey, tagForHint(settings, env), io);
  const { publishFiles, release } = await io.group("Checking the distributions", async () => {
    const inspected = valueOf(inspection);
    const identity2 = checkConsistency(inspected);
    const newOn = await indexesWithoutProject(settings, identity2.name, deps);
    await applyIndexRules(
      inspected,
      settings.indexRules,
      (m) => io.warning(m),
      newOn && newOn.length > 0 ? `nothing was uploaded to any index (${identity2.name} is a new project on ${newOn.join(", ")})` : "nothing was uploaded to any index",
      newOn === void 0 ? {} : { newProject: newOn.length > 0 }
    );
    const list = inspected.map(
      (dist) => toPublishFile(dist, digests.get(dist.path))
    );
    io.result(`${identity2.name} ${identity2.version}: ${list.length} distribution(s) ready`);
    return { publishFiles: list, release: identity2 };
  });
  if (session && identity?.claims.repository_visibility !== "public")
    io.info(
      `The repository is ${identity?.claims.repository_visibility ?? "not public"}, so its provenance is signed by GitHub's Sigstore instance (with \`sigstore: auto\`); the PEP 740 attestations are signed with Sigstore's public-good instance all the same, because PyPI verifies them against no other. Their certificates, naming the repository and the workflow, go to the public Rekor log.`
    );
  const credentials = settings.password ? { password: settings.password, user: settings.user } : {
    idToken: (audience) => fetchIdToken(env, audience, io.setSecret, policy),
    audience: settings.oidcAudience
  };
  const results = [];
  for (const uploadUrl of settings.repositoryUrls) {
    const result = await io.group(
      `Publishing to ${uploadUrl}`,
      () => publishToIndex({
        uploadUrl,
        project: release.project,
        version: release.version,
        files: publishFiles,
        credentials,
        simpleUrl: settings.simpleUrls[uploadUrl],
        skipExisting: settings.skipExisting,
        dryRun: settings.dryRun,
        concurrency: settings.uploadConcurrency,
        log: io,
        policy,
        sleep,
        ...session ? { attest: { session } } : {}
      })
    );
    results.push(result);
  }
  const rows = results.flatMap((r) => r.files.map((f) => ({ index: r.uploadUrl, ...f })));
  io.setOutput("published", JSON.stringify(rows));
  await io.summaryTable(
    `Published ${release.name} ${release.version}${settings.dryRun ? " (dry run)" : ""}`,
    [
      ["File", "Index", "Result"],
      // Each file links to where the index serves it.
      ...rows.map((r) => [
        r.url ? { text: r.filename, href: r.url } : r.filename,
        r.index,
        r.result
      ])
    ]
  );
}
async function readMaintainerKey(settings, env) {
  if (!settings.publicKey) return void 0;
  const armored = await readArmoredPublicKey(settings.publicKey, env.workspace);
  return { armored, fingerprint: await publicKeyFingerprint(armored) };
}
function tagForHint(settings, env) {
  try {
    return resolveTag(settings.tag, env.ref);
  } catch {
    return "<tag>";
  }
}
function valueOf(settled) {
  if (settled.status === "rejected") throw settled.reason;
  return settled.value;
}
async function indexesWithoutProject(settings, name, { io, policy }) {
  if (settings.indexRules === "none" || !isStdlibName(name)) return void 0;
  const missing = [];
  for (const url of settings.repositoryUrls) {
    const exists = await projectExists(url, name, policy, settings.simpleUrls[url]).catch(
      (error) => {
        if (!(error instanceof ServiceError)) throw error;
        throw new ServiceError(
          `${error.message} It must be known before anything is uploaded: ${name} is a standard-library module name, which PyPI refuses for a new project. Nothing was uploaded to any index.`,
          error.hint ? { hint: error.hint } : {}
        );
      }
    );
    io.info(
      `${name} is a standard-library module name; ${url} ${exists ? "already has the project" : "does not have the project yet"}.`
    );
    if (!exists) missing.push(url);
  }
  return missing;
}
async function checkIdentity(settings, env, { io, policy }) {
  if (!env.idTokenRequestUrl || !env.idTokenRequestToken) {
    if (settings.environment)
      io.warning(
        `Cannot check that this job runs in the "${settings.environment}" environment without an OIDC token (no \`id-token: write\`).`
      );
    return void 0;
  }
  const sigstoreToken = await fetchIdToken(env, "sigstore", io.setSecret, policy);
  const claims = decodeClaims(sigstoreToken);
  checkEnvironment(settings.environment, claims);
  const note = reusableWorkflowNote(claims);
  if (note) io.warning(note);
  return { sigstoreToken, claims };
}
function attestationsApply(settings, identity) {
  return !settings.password && settings.attestations && identity !== void 0;
}
async function signingSession(settings, identity, timing) {
  if (!identity || !attestationsApply(settings, identity) || settings.dryRun) return void 0;
  const endpoints = {
    fulcioUrl: settings.fulcioUrl ?? PUBLIC_GOOD_ENDPOINTS.fulcioUrl,
    rekorUrl: settings.rekorUrl ?? PUBLIC_GOOD_ENDPOINTS.rekorUrl
  };
  const { createSigningSession } = await import("./sign-PTV7P4MH.js");
  return createSigningSession(endpoints, identity.sigstoreToken, timing);
}
async function hashDistributions(distributions, known, concurrency, io) {
  const { digests, threads } = await sha256Files(
    distributions.filter((p) => !known.has(p)),
    concurrency
  );
  if (threads > 0) io.info(`Hashed ${digests.size} file(s) on ${threads} worker threads.`);
  return new Map([...known, ...digests]);
}
function checkEnvironment(expected, claims) {
  if (!expected) return;
  if ((claims.environment ?? "").toLowerCase() === expected.toLowerCase()) return;
  throw new EnvironmentError(
    `This job does not run in the "${expected}" environment (its OIDC token says ${claims.environment ? quote(claims.environment) : "no environment"}): publishing needs a person's approval.`,
    {
      subject: "environment",
      hint: `Put the publish job in the protected environment and add required reviewers to it (Settings \u2192 Environments):

    publish:
      environment: ${expected}
      permissions:
        id-token: write

or set \`environment\` to the one the job uses.`
    }
  );
}
async function gatherFiles(settings, env, deps) {
  const workDir = join(env.runnerTemp, "release-action", "publish");
  if (settings.from === "release") {
    const tag = resolveTag(settings.tag, env.ref);
    const { downloadReleaseAssets } = await import("./download-SK4H6BCC.js");
    const { release, paths, digests } = await downloadReleaseAssets(
      await deps.releases(),
      env.repository,
      tag,
      join(workDir, "release"),
      settings.uploadConcurrency
    );
    deps.io.result(
      `Downloaded ${paths.length} asset(s) of ${release.draft ? "draft" : "published"} release ${release.id} (${tag})`
    );
    return { files: paths, known: digests };
  }
  if (settings.from === "artifacts") {
    const output = workspacePath("packages-dir", settings.packagesDir, env.workspace);
    const { gatherFromArtifacts } = await import("./gather-3NE4Z4X5.js");
    const gathered = await gatherFromArtifacts(
      await deps.artifacts(),
      settings.artifactPattern,
      join(workDir, "artifacts"),
      output,
      env.runAttempt
    );
    const extra = (await readdir(output)).filter((n) => n.endsWith(".intoto.jsonl")).map((n) => join(output, n));
    return {
      files: [...gathered.files.map((f) => f.path), ...extra],
      known: new Map(gathered.files.map((f) => [f.path, { size: f.size, sha256: f.sha256 }]))
    };
  }
  const dir = await resolveWorkspaceDir("packages-dir", settings.packagesDir, env.workspace);
  const provenance = (await readdir(dir)).filter((n) => n.endsWith(".intoto.jsonl")).map((n) => join(dir, n));
  return {
    files: [...await listDistributionFiles(dir, "packages-dir"), ...provenance],
    known: /* @__PURE__ */ new Map()
  };
}
async function checkProvenanceFiles(settings, env, io, git, provenance) {
  const checked = { bundles: [], lines: [] };
  if (provenance.length === 0) return checked;
  const [{ BundleRejected, verifyProvenanceFile }, { loadTrustMaterial }, current, cli] = await Promise.all([
    import("./bundles-5XHWD2DD.js"),
    import("./trust-PJVW6UQL.js"),
    import("./policy-GM44TDL7.js"),
    import("./github-cli-root-BN6UOKV2.js")
  ]);
  const tag = resolveTag(settings.tag, env.ref);
  const ids = await current.expectedIds(env, env.repository, void 0, git);
  const policy = {
    serverUrl: env.serverUrl,
    issuer: env.oidcIssuer,
    repository: env.repository,
    ref: `refs/tags/${tag}`,
    repositoryId: ids.repositoryId,
    ...ids.ownerId ? { ownerId: ids.ownerId } : {},
    ...settings.workflow ? { workflow: settings.workflow } : {}
  };
  const trust = await loadTrustMaterial(
    settings.trustedRoot,
    join(env.runnerTemp, "release-action", "tuf"),
    void 0,
    cli.githubRootFromCli({
      serverUrl: env.serverUrl,
      token: settings.githubToken,
      info: (line) => io.info(line)
    })
  );
  for (const path of provenance) {
    try {
      checked.bundles.push(...await verifyProvenanceFile(path, trust, policy));
      checked.lines.push({
        ok: true,
        text: `\u2714 ${basename2(path)} verifies: signed by ${env.serverUrl}/${env.repository}`
      });
    } catch (error) {
      if (!(error instanceof BundleRejected)) throw error;
      checked.lines.push({ ok: false, text: `\u2718 ${error.message}` });
    }
  }
  current.requireBuiltFromTag(checked.bundles, await current.tagNow(git, env.repository, tag));
  return checked;
}
async function verifyAgainstProvenance(settings, env, io, distributions, checked, known) {
  for (const line of checked.lines) {
    if (line.ok) io.info(line.text);
    else io.warning(line.text);
  }
  const bundles = checked.bundles;
  const verdicts = await matchFilesToSubjects(distributions, bundles, known);
  const failed = verdicts.filter((v) => v.problem);
  for (const v of verdicts)
    io.info(
      v.problem ? `\u2718 ${v.filename}: ${v.problem}` : `\u2714 ${v.filename}: covered by ${basename2(v.coveredBy ?? "")}`
    );
  if (failed.length === 0)
    return io.result(
      `All ${verdicts.length} distribution(s) are covered by verified provenance from ${env.repository}`
    );
  const names = failed.map((v) => `${quote(v.filename)} (${v.problem})`).join("; ");
  if (!settings.requireProvenance)
    return io.warning(`Publishing without verified provenance for: ${names}.`);
  throw new ChainOfCustodyError(
    `${failed.length} file(s) are not covered by verified provenance from ${env.repository}: ${names}. Nothing was uploaded.`,
    {
      subject: failed[0]?.filename,
      hint: "Publish only what `step: provenance` signed in this repository. For projects that do not sign, set `require-provenance: false`."
    }
  );
}
function toPublishFile(dist, digests) {
  return {
    path: dist.path,
    filename: dist.parsed.filename,
    kind: dist.parsed.kind,
    pyversion: dist.parsed.kind === "wheel" ? dist.parsed.pythonTags.join(".") : "source",
    metadata: dist.metadata,
    ...digests
  };
}
export {
  runPublish
};
