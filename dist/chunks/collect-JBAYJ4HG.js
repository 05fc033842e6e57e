import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  applyIndexRules
} from "./chunk-5QTPN45M.js";
import {
  checkConsistency,
  inspectDistribution
} from "./chunk-H4EK4JLC.js";
import "./chunk-CTDMPWAM.js";
import "./chunk-AFO7ECMN.js";
import "./chunk-GBGIRKK7.js";
import {
  requireArtifactService
} from "./chunk-NT2YJEEV.js";
import "./chunk-W5BDAIDM.js";
import {
  MANIFEST_FILENAME,
  MANIFEST_MEDIA_TYPE,
  serializeManifest,
  sha256sumLines
} from "./chunk-7IUKJJE6.js";
import {
  digestFiles
} from "./chunk-CMZXHTQP.js";
import {
  mapLimit
} from "./chunk-35R7A2X5.js";
import {
  listDistributionFiles,
  resolveWorkspaceDir
} from "./chunk-KHH67LAP.js";
import "./chunk-43E5VB6N.js";
import {
  defaultArtifactName,
  jobBackendId
} from "./chunk-UPFIIRK2.js";
import {
  formatBytes
} from "./chunk-QPC3R6K2.js";
import "./chunk-JATCWPVQ.js";
import "./chunk-OHTIYD5V.js";

// src/steps/collect.ts
import { link, copyFile, mkdir, rm, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
var COLLECT_CONCURRENCY = 4;
async function runCollect(settings, env, { io, artifacts }) {
  if (settings.uploadArtifact) requireArtifactService(env, "upload-artifact");
  const dir = await resolveWorkspaceDir("packages-dir", settings.packagesDir, env.workspace);
  const inspected = await io.group("Inspecting distributions", async () => {
    const paths = await listDistributionFiles(dir, "packages-dir");
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
  const dir = join(runnerTemp, "release-action", "collect", artifactName);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const paths = await mapLimit(list, COLLECT_CONCURRENCY, async (dist) => {
    const target = join(dir, basename(dist.path));
    await link(dist.path, target).catch(() => copyFile(dist.path, target));
    return target;
  });
  const manifestPath = join(dir, MANIFEST_FILENAME);
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
