import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  BundleRejected,
  PROVENANCE_MAX_BYTES,
  readProvenanceStatements
} from "./chunk-IIYE52FI.js";
import {
  SHA256SUMS,
  chooseDraft,
  digestHex,
  isDistribution,
  isReleaseFile,
  listCurrentReleases,
  planAsset,
  sha256sumsText
} from "./chunk-23WPHH56.js";
import {
  manifestsOfThisJob
} from "./chunk-JDVCH4BG.js";
import "./chunk-4RXQAJ5B.js";
import {
  sha256Files
} from "./chunk-RYOVELRR.js";
import {
  mapLimit
} from "./chunk-35R7A2X5.js";
import {
  resolveWorkspaceDir,
  workspacePath
} from "./chunk-CK2J3INV.js";
import "./chunk-NJ4NFAZQ.js";
import "./chunk-AVT3NGYN.js";
import "./chunk-2RB73S4U.js";
import "./chunk-3ODTPMX6.js";
import "./chunk-J2I7U6DC.js";
import {
  resolveTag
} from "./chunk-QCTR3FJ2.js";
import "./chunk-AFO7ECMN.js";
import "./chunk-43E5VB6N.js";
import {
  checkAsset
} from "./chunk-SDPQZMNM.js";
import {
  answerOf,
  isAlreadyExists,
  isTransientFailure,
  rateLimitFailure,
  resumeAtOf,
  statusOf
} from "./chunk-7QYNA57B.js";
import "./chunk-GWEJQHBX.js";
import "./chunk-5PYYBJ6L.js";
import "./chunk-UPFIIRK2.js";
import {
  isRateLimited,
  resumeAt,
  retryDelay,
  retryLine
} from "./chunk-742OCXHB.js";
import {
  formatBytes,
  quote
} from "./chunk-QPC3R6K2.js";
import {
  ChainOfCustodyError,
  EnvironmentError,
  InputError,
  ServiceError
} from "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";

// src/steps/release.ts
import { mkdir, readdir as readdir2, readFile, rm as rm2 } from "node:fs/promises";
import { join as join4 } from "node:path";

// src/custody/release-check.ts
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
function record(recorded, name, sha256, source) {
  const digests = recorded.get(name) ?? /* @__PURE__ */ new Map();
  digests.set(sha256, source);
  recorded.set(name, digests);
}
async function provenanceSubjects(dir, recorded) {
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".intoto.jsonl"))) {
    const path = join(dir, name);
    if ((await stat(path)).size > PROVENANCE_MAX_BYTES) continue;
    const statements = await readProvenanceStatements(path).catch((error) => {
      if (!(error instanceof BundleRejected)) throw error;
      throw new ChainOfCustodyError(
        `Provenance file ${quote(name)} is not a Sigstore bundle with an in-toto statement (${error.reason}).`,
        {
          subject: name,
          cause: error,
          hint: "Release the file `step: provenance` wrote, unmodified."
        }
      );
    });
    for (const statement of statements) {
      for (const subject of statement.subject) {
        const sha256 = subject.digest?.sha256;
        if (subject.name && sha256) record(recorded, subject.name, sha256, name);
      }
    }
  }
}
async function checkReleaseCustody(dir, runnerTemp, distributions) {
  const recorded = /* @__PURE__ */ new Map();
  await provenanceSubjects(dir, recorded);
  for (const { source, manifest } of await manifestsOfThisJob(runnerTemp)) {
    for (const file of manifest.files) record(recorded, file.filename, file.sha256, source);
  }
  for (const file of distributions) {
    const digests = recorded.get(file.name);
    if (digests?.has(file.sha256)) continue;
    if (!digests) {
      throw new ChainOfCustodyError(
        `${quote(file.name)} was not recorded by \`collect\`: no provenance or manifest lists it.`,
        {
          subject: file.name,
          hint: "Run `step: collect` in the build job and `step: provenance` before `step: release`, and release what they produced."
        }
      );
    }
    const [[expected, source]] = [...digests];
    throw new ChainOfCustodyError(
      `${quote(file.name)} does not match the digest recorded by \`collect\`: ${quote(source)} records sha256 ${expected}, the file has sha256 ${file.sha256}.`,
      {
        subject: file.name,
        hint: "The file changed after it was built. Nothing was released. Find out what modified it, then re-run the build."
      }
    );
  }
}

// src/release/draft.ts
import { mkdtemp, rm } from "node:fs/promises";
import { join as join2 } from "node:path";
var LISTING_LOOKS = 6;
var SETTLE_ROUNDS = 4;
var MAX_BODY_CHARACTERS = 125e3;
async function ensureRelease(ctx, params, attempt = 1) {
  refuseLongBody(params.body);
  const found = chooseDraft(await listCurrentReleases(ctx.client, params.tag), params.tag);
  if (found.published) {
    refuseImmutable(found.published);
    ctx.log(`Appending to the published release ${found.published.html_url} (mutable).`);
    return { release: found.published, created: false };
  }
  let created;
  if (!found.draft) {
    created = await ctx.client.createDraft(params);
  }
  const settled = chooseDraft(await listIncluding(ctx, created), params.tag);
  const draft = settled.draft;
  if (!draft) {
    if (attempt < SETTLE_ROUNDS) return ensureRelease(ctx, params, attempt + 1);
    throw new EnvironmentError(
      `The draft release for ${quote(params.tag)} vanished while it was being created.`,
      { hint: "Re-run the job." }
    );
  }
  for (const extra of settled.extras) await mergeExtraDraft(ctx, draft, extra);
  return { release: draft, created: created?.id === draft.id };
}
async function untilSettled(ctx, params, first, work) {
  let release = first;
  for (let round = 1; ; round++) {
    let result;
    let gone = false;
    try {
      result = await work(release);
    } catch (error) {
      if (statusOf(error) !== 404 || round >= SETTLE_ROUNDS) throw error;
      gone = true;
    }
    if (!release.draft && !gone) return { release, result };
    const chosen = chooseDraft(await list(ctx), params.tag).draft;
    if (!gone && (chosen === void 0 || chosen.id >= release.id))
      return { release, result };
    if (round >= SETTLE_ROUNDS)
      throw new ServiceError(
        `Draft release ${release.id} for ${quote(params.tag)} kept being merged into another while this job uploaded.`,
        { hint: "Re-run this job once the other jobs have finished: identical files are skipped." }
      );
    ctx.log(
      `Draft ${release.id} for ${params.tag} was merged into an older draft by another job; uploading there.`
    );
    release = (await ensureRelease(ctx, params)).release;
  }
}
function refuseLongBody(body) {
  if (body === void 0 || body.length <= MAX_BODY_CHARACTERS) return;
  throw new InputError(
    `The release body has ${body.length} characters; GitHub refuses more than ${MAX_BODY_CHARACTERS}. Nothing was sent.`,
    {
      subject: "body",
      hint: "Shorten `body` or the file `body-path` names (link to a changelog instead of including it)."
    }
  );
}
async function listIncluding(ctx, created) {
  for (let look = 1; ; look++) {
    const releases = await list(ctx);
    if (!created || releases.some((r) => r.id === created.id)) return releases;
    if (look >= LISTING_LOOKS) {
      ctx.log(`GitHub still does not list draft ${created.id}; going on with it as created.`);
      return [...releases, created];
    }
    const delay = Math.min(ctx.policy.baseDelayMs * 2 ** (look - 1), ctx.policy.maxDelayMs);
    ctx.log(
      `GitHub does not list the new draft ${created.id} yet (listings lag); looking again in ${delay} ms.`
    );
    await ctx.sleep(delay);
  }
}
function refuseImmutable(release) {
  if (!release.immutable) return;
  throw new EnvironmentError(
    `Release ${quote(release.tag_name)} is published and immutable: GitHub refuses new or changed assets on it.`,
    {
      subject: "tag",
      hint: "Publish a new patch release (e.g. a new tag) for the new files, or keep releases as drafts until every job has uploaded (set `publish-release: true` only in the last job)."
    }
  );
}
async function list(ctx) {
  return ctx.client.listReleases();
}
async function mergeExtraDraft(ctx, into, extra) {
  ctx.log(`Merging duplicate draft ${extra.id} for ${extra.tag_name} into draft ${into.id}.`);
  const dir = await mkdtemp(join2(ctx.tempDir, `merge-${extra.id}-`));
  try {
    const [assets, existing] = await Promise.all([
      ctx.client.listAssets(extra.id).catch(ignoreGone([])),
      ctx.client.listAssets(into.id)
    ]);
    for (const asset of [...assets, ...existing]) checkAsset(asset, "merge duplicate drafts");
    const present = new Set(existing.map((a) => a.name));
    for (const asset of assets.filter((a) => a.state === "uploaded" && !present.has(a.name))) {
      const path = join2(dir, `${asset.id}`);
      const moved = await ctx.client.downloadAsset(asset, path).then(
        () => true,
        (error) => statusOf(error) === 404 ? false : Promise.reject(error)
      );
      if (!moved) continue;
      await ctx.client.uploadAsset(into, asset.name, path, asset.size).catch((error) => {
        if (!isAlreadyExists(error)) throw error;
      });
    }
    await ctx.client.deleteRelease(extra.id).catch(ignoreGone(void 0));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
function ignoreGone(value) {
  return (error) => {
    if (statusOf(error) === 404) return value;
    throw error;
  };
}

// src/release/sync.ts
import { writeFile } from "node:fs/promises";
import { join as join3 } from "node:path";
import { createHash } from "node:crypto";
var SUMS_ROUNDS = 10;
async function planAssets(ctx, locals) {
  const remote = new Map((await listAssets(ctx)).map((a) => [a.name, a]));
  const actions = await mapLimit(locals, ctx.concurrency, async (local) => {
    const existing = remote.get(local.name);
    const needsHash = existing && existing.state === "uploaded" && digestHex(existing) === void 0;
    const hashed = needsHash ? await ctx.client.hashAsset(existing) : void 0;
    return planAsset(local, existing, ctx.overwrite, hashed);
  });
  const conflicts = actions.filter((a) => a.kind === "conflict");
  if (conflicts.length > 0) {
    const list2 = conflicts.map(
      (c) => `${quote(c.local.name)} (release has sha256 ${c.remoteSha256}, local file ${c.local.sha256})`
    ).join("; ");
    throw new ChainOfCustodyError(
      `The release already has different files under the same name: ${list2}. Nothing was uploaded.`,
      {
        subject: conflicts[0]?.local.name,
        hint: "A release asset is never silently replaced. If the new file is right, re-run with `overwrite: true`; otherwise find out why the build produced different bytes."
      }
    );
  }
  return actions;
}
async function applyActions(ctx, actions) {
  const outcomes = /* @__PURE__ */ new Map();
  const uploads = mapLimit(actions, ctx.concurrency, async (action) => {
    if (action.kind === "skip") return outcomes.set(action.local.name, "already there");
    if (action.kind === "restart" || action.kind === "replace")
      await deleteAsset(ctx, action.remote);
    const outcome = await uploadVerified(ctx, action.local);
    outcomes.set(
      action.local.name,
      action.kind === "replace" && outcome === "uploaded" ? "replaced" : outcome
    );
  });
  await uploads.catch((error) => {
    if (!isRateLimited(answerOf(error))) throw error;
    throw rateLimitFailure(
      error,
      "upload the release assets",
      resumeAtOf(error),
      `${outcomes.size} of ${actions.length} files are on the release`
    );
  });
  return outcomes;
}
async function uploadVerified(ctx, local) {
  for (let retry = 1; ; retry++) {
    const startedAt = Date.now();
    try {
      const asset = await ctx.client.uploadAsset(ctx.release, local.name, local.path, local.size);
      await checkUploaded(ctx, asset, local);
      return "uploaded";
    } catch (error) {
      if (error instanceof ChainOfCustodyError) throw error;
      const taken2 = isAlreadyExists(error);
      if (!taken2 && !isTransientFailure(error)) throw error;
      const now = (await listAssets(ctx)).find((a) => a.name === local.name);
      if (now && now.state === "uploaded") {
        const sha = digestHex(now) ?? await ctx.client.hashAsset(now);
        if (sha === local.sha256) return taken2 ? "already there" : "uploaded";
        if (taken2 && !ctx.overwrite) throw conflict(local, sha);
      }
      if (now) await deleteAsset(ctx, now);
      const answer = taken2 ? {} : answerOf(error);
      const delay = retryDelay(ctx.policy, retry, startedAt, answer);
      if (delay === void 0 && isRateLimited(answer))
        throw rateLimitFailure(error, `upload ${local.name}`, resumeAt(answer, ctx.policy));
      if (delay === void 0) throw error;
      ctx.warn(
        retryLine(
          `Upload of ${local.name} failed (${failureReason(error)})`,
          retry,
          ctx.policy,
          delay
        )
      );
      await ctx.sleep(delay);
    }
  }
}
function failureReason(error) {
  const status = statusOf(error);
  if (status !== void 0)
    return taken(error) ? `${status}: name taken by a broken upload` : `${status}`;
  const message = error instanceof Error ? error.message : String(error);
  return /timed out/.test(message) ? message.replace(/^Failed to [^:]*: /, "").replace(/\.$/, "") : "no answer";
}
var taken = (error) => isAlreadyExists(error);
async function checkUploaded(ctx, asset, local) {
  const reported = digestHex(asset) ?? await ctx.client.hashAsset(asset);
  if (reported === local.sha256) return;
  await deleteAsset(ctx, asset);
  throw new ChainOfCustodyError(
    `GitHub stored ${quote(local.name)} with sha256 ${reported}, but the file sent has sha256 ${local.sha256}; the asset was removed.`,
    { subject: local.name, hint: "The upload was corrupted in transit. Re-run the job." }
  );
}
function conflict(local, remoteSha256) {
  return new ChainOfCustodyError(
    `${quote(local.name)} was uploaded meanwhile with different contents (release has sha256 ${remoteSha256}, local file ${local.sha256}).`,
    {
      subject: local.name,
      hint: "Two jobs produced different files under one name; make each job build distinct files."
    }
  );
}
async function listAssets(ctx) {
  const what = `list the assets of release ${ctx.release.id}`;
  return (await ctx.client.listAssets(ctx.release.id)).map((a) => checkAsset(a, what));
}
async function deleteAsset(ctx, asset) {
  await ctx.client.deleteAsset(asset.id).catch((error) => {
    if (statusOf(error) !== 404) throw error;
  });
}
async function assetSha256(ctx, asset) {
  const reported = digestHex(asset);
  if (reported) return reported;
  return ctx.client.hashAsset(asset).catch((error) => {
    if (statusOf(error) === 404) return void 0;
    throw error;
  });
}
function sumsBackoff(baseMs, round) {
  return baseMs * 2 ** Math.min(round, 4) * (0.5 + Math.random());
}
async function syncSha256Sums(ctx) {
  let outcome = "already there";
  for (let round = 1; round <= SUMS_ROUNDS; round++) {
    const assets = await listAssets(ctx);
    const dists = assets.filter((a) => isDistribution(a.name) && a.state === "uploaded");
    const entries = await mapLimit(dists, ctx.concurrency, async (a) => ({
      name: a.name,
      sha256: await assetSha256(ctx, a)
    }));
    const text = sha256sumsText(
      entries.filter((e) => e.sha256 !== void 0)
    );
    const sha256 = createHash("sha256").update(text).digest("hex");
    const existing = assets.find((a) => a.name === SHA256SUMS);
    const current = existing?.state === "uploaded" ? await assetSha256(ctx, existing) : void 0;
    if (entries.every((e) => e.sha256 !== void 0) && current === sha256)
      return { text, outcome };
    if (existing && existing.state !== "uploaded") {
      await ctx.sleep(sumsBackoff(ctx.policy.baseDelayMs, round));
      continue;
    }
    const path = join3(ctx.tempDir, `${SHA256SUMS}-${round}`);
    await writeFile(path, text);
    if (existing) await deleteAsset(ctx, existing);
    await ctx.client.uploadAsset(ctx.release, SHA256SUMS, path, Buffer.byteLength(text)).then(
      () => sumsBackoff(ctx.policy.baseDelayMs, round),
      (error) => {
        if (!isAlreadyExists(error) && !isTransientFailure(error)) throw error;
        const answer = answerOf(error);
        if (!isRateLimited(answer)) return sumsBackoff(ctx.policy.baseDelayMs, round);
        const delay = retryDelay(ctx.policy, 1, Date.now(), answer);
        if (delay === void 0)
          throw rateLimitFailure(error, `upload ${SHA256SUMS}`, resumeAt(answer, ctx.policy));
        return delay;
      }
    ).then((wait) => {
      outcome = existing ? "replaced" : "uploaded";
      return ctx.sleep(wait);
    });
  }
  throw new ServiceError(
    `${SHA256SUMS} did not settle after ${SUMS_ROUNDS} rounds (other jobs kept changing the release).`,
    {
      hint: "Re-run this job once the other jobs have finished."
    }
  );
}

// src/steps/release.ts
import { lstat } from "node:fs/promises";
async function runRelease(settings, env, deps) {
  const { io } = deps;
  const tag = resolveTag(settings.tag, env.ref);
  const dir = await resolveWorkspaceDir("packages-dir", settings.packagesDir, env.workspace);
  const body = settings.bodyPath ? await readBody(settings.bodyPath, env.workspace) : settings.body;
  const locals = await io.group("Checking the files to release", async () => {
    const files = await localAssets(dir, settings.uploadConcurrency);
    await checkReleaseCustody(
      dir,
      env.runnerTemp,
      files.filter((f) => isDistribution(f.name))
    );
    io.result(
      `${files.length} file(s) to release for ${tag}; every distribution matches the digest recorded by collect`
    );
    return files;
  });
  const tempDir = join4(env.runnerTemp, "release-action", "release");
  await rm2(tempDir, { recursive: true, force: true });
  await mkdir(tempDir, { recursive: true });
  const client = deps.releases;
  const log = (message) => io.info(message);
  const draftCtx = { client, tempDir, log, policy: deps.policy, sleep: deps.sleep };
  const params = {
    tag,
    ...settings.releaseName ? { name: settings.releaseName } : {},
    ...body ? { body } : {},
    generateReleaseNotes: settings.generateReleaseNotes,
    prerelease: settings.prerelease
  };
  const { release: found, created } = await io.group(`Finding the release for ${tag}`, async () => {
    const found2 = await ensureRelease(draftCtx, params);
    io.setOutput("release-id", String(found2.release.id));
    io.setOutput("release-url", found2.release.html_url);
    io.result(
      `${found2.created ? "Created" : "Using"} ${found2.release.draft ? "draft" : "published"} release ${found2.release.id} for ${tag}`
    );
    return found2;
  });
  const syncContext = (release2) => ({
    client,
    release: release2,
    concurrency: settings.uploadConcurrency,
    overwrite: settings.overwrite,
    tempDir,
    policy: deps.policy,
    sleep: deps.sleep,
    log,
    warn: (message) => io.warning(message)
  });
  const { release, result: outcomes } = await io.group(
    "Uploading assets",
    () => untilSettled(draftCtx, params, found, async (target) => {
      const ctx = syncContext(target);
      const actions = await planAssets(ctx, locals);
      const result = await applyActions(ctx, actions);
      const sums = await syncSha256Sums(ctx);
      result.set(SHA256SUMS, sums.outcome);
      const uploaded = [...result.values()].filter((o) => o !== "already there").length;
      io.result(
        `${uploaded} asset(s) uploaded, ${result.size - uploaded} already there; ${SHA256SUMS} lists ${sums.text.split("\n").filter(Boolean).length} distribution(s)`
      );
      return result;
    })
  );
  if (release.id !== found.id) {
    io.setOutput("release-id", String(release.id));
    io.setOutput("release-url", release.html_url);
  }
  if (settings.publishRelease && release.draft) {
    await client.publishRelease(release.id, settings.makeLatest);
    io.result(`Published release ${tag}`);
  }
  const names = (kind) => JSON.stringify(
    [...outcomes].filter(([, o]) => kind(o)).map(([n]) => n).sort()
  );
  io.setOutput(
    "uploaded",
    names((o) => o !== "already there")
  );
  io.setOutput(
    "skipped",
    names((o) => o === "already there")
  );
  await writeSummary(io, tag, release.html_url, locals, outcomes, created);
}
async function localAssets(dir, concurrency) {
  const names = (await readdir2(dir)).filter(isReleaseFile).sort();
  if (!names.some(isDistribution)) {
    throw new InputError(`No distributions (.whl, .tar.gz) to release in ${quote(dir)}.`, {
      subject: "packages-dir",
      hint: "Run `step: provenance` (which gathers the files into packages-dir) before `step: release`, or point `packages-dir` at them."
    });
  }
  const files = await mapLimit(names, concurrency, async (name) => {
    const path = join4(dir, name);
    const info = await lstat(path);
    if (!info.isFile())
      throw new InputError(`${quote(name)} in packages-dir is not a regular file.`, {
        subject: name,
        hint: "Release built files only, not links or folders."
      });
    return { name, path };
  });
  const { digests } = await sha256Files(
    files.map((f) => f.path),
    concurrency
  );
  return files.map(({ name, path }) => {
    const { size, sha256 } = digests.get(path);
    return { name, path, size, sha256 };
  });
}
async function readBody(bodyPath, workspace) {
  const path = workspacePath("body-path", bodyPath, workspace);
  return readFile(path, "utf8").catch(() => {
    throw new InputError(`Input "body-path": ${quote(bodyPath)} cannot be read.`, {
      subject: "body-path",
      hint: "Give a file inside the workspace, e.g. `CHANGELOG.md`."
    });
  });
}
async function writeSummary(io, tag, url, locals, outcomes, created) {
  const rows = [
    ["Asset", "Size", "SHA-256", "Result"],
    ...locals.map((f) => [f.name, formatBytes(f.size), f.sha256, outcomes.get(f.name) ?? ""])
  ];
  rows.push([SHA256SUMS, "", "", outcomes.get(SHA256SUMS) ?? ""]);
  await io.summaryTable(`Release ${tag}`, rows, `${created ? "Created" : "Updated"} ${url}`);
}
export {
  runRelease
};
