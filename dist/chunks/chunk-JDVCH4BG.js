import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  MANIFEST_FILENAME,
  MANIFEST_MAX_BYTES,
  parseManifest
} from "./chunk-4RXQAJ5B.js";
import {
  digestFiles
} from "./chunk-RYOVELRR.js";
import {
  mapLimit
} from "./chunk-35R7A2X5.js";
import {
  fileNameProblem,
  joinFileName,
  listDistributionFiles
} from "./chunk-CK2J3INV.js";
import {
  ARTIFACT_NAME_PREFIX,
  jobNameDigest
} from "./chunk-UPFIIRK2.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  ChainOfCustodyError,
  DistributionError,
  ServiceError
} from "./chunk-W3DSJ3DT.js";

// src/custody/gather.ts
import { copyFile, mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
import { basename, join } from "node:path";

// src/custody/attempts.ts
function newestPerName(artifacts) {
  const byName = /* @__PURE__ */ new Map();
  for (const artifact of artifacts) {
    const seen = byName.get(artifact.name);
    if (!seen || seen.id < artifact.id) byName.set(artifact.name, artifact);
  }
  const newest = [...byName.values()];
  const ignored = artifacts.filter((artifact) => byName.get(artifact.name) !== artifact).map((artifact) => ({
    name: artifact.name,
    id: artifact.id,
    attempt: 0,
    reason: `workflow artifact ${quote(artifact.name)} (id ${artifact.id}) is superseded by the newer artifact of the same name (id ${byName.get(artifact.name)?.id}), uploaded by a later attempt`
  }));
  return { newest, ignored };
}
function buildJobKey(manifest) {
  const files = manifest.files.map((f) => f.filename).sort();
  return JSON.stringify([manifest.producer.job, ...files]);
}
function latestAttempts(items, currentAttempt) {
  const ordered = [...items].sort((a, b) => a.artifact.id - b.artifact.id);
  checkOrder(ordered, currentAttempt);
  const groups = /* @__PURE__ */ new Map();
  for (const item of ordered) {
    const key = buildJobKey(item.manifest);
    groups.set(key, [...groups.get(key) ?? [], item]);
  }
  const kept = [];
  const ignored = [];
  for (const group of groups.values()) {
    const latest = group[group.length - 1];
    const latestAttempt = attemptOf(latest);
    for (const item of group) {
      if (attemptOf(item) === latestAttempt) {
        kept.push(item);
        continue;
      }
      ignored.push({
        name: item.artifact.name,
        id: item.artifact.id,
        attempt: attemptOf(item),
        reason: `workflow artifact ${quote(item.artifact.name)} (attempt ${attemptOf(item)}) is superseded by ${quote(latest.artifact.name)} (attempt ${latestAttempt}), which a re-run of the same build job uploaded with the same files`
      });
    }
  }
  return { kept, ignored };
}
function checkOrder(ordered, currentAttempt) {
  ordered.forEach((later, i) => {
    const earlier = ordered[i - 1];
    const attempt = attemptOf(later);
    const problem = attempt > currentAttempt ? `its manifest records attempt ${attempt}, but this job runs in attempt ${currentAttempt} of the workflow run` : earlier && attempt < attemptOf(earlier) ? `it was uploaded after ${quote(earlier.artifact.name)} but its manifest records an earlier attempt (${attempt} < ${attemptOf(earlier)})` : earlier && earlier.artifact.uploaderJobId === later.artifact.uploaderJobId && attempt !== attemptOf(earlier) ? `the artifact service names the same uploading job as for ${quote(earlier.artifact.name)}, but the manifests record different attempts` : void 0;
    if (!problem) return;
    throw new ChainOfCustodyError(
      `Could not establish which attempt uploaded workflow artifact ${quote(later.artifact.name)}: ${problem}.`,
      {
        subject: later.artifact.name,
        hint: "Nothing was signed. Manifests are written by `step: collect`; find the job that uploaded this artifact, then re-run all jobs of the workflow."
      }
    );
  });
}
function attemptOf({ artifact, manifest }) {
  const attempt = Number(manifest.producer.runAttempt);
  if (Number.isSafeInteger(attempt) && attempt >= 1) return attempt;
  throw new ChainOfCustodyError(
    `Could not establish which attempt uploaded workflow artifact ${quote(artifact.name)}: its manifest records run attempt ${quote(String(manifest.producer.runAttempt))}.`,
    {
      subject: artifact.name,
      hint: "Manifests are written by `step: collect`; do not edit them. Re-run the collect job."
    }
  );
}

// src/custody/gather.ts
var GATHER_CONCURRENCY = 4;
async function readManifestFile(path, source) {
  if ((await stat(path)).size > MANIFEST_MAX_BYTES) {
    throw new ChainOfCustodyError(
      `Manifest ${quote(source)} is larger than ${MANIFEST_MAX_BYTES} bytes.`,
      {
        subject: source,
        hint: "Manifests are written by `step: collect`; do not edit them. Re-run the collect job."
      }
    );
  }
  return { source, manifest: parseManifest(await readFile(path, "utf8"), source) };
}
async function manifestsOfThisJob(runnerTemp) {
  const root = join(runnerTemp, "release-action", "collect");
  const names = await readdir(root).catch(() => []);
  const found = [];
  for (const name of names.sort()) {
    const path = join(root, name, MANIFEST_FILENAME);
    const exists = await stat(path).then(
      (info) => info.isFile(),
      () => false
    );
    if (exists) found.push(await readManifestFile(path, `${name}/${MANIFEST_FILENAME}`));
  }
  return found;
}
function globToRegExp(pattern) {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`);
}
async function checkAgainstManifests(paths, manifests) {
  const release = oneRelease(manifests);
  const expected = expectedFiles(manifests);
  const present = new Set(paths.map((path) => basename(path)));
  for (const [filename, { source }] of expected) {
    if (!present.has(filename)) {
      throw new ChainOfCustodyError(
        `${quote(filename)} is listed in manifest ${quote(source)} but the file is missing.`,
        {
          subject: filename,
          hint: "A file was lost between `collect` and this step. Re-run the build job that produced it."
        }
      );
    }
  }
  for (const path of paths) {
    const filename = basename(path);
    if (!expected.has(filename)) {
      throw new ChainOfCustodyError(
        `${quote(filename)} is not listed in any manifest written by \`collect\`.`,
        {
          subject: filename,
          hint: "Only files recorded by `step: collect` can be signed or published. Run collect in the job that builds it."
        }
      );
    }
  }
  const { digests } = await digestFiles(paths, GATHER_CONCURRENCY);
  const files = paths.map((path) => {
    const entry = expected.get(basename(path));
    compareDigests(basename(path), entry, digests.get(path));
    return { ...entry.file, path, commit: entry.commit };
  });
  files.sort((a, b) => a.filename < b.filename ? -1 : 1);
  return { ...release, files };
}
function compareDigests(filename, entry, actual) {
  const { file, source } = entry;
  if (file.sha256 === actual.sha256 && file.blake2b256 === actual.blake2b256 && file.size === actual.size)
    return;
  throw new ChainOfCustodyError(
    `${quote(filename)} does not match the digest recorded by \`collect\`: manifest ${quote(source)} records sha256 ${file.sha256}, the file has sha256 ${actual.sha256}.`,
    {
      subject: filename,
      hint: "The file changed after it was built. Nothing was signed or uploaded. Find out what modified it, then re-run the build."
    }
  );
}
function oneRelease(manifests) {
  const first = manifests[0];
  if (!first) {
    throw new ChainOfCustodyError("No manifest from `step: collect` was found.", {
      hint: "Run `step: collect` in the build job(s) first."
    });
  }
  const { project, name, version } = first.manifest;
  const other = manifests.find(
    (m) => m.manifest.project !== project || m.manifest.version !== version
  );
  if (other) {
    throw new DistributionError(
      `The manifests describe two releases: ${quote(`${project} ${version}`)} (${quote(first.source)}) and ${quote(`${other.manifest.project} ${other.manifest.version}`)} (${quote(other.source)}).`,
      {
        subject: other.source,
        hint: "Gather one release at a time: narrow `artifact-pattern` or clean `packages-dir`."
      }
    );
  }
  return { project, name, version };
}
function expectedFiles(manifests) {
  const expected = /* @__PURE__ */ new Map();
  for (const { source, manifest } of manifests) {
    for (const file of manifest.files) {
      const seen = expected.get(file.filename);
      if (seen && (seen.file.sha256 !== file.sha256 || seen.file.blake2b256 !== file.blake2b256)) {
        throw new ChainOfCustodyError(
          `${quote(file.filename)} was built twice with different contents: ${quote(seen.source)} records sha256 ${seen.file.sha256}, ${quote(source)} records sha256 ${file.sha256}.`,
          {
            subject: file.filename,
            hint: "Two build jobs produced the same filename. Make each job build distinct files (e.g. one platform per job)."
          }
        );
      }
      if (!seen) expected.set(file.filename, { file, source, commit: manifest.producer.sha });
    }
  }
  return expected;
}
async function gatherFromArtifacts(store, pattern, downloadRoot, outputDir, runAttempt) {
  const matcher = globToRegExp(pattern);
  const listed = (await store.list()).filter((artifact) => matcher.test(artifact.name));
  if (listed.length === 0) {
    throw new ChainOfCustodyError(`No workflow artifact matches ${quote(pattern)}.`, {
      subject: "artifact-pattern",
      hint: "Make this job `needs:` the build jobs that ran `step: collect` (with upload-artifact: true), and keep `artifact-pattern` in line with their `artifact-name`."
    });
  }
  for (const artifact of listed) checkFolderName(artifact);
  const { newest, ignored: sameName } = newestPerName(listed);
  const downloaded = [];
  for (const artifact of newest.sort((a, b) => a.name < b.name ? -1 : 1)) {
    const dir = joinFileName(downloadRoot, artifact.name);
    if (!dir) throw folderNameError(artifact, "it leaves the download folder");
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await downloadOne(store, artifact, dir);
    const loaded = await manifestInArtifact(dir, artifact.name);
    checkAttribution(artifact, loaded.manifest);
    downloaded.push({ artifact, manifest: loaded.manifest, dir, loaded });
  }
  const { kept, ignored } = latestAttempts(downloaded, Number(runAttempt) || 1);
  const checked = [];
  for (const { artifact, dir, loaded } of kept.sort(
    (a, b) => a.artifact.name < b.artifact.name ? -1 : 1
  )) {
    checked.push(
      await checkAgainstManifests(await listDistributionFiles(dir, artifact.name), [loaded])
    );
  }
  const merged = checkMerge(
    checked,
    kept.map((k) => k.loaded)
  );
  await mkdir(outputDir, { recursive: true });
  const files = await mapLimit(merged.files, GATHER_CONCURRENCY, async (file) => {
    const target = joinFileName(outputDir, file.filename);
    if (!target) throw notAFileName(file.filename);
    await copyFile(file.path, target);
    return { ...file, path: target };
  });
  return {
    ...merged,
    files,
    artifacts: kept.map((k) => k.artifact),
    ignored: [...sameName, ...ignored]
  };
}
function notAFileName(filename) {
  return new ChainOfCustodyError(
    `${quote(filename)} cannot be written as a file here: ${fileNameProblem(filename) ?? "the name leaves its folder"}.`,
    {
      subject: filename,
      hint: "Nothing was signed. Rename the distribution to a plain wheel or sdist name and build again."
    }
  );
}
function checkFolderName(artifact) {
  const problem = fileNameProblem(artifact.name);
  if (problem) throw folderNameError(artifact, problem);
}
function folderNameError(artifact, problem) {
  return new ChainOfCustodyError(
    `The artifact service listed an artifact named ${quote(artifact.name)}, which cannot be a folder name: ${problem}.`,
    {
      subject: "artifact-pattern",
      hint: "Nothing was downloaded or signed. Artifacts uploaded by `step: collect` have plain names; find the job that uploaded this one."
    }
  );
}
async function downloadOne(store, artifact, dir) {
  try {
    await store.download(artifact, dir);
  } catch (error) {
    if (!(error instanceof ServiceError) || !/\b404\b|not found/i.test(error.message)) throw error;
    throw new ServiceError(
      `${error.message} If it was uploaded by an earlier attempt of a re-run job, GitHub may list it without serving it; what it holds, and so whether the re-run superseded it, cannot be established.`,
      {
        cause: error,
        subject: artifact.name,
        hint: "Nothing was signed. Re-run all jobs of the workflow (a full re-run builds every job again), or give each build job its own `artifact-name` (e.g. `dists-${{ matrix.os }}`): a re-run then supersedes the earlier artifact by name, without downloading it."
      }
    );
  }
}
function checkAttribution(artifact, manifest) {
  const uploader = artifact.uploaderJobId;
  if (!uploader) {
    throw new ChainOfCustodyError(
      `Could not establish which job uploaded workflow artifact ${quote(artifact.name)}: the artifact service's listing names no uploading job for it.`,
      {
        subject: artifact.name,
        hint: "Nothing was signed. Re-run the job; if it persists, use `from: folder` with files you downloaded yourself only if you trust every job of the run."
      }
    );
  }
  const claimed = manifest.producer.jobBackendId;
  const named = new RegExp(`^${ARTIFACT_NAME_PREFIX}.+-([0-9a-f]{12})$`).exec(artifact.name)?.[1];
  const mismatch = claimed && claimed !== uploader ? "its manifest names another job as its producer" : named && named !== jobNameDigest(uploader) ? "its name belongs to another job" : void 0;
  if (!mismatch) return;
  throw new ChainOfCustodyError(
    `Workflow artifact ${quote(artifact.name)} was uploaded by a different job than the one that collected it: ${mismatch}. Files in it: ${manifest.files.map((f) => quote(f.filename)).join(", ")}.`,
    {
      subject: artifact.name,
      hint: "An artifact was replaced after `collect` uploaded it. Nothing was signed. Find the job that replaced it, then re-run the workflow."
    }
  );
}
async function manifestInArtifact(dir, artifactName) {
  const names = await readdir(dir);
  if (!names.includes(MANIFEST_FILENAME)) {
    throw new ChainOfCustodyError(
      `Workflow artifact ${quote(artifactName)} holds no ${MANIFEST_FILENAME}.`,
      {
        subject: artifactName,
        hint: "Only artifacts uploaded by `step: collect` can be gathered; narrow `artifact-pattern` to them."
      }
    );
  }
  return readManifestFile(join(dir, MANIFEST_FILENAME), `${artifactName}/${MANIFEST_FILENAME}`);
}
function checkMerge(checked, manifests) {
  oneRelease(manifests);
  expectedFiles(manifests);
  const unique = /* @__PURE__ */ new Map();
  for (const part of checked)
    for (const file of part.files) if (!unique.has(file.filename)) unique.set(file.filename, file);
  const first = checked[0];
  return {
    ...first,
    files: [...unique.values()].sort((a, b) => a.filename < b.filename ? -1 : 1)
  };
}

export {
  readManifestFile,
  manifestsOfThisJob,
  globToRegExp,
  checkAgainstManifests,
  gatherFromArtifacts,
  checkAttribution
};
