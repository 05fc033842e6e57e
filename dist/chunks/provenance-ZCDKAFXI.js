import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  decodeClaims,
  fetchIdToken,
  requireIdTokenPermission
} from "./chunk-7DWGIWO4.js";
import {
  readHeadCommit
} from "./chunk-OAESIY4O.js";
import {
  createMessage,
  decryptKey,
  readPrivateKey,
  sign
} from "./chunk-USV4ZTXE.js";
import {
  checkAgainstManifests,
  gatherFromArtifacts,
  manifestsOfThisJob
} from "./chunk-JDVCH4BG.js";
import "./chunk-4RXQAJ5B.js";
import "./chunk-RYOVELRR.js";
import "./chunk-35R7A2X5.js";
import {
  listDistributionFiles,
  resolveWorkspaceDir,
  workspacePath
} from "./chunk-CK2J3INV.js";
import {
  signStatement
} from "./chunk-JCEKFEBW.js";
import "./chunk-NJ4NFAZQ.js";
import {
  buildProvenanceStatement
} from "./chunk-AVT3NGYN.js";
import "./chunk-7VZ5WFJ5.js";
import {
  require_dist
} from "./chunk-3ODTPMX6.js";
import "./chunk-J2I7U6DC.js";
import {
  checkTag
} from "./chunk-QCTR3FJ2.js";
import "./chunk-AFO7ECMN.js";
import {
  PUBLIC_GOOD_ENDPOINTS,
  githubEndpoints
} from "./chunk-MNULP7LO.js";
import "./chunk-43E5VB6N.js";
import {
  githubFailure
} from "./chunk-7QYNA57B.js";
import "./chunk-GWEJQHBX.js";
import {
  requireArtifactService
} from "./chunk-P6AGHBZ5.js";
import {
  isEnterpriseServer,
  oidcIssuerFor,
  readDispatchInputs
} from "./chunk-5PYYBJ6L.js";
import "./chunk-UPFIIRK2.js";
import {
  MAX_SERVICE_ANSWER_BYTES,
  fetchWithRetry,
  readBoundedText
} from "./chunk-3MYLBHU6.js";
import "./chunk-742OCXHB.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  EnvironmentError,
  InputError
} from "./chunk-W3DSJ3DT.js";
import {
  __toESM
} from "./chunk-OHTIYD5V.js";

// src/steps/provenance.ts
import { rename as rename2, rm as rm2, writeFile } from "node:fs/promises";
import { join } from "node:path";

// src/custody/review-summary.ts
var import_core = __toESM(require_dist(), 1);
function provenanceRows(files, bundle, signer) {
  const workflow = {
    text: signer.jobWorkflowRef,
    href: `${signer.serverUrl}/${signer.repository}/actions/runs/${signer.runId}/attempts/${signer.runAttempt}`
  };
  const log = logCell(bundle, signer.rekorUrl);
  return [
    ["File", "SHA-256", "Built from", "Signed by", "Transparency log", "Publish uploads it to"],
    ...files.map((f) => [
      f.filename,
      f.sha256,
      {
        text: f.commit.slice(0, 12),
        href: `${signer.serverUrl}/${signer.repository}/commit/${f.commit}`
      },
      workflow,
      log,
      destinationCell(f.filename, f.blake2b256)
    ])
  ];
}
function logCell(bundle, rekorUrl) {
  const logIndex = bundle.verificationMaterial.tlogEntries?.[0]?.logIndex;
  if (logIndex && rekorUrl) {
    const href = rekorUrl.replace(/\/$/, "") === PUBLIC_GOOD_ENDPOINTS.rekorUrl ? `https://search.sigstore.dev/?logIndex=${logIndex}` : `${rekorUrl.replace(/\/$/, "")}/api/v1/log/entries?logIndex=${logIndex}`;
    return { text: `Rekor log index ${logIndex}`, href };
  }
  const signed = bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps?.[0]?.signedTimestamp;
  if (!signed) return "none";
  try {
    const time = import_core.RFC3161Timestamp.parse(Buffer.from(signed, "base64")).signingTime;
    return `no log (GitHub's instance); timestamped ${time.toISOString()}`;
  } catch {
    return "no log; a timestamp that could not be read";
  }
}
function destinationCell(filename, blake2b256) {
  return {
    text: "the publish job's indexes (its repository-url); on PyPI, this address",
    href: pythonhostedUrl(filename, blake2b256)
  };
}
function pythonhostedUrl(filename, blake2b256) {
  const b = blake2b256;
  return `https://files.pythonhosted.org/packages/${b.slice(0, 2)}/${b.slice(2, 4)}/${b.slice(4)}/${encodeURIComponent(filename)}`;
}

// src/github/attestations.ts
async function storeGitHubAttestation(apiUrl, repository, token, bundle, policy, serverUrl = "https://github.com") {
  if (!token) {
    throw new EnvironmentError("`github-attestation: true` needs a GitHub token.", {
      subject: "github-token",
      hint: "Leave `github-token` at its default (the workflow token) and give the job `attestations: write`."
    });
  }
  const url = `${apiUrl}/repos/${repository}/attestations`;
  const response = await fetchWithRetry(
    url,
    () => ({
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        accept: "application/vnd.github+json",
        "content-type": "application/json",
        "x-github-api-version": "2022-11-28"
      },
      body: JSON.stringify({ bundle })
    }),
    "store the attestation on GitHub",
    policy
  );
  const text = await readBoundedText(response, {
    service: "GitHub's attestations API",
    url,
    maxBytes: MAX_SERVICE_ANSWER_BYTES,
    hint: "Re-run the job; if it persists, check GitHub\u2019s status page or set `github-attestation: false`."
  });
  if (response.status === 404 && isEnterpriseServer(serverUrl)) {
    throw new EnvironmentError(
      `${serverUrl} has no artifact attestations API (GitHub Enterprise Server does not offer it).`,
      {
        subject: "github-attestation",
        hint: "Set `github-attestation: false`; the provenance file released with the files is what verifiers check."
      }
    );
  }
  if (response.status === 403 || response.status === 404) {
    throw new EnvironmentError(`GitHub refused to store the attestation (${response.status}).`, {
      subject: "github-attestation",
      hint: "Give the job `permissions: { attestations: write, id-token: write }`; private repositories need a plan with artifact attestations."
    });
  }
  if (!response.ok) {
    const failure = Object.assign(new Error(text.slice(0, 200)), {
      status: response.status,
      response: { headers: response.headers, data: parseJson(text) }
    });
    throw githubFailure(failure, "store the attestation on GitHub", repository);
  }
  const { id } = parseJson(text) ?? {};
  return String(id ?? "");
}
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}

// src/provenance/gpg.ts
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
var KEY_INPUT = "gpg-private-key";
var PASSPHRASE_INPUT = "gpg-passphrase";
async function loadSigningKey(armoredKey, passphrase) {
  let key;
  try {
    key = await readPrivateKey({ armoredKey });
  } catch (error) {
    const isPublic = /PUBLIC KEY BLOCK/.test(armoredKey);
    throw new InputError(
      isPublic ? `Input "${KEY_INPUT}" holds a public key; signing needs the private key.` : `Input "${KEY_INPUT}" is not an armored OpenPGP private key.`,
      {
        subject: KEY_INPUT,
        cause: error,
        hint: "Store the output of `gpg --armor --export-secret-keys <KEYID>` in a secret and pass it as `gpg-private-key: ${{ secrets.GPG_PRIVATE_KEY }}`."
      }
    );
  }
  const unlocked = await unlock(key, passphrase);
  await checkUsable(unlocked);
  return {
    fingerprint: unlocked.getFingerprint().toUpperCase(),
    userIds: unlocked.getUserIDs(),
    signFile: (path) => signFile(unlocked, path)
  };
}
async function unlock(key, passphrase) {
  if (key.isDecrypted()) return key;
  if (!passphrase) {
    throw new InputError(
      `The key in "${KEY_INPUT}" is protected by a passphrase, and "${PASSPHRASE_INPUT}" is empty.`,
      {
        subject: PASSPHRASE_INPUT,
        hint: "Pass it as `gpg-passphrase: ${{ secrets.GPG_PASSPHRASE }}`."
      }
    );
  }
  try {
    return await decryptKey({ privateKey: key, passphrase });
  } catch (error) {
    throw new InputError(`Input "${PASSPHRASE_INPUT}" does not unlock the key in "${KEY_INPUT}".`, {
      subject: PASSPHRASE_INPUT,
      cause: error,
      hint: "Check that the secret holds the passphrase of this very key."
    });
  }
}
async function checkUsable(key) {
  const fingerprint = key.getFingerprint().toUpperCase();
  const fix = "Extend the key (`gpg --quick-set-expire`) or create a new signing key, then update the secret.";
  if (await key.isRevoked()) {
    throw new InputError(`The key ${fingerprint} in "${KEY_INPUT}" is revoked.`, {
      subject: KEY_INPUT,
      hint: fix
    });
  }
  const expires = await key.getExpirationTime();
  if (expires instanceof Date && expires.getTime() <= Date.now()) {
    throw new InputError(
      `The key ${fingerprint} in "${KEY_INPUT}" expired on ${expires.toISOString()}.`,
      {
        subject: KEY_INPUT,
        hint: fix
      }
    );
  }
  try {
    await key.getSigningKey();
  } catch (error) {
    throw new InputError(
      `The key ${fingerprint} in "${KEY_INPUT}" has no valid signing (sub)key.`,
      {
        subject: KEY_INPUT,
        cause: error,
        hint: fix
      }
    );
  }
}
async function signFile(key, path) {
  const binary = Readable.toWeb(createReadStream(path));
  const message = await createMessage({ binary });
  const signature = await sign({
    message,
    signingKeys: key,
    detached: true,
    format: "armored"
  });
  const target = `${path}.asc`;
  const partial = `${target}.partial`;
  const out = createWriteStream(partial);
  try {
    for await (const chunk of signature) out.write(chunk);
    out.end();
    await finished(out);
    await rename(partial, target);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  return target;
}

// src/provenance/source.ts
async function resolveDispatchSource(claims, env, tagInput, githubToken, git) {
  if (claims.event_name !== "workflow_dispatch") return void 0;
  const inputs = readDispatchInputs(env);
  if (claims.ref.startsWith("refs/tags/")) {
    return { ref: claims.ref, commit: claims.sha, inputs };
  }
  const rawTag = tagInput ?? (typeof inputs.tag === "string" ? inputs.tag : "");
  if (!rawTag.trim()) {
    throw new InputError(
      `This workflow_dispatch run is for ${quote(claims.ref)}, not a tag, and names no tag to build.`,
      {
        subject: "tag",
        hint: "Give the workflow a `tag` input (`workflow_dispatch: inputs: tag:`) or pass `tag: ${{ inputs.tag }}` to this step."
      }
    );
  }
  const tag = checkTag(rawTag.trim().replace(/^refs\/tags\//, ""), "tag");
  const commit = await readHeadCommit(env.workspace);
  if (!githubToken) {
    throw new EnvironmentError(
      "A dispatch run needs a GitHub token to confirm the checked-out commit is the tag\u2019s.",
      { subject: "github-token", hint: "Leave `github-token` at its default." }
    );
  }
  const resolved = await git.resolveTag(tag);
  if (!resolved || resolved.commit !== commit) {
    throw new EnvironmentError(
      `The checked-out commit ${commit} is not the commit of tag ${quote(tag)} (${resolved?.commit ?? "the tag does not exist"}): the provenance would name a source that was not built.`,
      {
        subject: "checkout",
        hint: "Sign in the job that checked out the tag (`actions/checkout` with `ref: ${{ inputs.tag }}`, then `step: prepare`)."
      }
    );
  }
  return { ref: `refs/tags/${tag}`, commit, inputs };
}

// src/steps/provenance.ts
var SIGSTORE_AUDIENCE = "sigstore";
async function runProvenance(settings, env, { io, artifacts, policy, signing, git }) {
  requireIdTokenPermission(env, "sign the provenance with Sigstore");
  if (settings.from === "artifacts") requireArtifactService(env, "from");
  const gpg = settings.gpgPrivateKey ? await loadSigningKey(settings.gpgPrivateKey, settings.gpgPassphrase) : void 0;
  if (gpg) io.info(`GPG key ${gpg.fingerprint} (${gpg.userIds.join(", ")}) is ready to sign.`);
  const gathered = await io.group("Checking files against the collect manifests", async () => {
    const result = await gather(settings, env, artifacts);
    for (const ignored2 of result.ignored) io.info(`Ignored ${ignored2.reason}.`);
    io.result(
      `${result.name} ${result.version}: ${result.files.length} file(s) match the digests recorded by collect`
    );
    return result;
  });
  const outputDir = await resolveWorkspaceDir("packages-dir", settings.packagesDir, env.workspace);
  const provenanceName = settings.provenanceName ?? `${gathered.project.replace(/-/g, "_")}-${gathered.version}.intoto.jsonl`;
  const provenancePath = join(outputDir, provenanceName);
  const { bundle, claims, rekorUrl } = await io.group(
    "Signing the provenance with Sigstore",
    async () => {
      const token = await fetchIdToken(env, SIGSTORE_AUDIENCE, io.setSecret, policy);
      const tokenClaims = decodeClaims(token);
      requireIssuer(tokenClaims.iss, env.oidcIssuer);
      const dispatch = await resolveDispatchSource(
        tokenClaims,
        env,
        settings.tag,
        settings.githubToken,
        git
      );
      if (dispatch) io.info(`Dispatch run: the source is ${dispatch.ref} at ${dispatch.commit}`);
      const statement = buildProvenanceStatement(
        gathered.files.map((file) => ({ name: file.filename, digest: { sha256: file.sha256 } })),
        tokenClaims,
        env.serverUrl,
        dispatch
      );
      const endpoints = chooseEndpoints(settings, tokenClaims, env.serverUrl);
      io.info(
        `Fulcio ${endpoints.fulcioUrl}; ${endpoints.rekorUrl ? `Rekor ${endpoints.rekorUrl}` : `timestamp authority ${endpoints.tsaUrl}`}`
      );
      const signed = await signStatement(statement, endpoints, token, signing);
      await writeAtomically(provenancePath, `${JSON.stringify(signed)}
`);
      const logIndex = signed.verificationMaterial.tlogEntries?.[0]?.logIndex;
      io.result(
        `Signed ${statement.subject.length} subject(s) into ${provenanceName}${logIndex ? ` (Rekor log index ${logIndex})` : ""}`
      );
      return { bundle: signed, claims: tokenClaims, rekorUrl: endpoints.rekorUrl };
    }
  );
  const signatures = gpg ? await signWithGpg(io, gpg, [...gathered.files.map((f) => f.path), provenancePath]) : [];
  if (settings.githubAttestation) {
    await io.group("Storing the attestation on GitHub", async () => {
      const id = await storeGitHubAttestation(
        env.apiUrl,
        env.repository,
        settings.githubToken,
        bundle,
        policy,
        env.serverUrl
      );
      io.result(
        `Stored GitHub attestation ${id}; check it with \`gh attestation verify <file> --repo ${env.repository}\``
      );
    });
  }
  io.setOutput("provenance", provenancePath);
  io.setOutput("subjects", String(gathered.files.length));
  io.setOutput("signatures", JSON.stringify(signatures));
  const ignored = gathered.ignored.length ? ` Ignored, superseded by a re-run: ${gathered.ignored.map((i) => i.name).join(", ")}.` : "";
  await io.summaryTable(
    `Provenance for ${gathered.name} ${gathered.version}`,
    provenanceRows(gathered.files, bundle, {
      serverUrl: env.serverUrl,
      repository: env.repository,
      jobWorkflowRef: claims.job_workflow_ref,
      runId: env.runId,
      runAttempt: env.runAttempt,
      rekorUrl
    }),
    `Signed into ${provenanceName}${gpg ? ` and with GPG key ${gpg.fingerprint}` : ""}.${ignored} PyPI serves each file at the address shown once \`publish\` uploads it there.`
  );
}
async function gather(settings, env, artifacts) {
  if (settings.from === "artifacts") {
    const output = workspacePath("packages-dir", settings.packagesDir, env.workspace);
    const downloads = join(env.runnerTemp, "release-action", "gather");
    return gatherFromArtifacts(
      await artifacts(),
      settings.artifactPattern,
      downloads,
      output,
      env.runAttempt
    );
  }
  const dir = await resolveWorkspaceDir("packages-dir", settings.packagesDir, env.workspace);
  const gathered = await checkAgainstManifests(
    await listDistributionFiles(dir, "packages-dir"),
    await manifestsOfThisJob(env.runnerTemp)
  );
  return { ...gathered, ignored: [] };
}
function chooseEndpoints(settings, claims, serverUrl) {
  const instance = settings.sigstore === "auto" ? claims.repository_visibility === "public" ? "public-good" : "github" : settings.sigstore;
  if (isEnterpriseServer(serverUrl) && !settings.fulcioUrl) {
    throw new EnvironmentError(
      `${serverUrl} is a GitHub Enterprise Server: neither public-good Sigstore nor GitHub's instance signs for its OIDC issuer (${oidcIssuerFor(serverUrl)}).`,
      {
        subject: "fulcio-url",
        hint: "Give `fulcio-url` (with `rekor-url` or `tsa-url`) of a private Sigstore instance that trusts this issuer, and verify with its `trusted-root`."
      }
    );
  }
  const base = instance === "public-good" ? PUBLIC_GOOD_ENDPOINTS : githubEndpoints(serverUrl);
  const endpoints = { fulcioUrl: settings.fulcioUrl ?? base.fulcioUrl };
  const rekorUrl = settings.rekorUrl ?? base.rekorUrl;
  const tsaUrl = settings.tsaUrl ?? base.tsaUrl;
  if (rekorUrl) endpoints.rekorUrl = rekorUrl;
  if (tsaUrl) endpoints.tsaUrl = tsaUrl;
  return endpoints;
}
async function signWithGpg(io, gpg, paths) {
  return io.group("Signing with GPG", async () => {
    const written = [];
    for (const path of paths) written.push(await gpg.signFile(path));
    io.result(`Wrote ${written.length} detached signature(s) with key ${gpg.fingerprint}`);
    return written;
  });
}
function requireIssuer(iss, expected) {
  if (iss === expected) return;
  throw new EnvironmentError(
    `The OIDC token was issued by ${JSON.stringify(iss)}, but this server's issuer is ${JSON.stringify(expected)}.`,
    {
      subject: "GITHUB_SERVER_URL",
      hint: "Run the step on the runner of the server that issues its tokens; GITHUB_SERVER_URL must name that server."
    }
  );
}
async function writeAtomically(path, content) {
  const partial = `${path}.partial`;
  try {
    await writeFile(partial, content);
    await rename2(partial, path);
  } catch (error) {
    await rm2(partial, { force: true });
    throw error;
  }
}
export {
  SIGSTORE_AUDIENCE,
  chooseEndpoints,
  runProvenance
};
