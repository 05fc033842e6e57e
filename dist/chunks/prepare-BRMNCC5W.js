import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  MAX_RELEASE_AGE_DAYS,
  releaseFiles
} from "./chunk-2TTI3JMZ.js";
import {
  chooseDraft
} from "./chunk-BSM2TXXO.js";
import {
  githubFailure
} from "./chunk-YOJA7HLY.js";
import {
  resolveTag
} from "./chunk-N4DL4DBH.js";
import "./chunk-DXZHM2GX.js";
import {
  canonicalVersion
} from "./chunk-CTDMPWAM.js";
import "./chunk-AFO7ECMN.js";
import {
  retryPolicyFor
} from "./chunk-W5BDAIDM.js";
import "./chunk-UPFIIRK2.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  EnvironmentError,
  InputError
} from "./chunk-JATCWPVQ.js";
import "./chunk-OHTIYD5V.js";

// src/github/git-head.ts
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
var SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
async function gitDir(workspace) {
  const dotGit = join(workspace, ".git");
  const info = await stat(dotGit).catch(() => void 0);
  if (info?.isDirectory()) return dotGit;
  if (info?.isFile()) {
    const pointer = /^gitdir:\s*(.+)$/m.exec(await readFile(dotGit, "utf8"));
    if (pointer?.[1]) return resolve(workspace, pointer[1].trim());
  }
  throw new EnvironmentError("The workspace has no git checkout (.git is missing).", {
    subject: "checkout",
    hint: "Check out the tag first: `- uses: actions/checkout@v5` with `ref: ${{ inputs.tag }}` for a backfill."
  });
}
async function readHeadCommit(workspace) {
  const dir = await gitDir(workspace);
  const head = (await readFile(join(dir, "HEAD"), "utf8")).trim();
  if (SHA.test(head)) return head;
  const ref = /^ref:\s*(\S+)$/.exec(head)?.[1];
  if (!ref || ref.includes(".."))
    throw new EnvironmentError(
      `.git/HEAD is not understood: ${JSON.stringify(head.slice(0, 80))}.`,
      { hint: "Use actions/checkout." }
    );
  const loose = await readFile(join(dir, ref), "utf8").catch(() => void 0);
  if (loose && SHA.test(loose.trim())) return loose.trim();
  const packed = await readFile(join(dir, "packed-refs"), "utf8").catch(() => "");
  for (const line of packed.split("\n")) {
    const [sha, name] = line.trim().split(" ");
    if (name === ref && sha && SHA.test(sha)) return sha;
  }
  throw new EnvironmentError(`The checked-out branch ${ref} has no commit.`, {
    hint: "Use actions/checkout with the tag as `ref`."
  });
}

// src/steps/prepare.ts
function versionOfTag(tag) {
  const bare = tag.replace(/^(refs\/tags\/)?[vV]?/, "");
  try {
    return canonicalVersion(bare, tag);
  } catch {
    throw new InputError(`Tag ${quote(tag)} does not name a PEP 440 version.`, {
      subject: "tag",
      hint: "Tag releases as v<version>, e.g. v1.2.3 or v2.0.0rc1."
    });
  }
}
async function runPrepare(settings, env, deps) {
  const { io } = deps;
  const tag = resolveTag(settings.tag, env.ref);
  const version = versionOfTag(tag);
  if (!settings.githubToken) {
    throw new EnvironmentError("`step: prepare` needs a GitHub token to look up the tag.", {
      subject: "github-token",
      hint: "Leave `github-token` at its default."
    });
  }
  const tags = deps.tags(settings.githubToken);
  const commit = await tags.tagCommit(tag).catch((error) => {
    throw githubFailure(error, `look up tag ${tag}`, env.repository);
  });
  if (!commit) {
    throw new InputError(`Tag ${quote(tag)} does not exist in ${env.repository}.`, {
      subject: "tag",
      hint: "Push the tag first, or dispatch the workflow with an existing tag."
    });
  }
  const head = await readHeadCommit(env.workspace);
  if (head !== commit) {
    throw new EnvironmentError(
      `The checked-out commit ${head} is not the commit of tag ${quote(tag)} (${commit}).`,
      {
        subject: "checkout",
        hint: "Build exactly the tagged source: `- uses: actions/checkout@v5` with `ref: ${{ inputs.tag }}` (a backfill dispatched from main would otherwise build main)."
      }
    );
  }
  const epoch = Math.floor((await tags.commitTime(commit)).getTime() / 1e3);
  const backfill = env.eventName === "workflow_dispatch" && await existingRelease(deps, settings.githubToken, env, tag);
  if (backfill) await checkBackfill(settings, env, deps, tag, version);
  io.setOutput("tag", tag);
  io.setOutput("version", version);
  io.setOutput("sha", commit);
  io.setOutput("source-date-epoch", String(epoch));
  io.setOutput("backfill", String(backfill));
  io.result(
    `${tag}: version ${version}, commit ${commit.slice(0, 12)}, SOURCE_DATE_EPOCH=${epoch}${backfill ? ", backfill of an existing release" : ""}`
  );
  await io.summaryTable("Prepared", [
    ["Tag", "Version", "Commit", "SOURCE_DATE_EPOCH", "Backfill"],
    [tag, version, commit, String(epoch), String(backfill)]
  ]);
}
async function existingRelease(deps, token, env, tag) {
  const releases = await deps.releases(token).listReleases().catch((error) => {
    throw githubFailure(error, "list releases", env.repository);
  });
  const found = chooseDraft(releases, tag);
  return Boolean(found.draft ?? found.published);
}
async function checkBackfill(settings, env, deps, tag, version) {
  const token = settings.githubToken;
  const { published } = chooseDraft(await deps.releases(token).listReleases(), tag);
  if (published?.immutable) {
    throw new EnvironmentError(
      `Release ${quote(tag)} is published and immutable: new wheels cannot be added to it.`,
      {
        subject: "tag",
        hint: "Backfill into a new release instead (e.g. a .post1 version), or keep releases as drafts until complete."
      }
    );
  }
  for (const url of settings.repositoryUrls) {
    if (!settings.project) break;
    const files = await releaseFiles(
      url,
      settings.project,
      version,
      retryPolicyFor(env.retryDelayMs, env.timeoutMs)
    );
    const oldest = files.reduce(
      (min, f) => Math.min(min ?? Infinity, f.uploadTime.getTime()),
      void 0
    );
    if (oldest !== void 0 && Date.now() - oldest > MAX_RELEASE_AGE_DAYS * 864e5) {
      throw new EnvironmentError(
        `${settings.project} ${version} on ${url} was released on ${new Date(oldest).toISOString().slice(0, 10)}: PyPI takes no new files after ${MAX_RELEASE_AGE_DAYS} days.`,
        {
          subject: "tag",
          hint: "Publish the new wheels as a new version (e.g. a .post1 release) instead of a backfill."
        }
      );
    }
  }
}
export {
  runPrepare,
  versionOfTag
};
