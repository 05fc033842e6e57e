import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  loadTagSigners,
  requireSignedTag
} from "./chunk-AC36HT3L.js";
import {
  MAX_RELEASE_AGE_DAYS,
  releaseAge,
  releaseFiles,
  undatedReleaseWarning
} from "./chunk-EUANYMN4.js";
import {
  chooseDraft,
  listCurrentReleases
} from "./chunk-23WPHH56.js";
import {
  tagNow
} from "./chunk-OXQV6L7V.js";
import {
  canonicalVersion
} from "./chunk-S7NFOUJH.js";
import {
  readHeadCommit
} from "./chunk-OAESIY4O.js";
import "./chunk-USV4ZTXE.js";
import "./chunk-CK2J3INV.js";
import {
  resolveTag
} from "./chunk-QCTR3FJ2.js";
import "./chunk-AFO7ECMN.js";
import "./chunk-GWEJQHBX.js";
import "./chunk-UPFIIRK2.js";
import "./chunk-3MYLBHU6.js";
import "./chunk-742OCXHB.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  EnvironmentError,
  InputError
} from "./chunk-W3DSJ3DT.js";
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
  const { tags } = deps;
  const commit = await tags.tagCommit(tag);
  if (!commit) {
    throw new InputError(`Tag ${quote(tag)} does not exist in ${env.repository}.`, {
      subject: "tag",
      hint: "Push the tag first, or dispatch the workflow with an existing tag."
    });
  }
  if (settings.tagSigners.length > 0) {
    const signers = await loadTagSigners(settings.tagSigners, env.workspace);
    const resolved = await tagNow(deps.git, env.repository, tag);
    io.info(
      `Tag ${tag} is signed by an allowed key (${await requireSignedTag(resolved, signers)})`
    );
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
  const backfill = env.eventName === "workflow_dispatch" && await existingRelease(deps, tag);
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
async function existingRelease(deps, tag) {
  const found = chooseDraft(await listCurrentReleases(deps.releases, tag), tag);
  return Boolean(found.draft ?? found.published);
}
async function checkBackfill(settings, env, deps, tag, version) {
  const { published } = chooseDraft(await listCurrentReleases(deps.releases, tag), tag);
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
      deps.policy,
      settings.simpleUrls[url]
    );
    const warning = undatedReleaseWarning(url, files);
    if (warning) deps.io.warning(warning);
    const oldest = releaseAge(files).oldest?.getTime();
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
