import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  BundleRejected,
  verifyProvenanceFile
} from "./chunk-IIYE52FI.js";
import {
  downloadReleaseAssets
} from "./chunk-UDZUCN3D.js";
import {
  githubRootFromCli
} from "./chunk-44PFIWGF.js";
import {
  matchFilesToSubjects,
  verifyDetachedSignature
} from "./chunk-ZWJUS5M2.js";
import {
  chooseDraft
} from "./chunk-23WPHH56.js";
import {
  expectedIds,
  requireBuiltFromTag,
  tagNow
} from "./chunk-OXQV6L7V.js";
import {
  readSignature
} from "./chunk-USV4ZTXE.js";
import "./chunk-35R7A2X5.js";
import "./chunk-CK2J3INV.js";
import "./chunk-NJ4NFAZQ.js";
import "./chunk-AVT3NGYN.js";
import {
  loadTrustMaterial
} from "./chunk-2RB73S4U.js";
import "./chunk-3ODTPMX6.js";
import "./chunk-J2I7U6DC.js";
import "./chunk-43E5VB6N.js";
import "./chunk-SDPQZMNM.js";
import {
  githubFailure
} from "./chunk-7QYNA57B.js";
import "./chunk-5PYYBJ6L.js";
import "./chunk-742OCXHB.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  ChainOfCustodyError,
  EnvironmentError
} from "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";

// src/steps/sign.ts
import { mkdir, readFile, rm, stat } from "node:fs/promises";
import { basename as basename2, join } from "node:path";

// src/custody/release-verify.ts
import { basename } from "node:path";
async function verifyReleaseAssets(env, repository, tag, git, paths, known, trust, workflow) {
  const distributions = paths.filter((p) => p.endsWith(".whl") || p.endsWith(".tar.gz"));
  const provenance = paths.filter((p) => p.endsWith(".intoto.jsonl"));
  if (distributions.length === 0 || provenance.length === 0) {
    throw new ChainOfCustodyError(
      `Release ${quote(tag)} has ${distributions.length} distribution(s) and ${provenance.length} provenance file(s): nothing can be verified.`,
      { subject: "tag", hint: "Run the release workflow first; sign only what it released." }
    );
  }
  const ids = await expectedIds(env, repository, void 0, git);
  const current = await tagNow(git, repository, tag);
  const policy = {
    serverUrl: env.serverUrl,
    // GitHub Enterprise Server issues its own tokens: the issuer follows GITHUB_SERVER_URL.
    issuer: env.oidcIssuer,
    repository,
    ref: `refs/tags/${tag}`,
    repositoryId: ids.repositoryId,
    ...ids.ownerId ? { ownerId: ids.ownerId } : {},
    ...workflow ? { workflow } : {}
  };
  const bundles = [];
  const rejected = [];
  for (const path of provenance) {
    try {
      bundles.push(...await verifyProvenanceFile(path, trust, policy));
    } catch (error) {
      if (!(error instanceof BundleRejected)) throw error;
      rejected.push(error.message);
    }
  }
  requireBuiltFromTag(bundles, current);
  const verdicts = await matchFilesToSubjects(
    distributions,
    bundles,
    new Map([...known].map(([path, digest]) => [path, digest.sha256]))
  );
  const failed = verdicts.filter((v) => v.problem);
  if (failed.length > 0 || rejected.length > 0) {
    const problems = [
      ...rejected,
      ...failed.map((v) => `${quote(v.filename)}: ${v.problem ?? ""}`)
    ].join("; ");
    throw new ChainOfCustodyError(
      `Release ${quote(tag)} does not verify against its provenance: ${problems}. Nothing was signed.`,
      {
        subject: failed[0]?.filename ?? basename(provenance[0] ?? ""),
        hint: "Do not sign what CI cannot account for: find out why the draft changed, and release it again."
      }
    );
  }
  return { distributions, provenance, bundles };
}

// src/provenance/local-gpg.ts
import { execFile } from "node:child_process";
import { promisify } from "node:util";
var run = promisify(execFile);
function gpgFailure(what, error) {
  const stderr = String(error.stderr ?? error.message);
  return new EnvironmentError(`gpg could not ${what}: ${stderr.trim().split("\n").pop()}`, {
    subject: "local-user",
    cause: error,
    hint: "Check `gpg --list-secret-keys` (and `--local-user <key id>`); the agent asks for the passphrase or the smartcard."
  });
}
async function gpgDetachSign(path, output, localUser) {
  const args = ["--armor", "--detach-sign", "--yes", "--output", output];
  if (localUser) args.push("--local-user", localUser);
  try {
    await run("gpg", [...args, "--", path], { maxBuffer: 1 << 20 });
  } catch (error) {
    throw gpgFailure(`sign ${path}`, error);
  }
}
async function signerFingerprint(armoredSignature) {
  const signature = await readSignature({ armoredSignature });
  const packet = signature.packets[0];
  const fingerprint = packet?.issuerFingerprint;
  if (fingerprint) return Buffer.from(fingerprint).toString("hex").toUpperCase();
  return (packet?.issuerKeyID.toHex() ?? "").toUpperCase();
}
async function gpgExportPublicKey(keyId) {
  try {
    const { stdout } = await run("gpg", ["--armor", "--export", "--", keyId], {
      maxBuffer: 1 << 22
    });
    if (!stdout.includes("PUBLIC KEY BLOCK")) throw new Error(`no public key for ${keyId}`);
    return stdout;
  } catch (error) {
    throw gpgFailure(`export the public key ${keyId}`, error);
  }
}
async function gpgSigningKey(localUser) {
  const name = localUser ?? await gpgDefaultKey();
  let stdout;
  try {
    ({ stdout } = await run(
      "gpg",
      ["--batch", "--with-colons", "--list-secret-keys", ...name ? ["--", name] : []],
      { maxBuffer: 1 << 22 }
    ));
  } catch (error) {
    throw gpgFailure(`list the secret key ${name ?? "(default)"}`, error);
  }
  const fingerprint = firstSigningKey(stdout);
  if (!fingerprint) {
    throw new EnvironmentError(
      `gpg has no usable secret signing key${name ? ` for ${JSON.stringify(name)}` : ""}.`,
      {
        subject: "local-user",
        hint: "Check `gpg --list-secret-keys` (and `--local-user <key id>`): the key must be able to sign and be neither expired nor revoked."
      }
    );
  }
  return fingerprint;
}
async function gpgDefaultKey() {
  let stdout;
  try {
    ({ stdout } = await run("gpgconf", ["--list-options", "gpg"], { maxBuffer: 1 << 20 }));
  } catch (error) {
    throw gpgFailure("tell its default key (gpgconf --list-options gpg)", error);
  }
  const line = stdout.split("\n").find((l) => l.startsWith("default-key:"));
  const value = line?.split(":")[9] ?? "";
  return value.startsWith('"') ? decodeURIComponent(value.slice(1)) || void 0 : void 0;
}
function firstSigningKey(colons) {
  let primary = false;
  for (const line of colons.split("\n")) {
    const fields = line.split(":");
    if (fields[0] === "sec") {
      primary = !/[erdi]/.test(fields[1] ?? "") && (fields[11] ?? "").includes("S");
    } else if (fields[0] === "fpr") {
      if (primary) return (fields[9] ?? "").toUpperCase();
      primary = false;
    }
  }
  return void 0;
}

// src/steps/sign.ts
async function runSign(settings, env, deps) {
  const { io } = deps;
  const { tag, githubToken: token } = settings;
  const repository = settings.repository ?? env.repository;
  if (!repository) {
    throw new EnvironmentError("`sign` needs the repository.", {
      subject: "repository",
      hint: "Pass `--repository octo-org/octo-repo` (or set GITHUB_REPOSITORY)."
    });
  }
  const client = deps.releases(token, repository);
  const { draft, published } = chooseDraft(
    await client.listReleases().catch((error) => {
      throw githubFailure(error, "list releases", repository);
    }),
    tag
  );
  if (!draft && published?.immutable) {
    throw new EnvironmentError(
      `Release ${quote(tag)} is published and immutable: no signatures can be added to it.`,
      {
        subject: "tag",
        hint: "Sign the draft before publishing it (keep releases as drafts until signed)."
      }
    );
  }
  const work = join(env.runnerTemp, "release-action", "sign", tag.replace(/[^A-Za-z0-9._-]/g, "_"));
  const { release, paths, digests } = await downloadReleaseAssets(
    client,
    repository,
    tag,
    join(work, "assets"),
    4
  );
  const trust = await loadTrustMaterial(
    settings.trustedRoot,
    join(env.runnerTemp, "release-action", "tuf"),
    void 0,
    githubRootFromCli({ serverUrl: env.serverUrl, token, info: (line) => io.info(line) })
  );
  const checked = await verifyReleaseAssets(
    env,
    repository,
    tag,
    deps.git,
    paths,
    digests,
    trust,
    settings.workflow
  );
  io.result(
    `${checked.distributions.length} distribution(s) of ${tag} verify against ${checked.provenance.length} provenance file(s)`
  );
  const fingerprint = await gpgSigningKey(settings.localUser);
  const publicKey = await gpgExportPublicKey(fingerprint);
  const signedDir = join(work, "signed");
  await rm(signedDir, { recursive: true, force: true });
  await mkdir(signedDir, { recursive: true });
  const targets = [...checked.distributions, ...checked.provenance];
  const plan = [];
  for (const path of targets) {
    const existing = `${path}.asc`;
    const there = await stat(existing).then(
      () => true,
      () => false
    );
    if (!there) continue;
    const problem = await verifyDetachedSignature(path, existing, publicKey);
    if (problem) {
      throw new ChainOfCustodyError(
        `${basename2(existing)} is already on release ${quote(tag)} and is not a signature of ${basename2(path)} by key ${fingerprint}: ${problem}. Nothing was uploaded.`,
        {
          subject: basename2(existing),
          hint: "Delete that asset from the draft if it is wrong, then run `sign` again."
        }
      );
    }
    io.info(`${basename2(existing)}: already signed by ${fingerprint}`);
    plan.push({ path, asc: existing, upload: false });
  }
  const signed = new Set(plan.map((p) => p.path));
  for (const path of targets.filter((t) => !signed.has(t))) {
    const asc = join(signedDir, `${basename2(path)}.asc`);
    await gpgDetachSign(path, asc, settings.localUser ?? fingerprint);
    const fresh = await verifyDetachedSignature(path, asc, publicKey);
    if (fresh) {
      const by = await signerFingerprint(await readFile(asc, "utf8")).catch(() => "unknown");
      throw new EnvironmentError(
        `gpg made a signature of ${basename2(path)} that does not verify with key ${fingerprint} (signed by ${by}): ${fresh}. Nothing was uploaded.`,
        {
          subject: "local-user",
          hint: "Name the key with `--local-user <fingerprint>` (see `gpg --list-secret-keys`)."
        }
      );
    }
    plan.push({ path, asc, upload: true });
  }
  const uploads = plan.filter((p) => p.upload);
  for (const { asc } of uploads) {
    const { size } = await stat(asc);
    await client.uploadAsset(release, basename2(asc), asc, size).catch((error) => {
      throw githubFailure(error, `upload ${basename2(asc)}`, repository);
    });
  }
  io.setOutput("signatures", JSON.stringify(uploads.map((p) => basename2(p.asc))));
  io.result(
    `Signed with key ${fingerprint}: ${uploads.length} signature(s) uploaded to ${release.draft ? "draft" : "release"} ${release.id}, ${plan.length - uploads.length} already there`
  );
}
export {
  runSign
};
