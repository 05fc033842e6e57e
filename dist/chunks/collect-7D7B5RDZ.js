import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  applyIndexRules
} from "./chunk-Z3TBBPWE.js";
import {
  checkConsistency,
  inspectDistribution
} from "./chunk-G2YOVFT2.js";
import "./chunk-S7NFOUJH.js";
import {
  MANIFEST_FILENAME,
  MANIFEST_MEDIA_TYPE,
  serializeManifest,
  sha256sumLines
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
  listDistributionFiles,
  resolveWorkspaceDir
} from "./chunk-CK2J3INV.js";
import "./chunk-AFO7ECMN.js";
import "./chunk-43E5VB6N.js";
import "./chunk-GBGIRKK7.js";
import {
  requireArtifactService
} from "./chunk-P6AGHBZ5.js";
import "./chunk-5PYYBJ6L.js";
import {
  defaultArtifactName,
  jobBackendId
} from "./chunk-UPFIIRK2.js";
import "./chunk-3MYLBHU6.js";
import "./chunk-742OCXHB.js";
import {
  formatBytes,
  quote
} from "./chunk-QPC3R6K2.js";
import {
  DistributionError
} from "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";

// src/steps/collect.ts
import { link, copyFile, mkdir as mkdir2, rm, writeFile } from "node:fs/promises";
import { basename as basename2, join as join2 } from "node:path";

// src/distributions/staging.ts
import { constants } from "node:fs";
import { mkdir, mkdtemp, open } from "node:fs/promises";
import { basename, join } from "node:path";
import { pipeline } from "node:stream/promises";
async function copyToPrivateFolder(root, paths) {
  await mkdir(root, { recursive: true });
  const folder = await mkdtemp(join(root, "staging-"));
  const copies = [];
  for (const path of paths) {
    const target = joinFileName(folder, basename(path));
    if (!target) throw notAFileName(path);
    const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
    const source = await open(path, flags).catch(() => {
      throw swapped(path);
    });
    try {
      if (!(await source.stat()).isFile()) throw swapped(path);
      const sink = await open(target, "wx", 256);
      await pipeline(source.createReadStream({ autoClose: false }), sink.createWriteStream());
    } finally {
      await source.close();
    }
    copies.push(target);
  }
  return copies;
}
function swapped(path) {
  const name = basename(path);
  return new DistributionError(`${quote(name)} changed into a link or folder while being read.`, {
    subject: name,
    hint: "Nothing may change packages-dir while collect runs: stop background processes from the build first."
  });
}
function notAFileName(path) {
  const name = basename(path);
  return new DistributionError(
    `${quote(name)} cannot be copied under its own name: ${fileNameProblem(name) ?? "it leaves the folder"}.`,
    { subject: name, hint: "Rename the file to a plain wheel or sdist name." }
  );
}

// src/steps/collect.ts
var COLLECT_CONCURRENCY = 4;
async function runCollect(settings, env, { io, artifacts }) {
  if (settings.uploadArtifact) requireArtifactService(env, "upload-artifact");
  const dir = await resolveWorkspaceDir("packages-dir", settings.packagesDir, env.workspace);
  const inspected = await io.group("Inspecting distributions", async () => {
    const found = await listDistributionFiles(dir, "packages-dir");
    const root = join2(env.runnerTemp, "release-action", "collect-staging");
    const paths = await copyToPrivateFolder(root, found);
    const list = await mapLimit(paths, COLLECT_CONCURRENCY, inspectDistribution);
    const release = checkConsistency(list, settings.expectedVersion);
    await applyIndexRules(list, settings.indexRules, (m) => io.warning(m), "nothing was uploaded");
    io.result(`${release.name} ${release.version}: ${list.length} distribution(s) are valid`);
    return { list, release };
  });
  const files = await io.group("Computing digests", async () => {
    const { digests, threads } = await digestFiles(
      inspected.list.map((dist) => dist.path),
      COLLECT_CONCURRENCY
    );
    if (threads > 0) io.info(`Hashed ${digests.size} file(s) on ${threads} worker threads.`);
    const entries = inspected.list.map(
      (dist) => toManifestFile(dist, digests.get(dist.path))
    );
    for (const file of entries)
      io.info(`${file.sha256}  ${file.filename} (${formatBytes(file.size)})`);
    return entries;
  });
  const manifest = {
    mediaType: MANIFEST_MEDIA_TYPE,
    project: inspected.release.project,
    name: inspected.release.name,
    version: inspected.release.version,
    producer: {
      ...jobBackendId(env.runtimeToken) ? { jobBackendId: jobBackendId(env.runtimeToken) } : {},
      repository: env.repository,
      runId: env.runId,
      runAttempt: env.runAttempt,
      job: env.job,
      sha: env.sha,
      ref: env.ref
    },
    files
  };
  const artifactName = settings.artifactName ?? defaultArtifactName(
    env,
    files.map((f) => f.filename)
  );
  const staging = await stage(env.runnerTemp, artifactName, inspected.list, manifest);
  io.setOutput("artifact-name", artifactName);
  io.setOutput("manifest", staging.manifestPath);
  io.setOutput("version", manifest.version);
  io.setOutput("files", JSON.stringify(files.map((f) => f.filename)));
  io.setOutput("hashes", Buffer.from(sha256sumLines(files)).toString("base64"));
  if (settings.uploadArtifact) {
    await io.group("Uploading workflow artifact", async () => {
      const stored = await (await artifacts()).upload(artifactName, staging.paths, staging.dir);
      io.result(
        `Uploaded artifact ${artifactName} (${files.length} file(s) + manifest, ${formatBytes(stored.size)})`
      );
    });
  }
  await writeSummary(io, manifest, settings.uploadArtifact ? artifactName : void 0);
  return {
    manifest,
    manifestPath: staging.manifestPath,
    artifactName,
    uploaded: settings.uploadArtifact
  };
}
function toManifestFile(dist, digests) {
  const { parsed } = dist;
  const tags = parsed.kind === "wheel" ? {
    python: parsed.pythonTags,
    abi: parsed.abiTags,
    platform: parsed.platformTags,
    ...parsed.build === void 0 ? {} : { build: parsed.build }
  } : { python: [], abi: [], platform: [] };
  return {
    filename: parsed.filename,
    kind: parsed.kind,
    ...digests,
    metadataVersion: dist.metadata.metadataVersion,
    tags
  };
}
async function stage(runnerTemp, artifactName, list, manifest) {
  const dir = join2(runnerTemp, "release-action", "collect", artifactName);
  await rm(dir, { recursive: true, force: true });
  await mkdir2(dir, { recursive: true });
  const paths = await mapLimit(list, COLLECT_CONCURRENCY, async (dist) => {
    const target = join2(dir, basename2(dist.path));
    await link(dist.path, target).catch(() => copyFile(dist.path, target));
    return target;
  });
  const manifestPath = join2(dir, MANIFEST_FILENAME);
  await writeFile(manifestPath, serializeManifest(manifest));
  return { dir, paths: [...paths, manifestPath], manifestPath };
}
async function writeSummary(io, manifest, artifactName) {
  const rows = [
    ["File", "Size", "SHA-256"],
    ...manifest.files.map((f) => [f.filename, formatBytes(f.size), f.sha256])
  ];
  const where = artifactName ? `Uploaded as workflow artifact \`${artifactName}\`.` : "Not uploaded (upload-artifact: false).";
  await io.summaryTable(`Collected ${manifest.name} ${manifest.version}`, rows, where);
}
export {
  COLLECT_CONCURRENCY,
  runCollect
};
