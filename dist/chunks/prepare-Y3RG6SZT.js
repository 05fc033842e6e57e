import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  MAX_RELEASE_AGE_DAYS,
  releaseFiles
} from "./chunk-Z3YJON75.js";
import {
  loadTagSigners,
  requireSignedTag
} from "./chunk-DFMT7KVQ.js";
import {
  tagNow
} from "./chunk-KQ7G2JZT.js";
import {
  readHeadCommit
} from "./chunk-KFEX74M6.js";
import "./chunk-USV4ZTXE.js";
import "./chunk-OEWU67NL.js";
import "./chunk-QQSLI7RL.js";
import {
  chooseDraft
} from "./chunk-BSM2TXXO.js";
import {
  githubFailure
} from "./chunk-2QPAFRDZ.js";
import {
  resolveTag
} from "./chunk-TJIOVZQK.js";
import "./chunk-PYKEOSMR.js";
import "./chunk-DXZHM2GX.js";
import {
  canonicalVersion
} from "./chunk-JWPPPYNB.js";
import "./chunk-JCMT7PSU.js";
import {
  retryPolicyFor
} from "./chunk-W5BDAIDM.js";
import "./chunk-UPFIIRK2.js";
import {
  EnvironmentError,
  InputError
} from "./chunk-JATCWPVQ.js";
import {
  quote
} from "./chunk-2VKNWI6A.js";
import "./chunk-OHTIYD5V.js";

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
  if (settings.tagSigners.length > 0) {
    const signers = await loadTagSigners(settings.tagSigners, env.workspace);
    const resolved = await tagNow(env, env.repository, tag, settings.githubToken);
    io.info(`Tag ${tag} is signed by an allowed key (${await requireSignedTag(resolved, signers)})`);
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
