import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  loadTagSigners,
  requireSignedTag
} from "./chunk-AC36HT3L.js";
import {
  BundleRejected,
  verifyProvenanceFile
} from "./chunk-IIYE52FI.js";
import {
  githubRootFromCli
} from "./chunk-44PFIWGF.js";
import {
  ascProblem,
  matchFilesToSubjects,
  readArmoredPublicKey
} from "./chunk-ZWJUS5M2.js";
import {
  expectedIds,
  tagNow
} from "./chunk-OXQV6L7V.js";
import "./chunk-USV4ZTXE.js";
import {
  listDistributionFiles,
  resolveWorkspaceDir
} from "./chunk-CK2J3INV.js";
import "./chunk-NJ4NFAZQ.js";
import "./chunk-AVT3NGYN.js";
import {
  loadTrustMaterial
} from "./chunk-2RB73S4U.js";
import "./chunk-3ODTPMX6.js";
import "./chunk-J2I7U6DC.js";
import "./chunk-43E5VB6N.js";
import {
  oidcIssuerFor
} from "./chunk-5PYYBJ6L.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  ChainOfCustodyError,
  InputError
} from "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";

// src/steps/verify.ts
import { readdir } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
async function runVerify(settings, env, { io, git }) {
  const repository = settings.repository ?? env.repository;
  if (!repository) {
    throw new InputError('Input "repository" is required outside a GitHub Actions run.', {
      subject: "repository",
      hint: "Pass the repository whose workflow signed the files, e.g. `--repository octo-org/octo-repo`."
    });
  }
  const dir = await resolveWorkspaceDir("packages-dir", settings.packagesDir, env.workspace);
  const files = await listDistributionFiles(dir, "packages-dir");
  const provenance = settings.provenance.length > 0 ? settings.provenance.map((p) => resolve(env.workspace, p)) : await findProvenance(dir);
  const serverUrl = settings.serverUrl ?? env.serverUrl;
  const policy = {
    serverUrl,
    issuer: oidcIssuerFor(serverUrl),
    repository
  };
  if (settings.workflow) policy.workflow = settings.workflow;
  if (settings.ref) policy.ref = settings.ref;
  const ids = await expectedIds(env, repository, settings.repositoryId, git);
  policy.repositoryId = ids.repositoryId;
  if (ids.ownerId) policy.ownerId = ids.ownerId;
  if (settings.ref?.startsWith("refs/tags/")) {
    const tag = await tagNow(git, repository, settings.ref.slice(10));
    policy.commit = tag.commit;
    if (settings.tagSigners.length > 0) {
      const signers = await loadTagSigners(settings.tagSigners, env.workspace);
      const signer = await requireSignedTag(tag, signers, "Do not install or publish its files.");
      io.info(`\u2714 tag ${tag.tag} is signed by ${signer}`);
    }
  } else if (settings.tagSigners.length > 0) {
    throw new InputError('Input "tag-signers" needs the tag: pass `ref: refs/tags/<tag>`.', {
      subject: "ref",
      hint: "For example `--ref refs/tags/v1.2.3 --tag-signers maintainer.asc`."
    });
  }
  const trust = await loadTrustMaterial(
    settings.trustedRoot,
    join(env.runnerTemp, "release-action", "tuf"),
    (message) => io.warning(message),
    githubRootFromCli({
      serverUrl,
      token: settings.githubToken,
      info: (line) => io.info(line)
    })
  );
  const { bundles, rejected } = await verifyAll(provenance, trust, policy);
  for (const bundle of bundles)
    io.info(
      `\u2714 ${basename(bundle.source)}: signed by ${bundle.signer.buildConfigUri || bundle.signer.subjectAlternativeName}`
    );
  for (const reject of rejected) io.warning(`\u2718 ${reject.message}`);
  const verdicts = await matchFilesToSubjects(files, bundles);
  if (settings.publicKey) await checkSignatures(settings.publicKey, verdicts, env.workspace);
  for (const verdict of verdicts) {
    io.info(
      verdict.problem ? `\u2718 ${verdict.filename}: ${verdict.problem}` : `\u2714 ${verdict.filename}: verified by ${basename(verdict.coveredBy ?? "")}`
    );
  }
  await io.summaryTable("Verification", [
    ["File", "SHA-256", "Result"],
    ...verdicts.map((v) => [
      v.filename,
      v.sha256,
      v.problem ?? `verified by ${basename(v.coveredBy ?? "")}`
    ])
  ]);
  const failed = verdicts.filter((v) => v.problem);
  io.setOutput(
    "verified",
    JSON.stringify(verdicts.filter((v) => !v.problem).map((v) => v.filename))
  );
  if (failed.length > 0 || rejected.length > 0) {
    const names = failed.map((v) => quote(v.filename)).join(", ");
    throw new ChainOfCustodyError(
      failed.length > 0 ? `${failed.length} of ${verdicts.length} file(s) failed verification: ${names}.` : `${rejected.length} provenance file(s) failed verification.`,
      {
        hint: `Do not install or publish these files. Expected signer: workflows of ${repository}${settings.workflow ? ` (${settings.workflow})` : ""}.`
      }
    );
  }
  io.result(
    `${verdicts.length} file(s) verified against ${bundles.length} provenance bundle(s) signed by ${repository}`
  );
  return { verdicts, rejected };
}
async function findProvenance(dir) {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".intoto.jsonl")).sort();
  if (names.length === 0) {
    throw new ChainOfCustodyError(`No provenance (*.intoto.jsonl) found in ${quote(dir)}.`, {
      subject: "provenance",
      hint: "Download the provenance file from the release next to the distributions, or pass `provenance`."
    });
  }
  return names.map((name) => join(dir, name));
}
async function verifyAll(paths, trust, policy) {
  const bundles = [];
  const rejected = [];
  for (const path of paths) {
    try {
      bundles.push(...await verifyProvenanceFile(path, trust, policy));
    } catch (error) {
      if (error instanceof BundleRejected) rejected.push(error);
      else if (error.code === "ENOENT")
        rejected.push(new BundleRejected(path, "file not found"));
      else throw error;
    }
  }
  return { bundles, rejected };
}
async function checkSignatures(publicKey, verdicts, workspace) {
  const armored = await readArmoredPublicKey(publicKey, workspace);
  for (const verdict of verdicts) {
    const problem = await ascProblem(verdict.path, armored);
    if (problem) verdict.problem = verdict.problem ? `${verdict.problem}; ${problem}` : problem;
  }
}
export {
  runVerify
};
