/**
 * `step: collect` — runs in each build job: finds the wheels and sdists, checks them, streams
 * their digests, writes the manifest and uploads files + manifest as one workflow artifact.
 */
import { link, copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { defaultArtifactName, jobBackendId } from '../config/artifact-name.ts';
import { requireArtifactService, type ArtifactStore } from '../github/artifacts.ts';
import { mapLimit } from '../core/concurrency.ts';
import type { FileDigests } from '../digests/digest.ts';
import { digestFiles } from '../digests/hash-pool.ts';
import { checkConsistency, inspectDistribution } from '../distributions/inspect.ts';
import { copyToPrivateFolder } from '../distributions/staging.ts';
import type { InspectedDistribution } from '../distributions/types.ts';
import { applyIndexRules } from '../pypi/rules/index.ts';
import type { CollectSettings } from '../config/inputs.ts';
import type { StepIO } from '../core/io.ts';
import {
  MANIFEST_FILENAME,
  MANIFEST_MEDIA_TYPE,
  serializeManifest,
  sha256sumLines,
  type Manifest,
  type ManifestFile,
} from '../custody/manifest.ts';
import type { RunnerEnv } from '../config/runner-env.ts';
import { formatBytes } from '../core/text.ts';
import { listDistributionFiles, resolveWorkspaceDir } from '../core/workspace-files.ts';

/** Files inspected or hashed at once: enough to overlap I/O on two cores. */
export const COLLECT_CONCURRENCY = 4;

export interface CollectDeps {
  io: StepIO;
  artifacts: () => Promise<ArtifactStore>;
}

export interface CollectResult {
  manifest: Manifest;
  manifestPath: string;
  artifactName: string;
  uploaded: boolean;
}

export async function runCollect(
  settings: CollectSettings,
  env: RunnerEnv,
  { io, artifacts }: CollectDeps,
): Promise<CollectResult> {
  if (settings.uploadArtifact) requireArtifactService(env, 'upload-artifact');
  const dir = await resolveWorkspaceDir('packages-dir', settings.packagesDir, env.workspace);

  const inspected = await io.group('Inspecting distributions', async () => {
    const found = await listDistributionFiles(dir, 'packages-dir');
    // Inspect, hash and upload one private copy: a file swapped in packages-dir meanwhile
    // cannot change what is recorded.
    const root = join(env.runnerTemp, 'release-action', 'collect-staging');
    const paths = await copyToPrivateFolder(root, found);
    const list = await mapLimit(paths, COLLECT_CONCURRENCY, inspectDistribution);
    const release = checkConsistency(list, settings.expectedVersion);
    // PyPI's own rules, here in the build job: nothing is uploaded or signed if one fails.
    await applyIndexRules(list, settings.indexRules, (m) => io.warning(m), 'nothing was uploaded');
    io.result(`${release.name} ${release.version}: ${list.length} distribution(s) are valid`);
    return { list, release };
  });

  const files = await io.group('Computing digests', async () => {
    const { digests, threads } = await digestFiles(
      inspected.list.map((dist) => dist.path),
      COLLECT_CONCURRENCY,
    );
    if (threads > 0) io.info(`Hashed ${digests.size} file(s) on ${threads} worker threads.`);
    const entries = inspected.list.map((dist) =>
      toManifestFile(dist, digests.get(dist.path) as FileDigests),
    );
    for (const file of entries)
      io.info(`${file.sha256}  ${file.filename} (${formatBytes(file.size)})`);
    return entries;
  });

  const manifest: Manifest = {
    mediaType: MANIFEST_MEDIA_TYPE,
    project: inspected.release.project,
    name: inspected.release.name,
    version: inspected.release.version,
    producer: {
      ...(jobBackendId(env.runtimeToken)
        ? { jobBackendId: jobBackendId(env.runtimeToken) as string }
        : {}),
      repository: env.repository,
      runId: env.runId,
      runAttempt: env.runAttempt,
      job: env.job,
      sha: env.sha,
      ref: env.ref,
    },
    files,
  };
  const artifactName =
    settings.artifactName ??
    defaultArtifactName(
      env,
      files.map((f) => f.filename),
    );
  const staging = await stage(env.runnerTemp, artifactName, inspected.list, manifest);
  io.setOutput('artifact-name', artifactName);
  io.setOutput('manifest', staging.manifestPath);
  io.setOutput('version', manifest.version);
  io.setOutput('files', JSON.stringify(files.map((f) => f.filename)));
  io.setOutput('hashes', Buffer.from(sha256sumLines(files)).toString('base64'));

  if (settings.uploadArtifact) {
    await io.group('Uploading workflow artifact', async () => {
      const stored = await (await artifacts()).upload(artifactName, staging.paths, staging.dir);
      io.result(
        `Uploaded artifact ${artifactName} (${files.length} file(s) + manifest, ${formatBytes(stored.size)})`,
      );
    });
  }
  await writeSummary(io, manifest, settings.uploadArtifact ? artifactName : undefined);
  return {
    manifest,
    manifestPath: staging.manifestPath,
    artifactName,
    uploaded: settings.uploadArtifact,
  };
}

function toManifestFile(dist: InspectedDistribution, digests: FileDigests): ManifestFile {
  const { parsed } = dist;
  const tags =
    parsed.kind === 'wheel'
      ? {
          python: parsed.pythonTags,
          abi: parsed.abiTags,
          platform: parsed.platformTags,
          ...(parsed.build === undefined ? {} : { build: parsed.build }),
        }
      : { python: [], abi: [], platform: [] };
  return {
    filename: parsed.filename,
    kind: parsed.kind,
    ...digests,
    metadataVersion: dist.metadata.metadataVersion,
    tags,
  };
}

/**
 * Puts the files (hard links where possible: no copy of big wheels) and the manifest in one
 * folder under RUNNER_TEMP, so the artifact holds exactly those and `packages-dir` stays clean.
 */
async function stage(
  runnerTemp: string,
  artifactName: string,
  list: InspectedDistribution[],
  manifest: Manifest,
): Promise<{ dir: string; paths: string[]; manifestPath: string }> {
  const dir = join(runnerTemp, 'release-action', 'collect', artifactName);
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

async function writeSummary(io: StepIO, manifest: Manifest, artifactName?: string): Promise<void> {
  const rows = [
    ['File', 'Size', 'SHA-256'],
    ...manifest.files.map((f) => [f.filename, formatBytes(f.size), f.sha256]),
  ];
  const where = artifactName
    ? `Uploaded as workflow artifact \`${artifactName}\`.`
    : 'Not uploaded (upload-artifact: false).';
  await io.summaryTable(`Collected ${manifest.name} ${manifest.version}`, rows, where);
}
