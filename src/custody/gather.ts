/**
 * Gathering distributions for signing or publishing, and the chain-of-custody check at that
 * hand-off: every file must be listed in a manifest `collect` wrote, with the same sha256 and
 * blake2b-256; every listed file must be there; one project, one version.
 */
import { copyFile, mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ARTIFACT_NAME_PREFIX, jobNameDigest } from '../config/artifact-name.ts';
import type { ArtifactStore, StoredArtifact } from '../github/artifacts.ts';
import { mapLimit } from '../core/concurrency.ts';
import type { FileDigests } from '../digests/digest.ts';
import { digestFiles } from '../digests/hash-pool.ts';
import { ChainOfCustodyError, DistributionError, ServiceError } from '../core/errors.ts';
import {
  latestAttempts,
  newestPerName,
  type ArtifactWithManifest,
  type IgnoredArtifact,
} from './attempts.ts';
import {
  MANIFEST_FILENAME,
  MANIFEST_MAX_BYTES,
  parseManifest,
  type Manifest,
  type ManifestFile,
} from './manifest.ts';
import { quote } from '../core/text.ts';
import { fileNameProblem, joinFileName, listDistributionFiles } from '../core/workspace-files.ts';

/** Files hashed at once. */
const GATHER_CONCURRENCY = 4;

export interface GatheredFile extends ManifestFile {
  path: string;
  /** The commit the collecting job built from (its manifest's producer). */
  commit: string;
}

export interface Gathered {
  project: string;
  name: string;
  version: string;
  /** Unique by filename, sorted. */
  files: GatheredFile[];
}

export interface LoadedManifest {
  source: string;
  manifest: Manifest;
}

export async function readManifestFile(path: string, source: string): Promise<LoadedManifest> {
  if ((await stat(path)).size > MANIFEST_MAX_BYTES) {
    throw new ChainOfCustodyError(
      `Manifest ${quote(source)} is larger than ${MANIFEST_MAX_BYTES} bytes.`,
      {
        subject: source,
        hint: 'Manifests are written by `step: collect`; do not edit them. Re-run the collect job.',
      },
    );
  }
  return { source, manifest: parseManifest(await readFile(path, 'utf8'), source) };
}

/** The manifests `collect` wrote in this job (folder mode: build, sign and release in one job). */
export async function manifestsOfThisJob(runnerTemp: string): Promise<LoadedManifest[]> {
  const root = join(runnerTemp, 'release-action', 'collect');
  const names = await readdir(root).catch(() => [] as string[]);
  const found: LoadedManifest[] = [];
  for (const name of names.sort()) {
    const path = join(root, name, MANIFEST_FILENAME);
    const exists = await stat(path).then(
      (info) => info.isFile(),
      () => false,
    );
    if (exists) found.push(await readManifestFile(path, `${name}/${MANIFEST_FILENAME}`));
  }
  return found;
}

/** `release-dists-*` style patterns: `*` any run of characters, `?` one character. */
export function globToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

/**
 * Checks files against manifests: a file not listed, a listed file missing, or a digest that
 * differs stops everything with the file's name and both digests.
 */
export async function checkAgainstManifests(
  paths: readonly string[],
  manifests: readonly LoadedManifest[],
): Promise<Gathered> {
  const release = oneRelease(manifests);
  const expected = expectedFiles(manifests);
  const present = new Set(paths.map((path) => basename(path)));
  for (const [filename, { source }] of expected) {
    if (!present.has(filename)) {
      throw new ChainOfCustodyError(
        `${quote(filename)} is listed in manifest ${quote(source)} but the file is missing.`,
        {
          subject: filename,
          hint: 'A file was lost between `collect` and this step. Re-run the build job that produced it.',
        },
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
          hint: 'Only files recorded by `step: collect` can be signed or published. Run collect in the job that builds it.',
        },
      );
    }
  }
  const { digests } = await digestFiles(paths, GATHER_CONCURRENCY);
  const files = paths.map((path) => {
    const entry = expected.get(basename(path)) as Expected;
    compareDigests(basename(path), entry, digests.get(path) as FileDigests);
    return { ...entry.file, path, commit: entry.commit };
  });
  files.sort((a, b) => (a.filename < b.filename ? -1 : 1));
  return { ...release, files };
}

function compareDigests(
  filename: string,
  entry: { file: ManifestFile; source: string },
  actual: FileDigests,
): void {
  const { file, source } = entry;
  if (
    file.sha256 === actual.sha256 &&
    file.blake2b256 === actual.blake2b256 &&
    file.size === actual.size
  )
    return;
  throw new ChainOfCustodyError(
    `${quote(filename)} does not match the digest recorded by \`collect\`: manifest ${quote(source)} records sha256 ${file.sha256}, the file has sha256 ${actual.sha256}.`,
    {
      subject: filename,
      hint: 'The file changed after it was built. Nothing was signed or uploaded. Find out what modified it, then re-run the build.',
    },
  );
}

function oneRelease(manifests: readonly LoadedManifest[]): Omit<Gathered, 'files'> {
  const first = manifests[0];
  if (!first) {
    throw new ChainOfCustodyError('No manifest from `step: collect` was found.', {
      hint: 'Run `step: collect` in the build job(s) first.',
    });
  }
  const { project, name, version } = first.manifest;
  const other = manifests.find(
    (m) => m.manifest.project !== project || m.manifest.version !== version,
  );
  if (other) {
    throw new DistributionError(
      `The manifests describe two releases: ${quote(`${project} ${version}`)} (${quote(first.source)}) and ${quote(`${other.manifest.project} ${other.manifest.version}`)} (${quote(other.source)}).`,
      {
        subject: other.source,
        hint: 'Gather one release at a time: narrow `artifact-pattern` or clean `packages-dir`.',
      },
    );
  }
  return { project, name, version };
}

interface Expected {
  file: ManifestFile;
  source: string;
  commit: string;
}

function expectedFiles(manifests: readonly LoadedManifest[]): Map<string, Expected> {
  const expected = new Map<string, Expected>();
  for (const { source, manifest } of manifests) {
    for (const file of manifest.files) {
      const seen = expected.get(file.filename);
      if (seen && (seen.file.sha256 !== file.sha256 || seen.file.blake2b256 !== file.blake2b256)) {
        throw new ChainOfCustodyError(
          `${quote(file.filename)} was built twice with different contents: ${quote(seen.source)} records sha256 ${seen.file.sha256}, ${quote(source)} records sha256 ${file.sha256}.`,
          {
            subject: file.filename,
            hint: 'Two build jobs produced the same filename. Make each job build distinct files (e.g. one platform per job).',
          },
        );
      }
      if (!seen) expected.set(file.filename, { file, source, commit: manifest.producer.sha });
    }
  }
  return expected;
}

/**
 * Downloads every artifact matching `pattern`, keeps per build job the artifact of its latest
 * run attempt (src/custody/attempts.ts), checks each kept one against its own manifest, then
 * copies the unique files into `outputDir`. `runAttempt` is this job's `GITHUB_RUN_ATTEMPT`;
 * `ignored` names the superseded artifacts.
 */
export async function gatherFromArtifacts(
  store: ArtifactStore,
  pattern: string,
  downloadRoot: string,
  outputDir: string,
  runAttempt: string,
): Promise<Gathered & { artifacts: StoredArtifact[]; ignored: IgnoredArtifact[] }> {
  const matcher = globToRegExp(pattern);
  const listed = (await store.list()).filter((artifact) => matcher.test(artifact.name));
  if (listed.length === 0) {
    throw new ChainOfCustodyError(`No workflow artifact matches ${quote(pattern)}.`, {
      subject: 'artifact-pattern',
      hint: 'Make this job `needs:` the build jobs that ran `step: collect` (with upload-artifact: true), and keep `artifact-pattern` in line with their `artifact-name`.',
    });
  }
  for (const artifact of listed) checkFolderName(artifact);
  const { newest, ignored: sameName } = newestPerName(listed);
  const downloaded: Array<ArtifactWithManifest & { dir: string; loaded: LoadedManifest }> = [];
  for (const artifact of newest.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    // checkFolderName passed: the name is one file name by this OS's rules.
    const dir = joinFileName(downloadRoot, artifact.name);
    if (!dir) throw folderNameError(artifact, 'it leaves the download folder');
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    await downloadOne(store, artifact, dir);
    const loaded = await manifestInArtifact(dir, artifact.name);
    checkAttribution(artifact, loaded.manifest);
    downloaded.push({ artifact, manifest: loaded.manifest, dir, loaded });
  }
  const { kept, ignored } = latestAttempts(downloaded, Number(runAttempt) || 1);
  const checked: Gathered[] = [];
  for (const { artifact, dir, loaded } of kept.sort((a, b) =>
    a.artifact.name < b.artifact.name ? -1 : 1,
  )) {
    checked.push(
      await checkAgainstManifests(await listDistributionFiles(dir, artifact.name), [loaded]),
    );
  }
  const merged = checkMerge(
    checked,
    kept.map((k) => k.loaded),
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
    ignored: [...sameName, ...ignored],
  };
}

/** A distribution's name that cannot be a file name here (listed names are; this is a guard). */
function notAFileName(filename: string): ChainOfCustodyError {
  return new ChainOfCustodyError(
    `${quote(filename)} cannot be written as a file here: ${fileNameProblem(filename) ?? 'the name leaves its folder'}.`,
    {
      subject: filename,
      hint: 'Nothing was signed. Rename the distribution to a plain wheel or sdist name and build again.',
    },
  );
}

/** The name becomes a folder that is emptied first: a listed `..` must not empty its parent. */
function checkFolderName(artifact: StoredArtifact): void {
  const problem = fileNameProblem(artifact.name);
  if (problem) throw folderNameError(artifact, problem);
}

function folderNameError(artifact: StoredArtifact, problem: string): ChainOfCustodyError {
  return new ChainOfCustodyError(
    `The artifact service listed an artifact named ${quote(artifact.name)}, which cannot be a folder name: ${problem}.`,
    {
      subject: 'artifact-pattern',
      hint: 'Nothing was downloaded or signed. Artifacts uploaded by `step: collect` have plain names; find the job that uploaded this one.',
    },
  );
}

/**
 * Downloads one artifact. What an artifact that cannot be downloaded held cannot be known, so
 * whether a re-run superseded it cannot be either: the step stops, naming the way around.
 */
async function downloadOne(
  store: ArtifactStore,
  artifact: StoredArtifact,
  dir: string,
): Promise<void> {
  try {
    await store.download(artifact, dir);
  } catch (error) {
    // GitHub answers 404 "workflow run not found" for some earlier attempts' artifacts.
    if (!(error instanceof ServiceError) || !/\b404\b|not found/i.test(error.message)) throw error;
    throw new ServiceError(
      `${error.message} If it was uploaded by an earlier attempt of a re-run job, GitHub may list it without serving it; what it holds, and so whether the re-run superseded it, cannot be established.`,
      {
        cause: error,
        subject: artifact.name,
        hint: 'Nothing was signed. Re-run all jobs of the workflow (a full re-run builds every job again), or give each build job its own `artifact-name` (e.g. `dists-${{ matrix.os }}`): a re-run then supersedes the earlier artifact by name, without downloading it.',
      },
    );
  }
}

/**
 * The artifact must come from the job its manifest and its default name say it comes from: a
 * job that deletes another job's artifact and uploads a look-alike (files and a manifest edited
 * to match) is refused, because the artifact service attributes every upload to its job.
 */
export function checkAttribution(artifact: StoredArtifact, manifest: Manifest): void {
  const uploader = artifact.uploaderJobId;
  if (!uploader) {
    // Without the service's attribution a look-alike cannot be told from the original.
    throw new ChainOfCustodyError(
      `Could not establish which job uploaded workflow artifact ${quote(artifact.name)}: the artifact service's listing names no uploading job for it.`,
      {
        subject: artifact.name,
        hint: 'Nothing was signed. Re-run the job; if it persists, use `from: folder` with files you downloaded yourself only if you trust every job of the run.',
      },
    );
  }
  const claimed = manifest.producer.jobBackendId;
  const named = new RegExp(`^${ARTIFACT_NAME_PREFIX}.+-([0-9a-f]{12})$`).exec(artifact.name)?.[1];
  const mismatch =
    claimed && claimed !== uploader
      ? 'its manifest names another job as its producer'
      : named && named !== jobNameDigest(uploader)
        ? 'its name belongs to another job'
        : undefined;
  if (!mismatch) return;
  throw new ChainOfCustodyError(
    `Workflow artifact ${quote(artifact.name)} was uploaded by a different job than the one that collected it: ${mismatch}. Files in it: ${manifest.files.map((f) => quote(f.filename)).join(', ')}.`,
    {
      subject: artifact.name,
      hint: 'An artifact was replaced after `collect` uploaded it. Nothing was signed. Find the job that replaced it, then re-run the workflow.',
    },
  );
}

async function manifestInArtifact(dir: string, artifactName: string): Promise<LoadedManifest> {
  const names = await readdir(dir);
  if (!names.includes(MANIFEST_FILENAME)) {
    throw new ChainOfCustodyError(
      `Workflow artifact ${quote(artifactName)} holds no ${MANIFEST_FILENAME}.`,
      {
        subject: artifactName,
        hint: 'Only artifacts uploaded by `step: collect` can be gathered; narrow `artifact-pattern` to them.',
      },
    );
  }
  return readManifestFile(join(dir, MANIFEST_FILENAME), `${artifactName}/${MANIFEST_FILENAME}`);
}

/** Merges per-artifact results: same name and digests counts once, else an error. */
function checkMerge(checked: Gathered[], manifests: LoadedManifest[]): Gathered {
  oneRelease(manifests);
  expectedFiles(manifests);
  const unique = new Map<string, GatheredFile>();
  for (const part of checked)
    for (const file of part.files) if (!unique.has(file.filename)) unique.set(file.filename, file);
  const first = checked[0] as Gathered;
  return {
    ...first,
    files: [...unique.values()].sort((a, b) => (a.filename < b.filename ? -1 : 1)),
  };
}
