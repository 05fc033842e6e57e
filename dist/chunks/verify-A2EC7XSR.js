import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  matchFilesToSubjects
} from "./chunk-HSTH6Q2F.js";
import {
  loadTagSigners,
  requireSignedTag
} from "./chunk-DFMT7KVQ.js";
import {
  expectedIds,
  tagNow
} from "./chunk-KQ7G2JZT.js";
import {
  createMessage,
  readKey,
  readSignature,
  verify
} from "./chunk-USV4ZTXE.js";
import "./chunk-OEWU67NL.js";
import "./chunk-QQSLI7RL.js";
import {
  BundleRejected,
  verifyProvenanceFile
} from "./chunk-TZNZHIQM.js";
import {
  GITHUB_ACTIONS_ISSUER
} from "./chunk-EK3AXTIU.js";
import "./chunk-NJ4NFAZQ.js";
import "./chunk-3UXAYTZZ.js";
import "./chunk-2QPAFRDZ.js";
import {
  loadTrustMaterial
} from "./chunk-UW2IW7YJ.js";
import "./chunk-5WLAUJRA.js";
import "./chunk-Q2YJTBFV.js";
import "./chunk-YBYUAAP3.js";
import "./chunk-J2I7U6DC.js";
import "./chunk-PYKEOSMR.js";
import {
  listDistributionFiles,
  resolveWorkspaceDir
} from "./chunk-NTDATABM.js";
import "./chunk-43E5VB6N.js";
import {
  ChainOfCustodyError,
  InputError
} from "./chunk-JATCWPVQ.js";
import {
  quote
} from "./chunk-2VKNWI6A.js";
import "./chunk-OHTIYD5V.js";

// src/steps/verify.ts
import { readdir, readFile as readFile2, stat } from "node:fs/promises";
import { basename as basename2, join } from "node:path";

// src/provenance/gpg-verify.ts
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { Readable } from "node:stream";
async function verifyDetachedSignature(path, ascPath, armoredPublicKey) {
  try {
    const verificationKeys = await readKey({ armoredKey: armoredPublicKey });
    const signature = await readSignature({
      armoredSignature: await readFile(ascPath, "utf8")
    });
    const binary = Readable.toWeb(createReadStream(path));
    const message = await createMessage({ binary });
    const result = await verify({
      message,
      signature,
      verificationKeys,
      expectSigned: false
    });
    for await (const _chunk of result.data) void _chunk;
    const [first] = result.signatures;
    if (!first) return `${basename(ascPath)} holds no signature`;
    await first.verified;
    return void 0;
  } catch (error) {
    return `${basename(ascPath)} does not verify: ${error.message}`;
  }
}

// src/steps/verify.ts
async function runVerify(settings, env, io) {
  const repository = settings.repository ?? env.repository;
  if (!repository) {
    throw new InputError('Input "repository" is required outside a GitHub Actions run.', {
      subject: "repository",
      hint: "Pass the repository whose workflow signed the files, e.g. `--repository octo-org/octo-repo`."
    });
  }
  const dir = await resolveWorkspaceDir("packages-dir", settings.packagesDir, env.workspace);
  const files = await listDistributionFiles(dir, "packages-dir");
  const provenance = settings.provenance.length > 0 ? settings.provenance.map((p) => join(env.workspace, p)) : await findProvenance(dir);
  const policy = {
    serverUrl: env.serverUrl,
    issuer: GITHUB_ACTIONS_ISSUER,
    repository
  };
  if (settings.workflow) policy.workflow = settings.workflow;
  if (settings.ref) policy.ref = settings.ref;
  const ids = await expectedIds(env, repository, settings.repositoryId, settings.githubToken);
  policy.repositoryId = ids.repositoryId;
  if (ids.ownerId) policy.ownerId = ids.ownerId;
  if (settings.ref?.startsWith("refs/tags/")) {
    const tag = await tagNow(env, repository, settings.ref.slice(10), settings.githubToken);
    policy.commit = tag.commit;
    if (settings.tagSigners.length > 0) {
      const signers = await loadTagSigners(settings.tagSigners, env.workspace);
      io.info(`\u2714 tag ${tag.tag} is signed by ${await requireSignedTag(tag, signers)}`);
    }
  } else if (settings.tagSigners.length > 0) {
    throw new InputError('Input "tag-signers" needs the tag: pass `ref: refs/tags/<tag>`.', {
      subject: "ref",
      hint: "For example `--ref refs/tags/v1.2.3 --tag-signers maintainer.asc`."
    });
  }
  const trust = await loadTrustMaterial(
    settings.trustedRoot,
    join(env.runnerTemp, "release-action", "tuf")
  );
  const { bundles, rejected } = await verifyAll(provenance, trust, policy);
  for (const bundle of bundles)
    io.info(
      `\u2714 ${basename2(bundle.source)}: signed by ${bundle.signer.buildConfigUri || bundle.signer.subjectAlternativeName}`
    );
  for (const reject of rejected) io.warning(`\u2718 ${reject.message}`);
  const verdicts = await matchFilesToSubjects(files, bundles);
  if (settings.publicKey) await checkSignatures(settings.publicKey, verdicts, env.workspace);
  for (const verdict of verdicts) {
    io.info(
      verdict.problem ? `\u2718 ${verdict.filename}: ${verdict.problem}` : `\u2714 ${verdict.filename}: verified by ${basename2(verdict.coveredBy ?? "")}`
    );
  }
  await io.summaryTable("Verification", [
    ["File", "SHA-256", "Result"],
    ...verdicts.map((v) => [
      v.filename,
      v.sha256,
      v.problem ?? `verified by ${basename2(v.coveredBy ?? "")}`
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
  const armored = publicKey.includes("-----BEGIN PGP") ? publicKey : await readFile2(join(workspace, publicKey), "utf8").catch(() => "");
  if (!armored.includes("-----BEGIN PGP PUBLIC KEY BLOCK-----")) {
    throw new InputError(
      'Input "public-key" is neither an armored OpenPGP public key nor a file holding one.',
      {
        subject: "public-key",
        hint: "Pass the output of `gpg --armor --export <KEYID>`, or the path of a file with it."
      }
    );
  }
  for (const verdict of verdicts) {
    const asc = `${verdict.path}.asc`;
    const exists = await stat(asc).then(
      () => true,
      () => false
    );
    const problem = exists ? await verifyDetachedSignature(verdict.path, asc, armored) : `${basename2(asc)} is missing`;
    if (problem) verdict.problem = verdict.problem ? `${verdict.problem}; ${problem}` : problem;
  }
}
export {
  runVerify
};
