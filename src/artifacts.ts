/**
 * Workflow artifact transfer behind a narrow interface. The action composes `@actions/artifact`
 * (the runner's own client); steps and tests only see `ArtifactStore`.
 */
import { EnvironmentError, ServiceError } from './errors.ts';
import type { RunnerEnv } from './runner-env.ts';
import { quote } from './text.ts';

export interface StoredArtifact {
  id: number;
  name: string;
  size: number;
  digest?: string;
}

export interface ArtifactStore {
  /** Uploads `files` (absolute paths under `rootDirectory`) as one artifact named `name`. */
  upload(name: string, files: string[], rootDirectory: string): Promise<StoredArtifact>;
  /** Artifacts of the current workflow run. */
  list(): Promise<StoredArtifact[]>;
  /** Downloads and unpacks one artifact into `directory`. */
  download(artifact: StoredArtifact, directory: string): Promise<void>;
}

/** Wheels and sdists are compressed already: storing them saves CPU and time. */
const ARTIFACT_COMPRESSION_LEVEL = 0;

/** Fails early, with the fix, when the runner gave no artifact service credentials. */
export function requireArtifactService(env: RunnerEnv, input: string): void {
  if (env.runtimeToken && env.resultsUrl) return;
  throw new EnvironmentError(
    'The workflow artifact service is not available (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set).',
    {
      subject: input,
      hint: `Run this step inside a GitHub Actions job, or set \`${input}: false\` to skip artifacts when running it elsewhere.`,
    },
  );
}

export function createArtifactStore(): ArtifactStore {
  // The client (and Azure's storage SDK under it) loads only when an artifact moves: a step that
  // runs with upload-artifact: false starts without it.
  let loaded: Promise<import('@actions/artifact').ArtifactClient> | undefined;
  const artifactClient = () =>
    (loaded ??= import('@actions/artifact').then(
      ({ DefaultArtifactClient }) => new DefaultArtifactClient(),
    ));
  return {
    async upload(name, files, rootDirectory) {
      try {
        const result = await (
          await artifactClient()
        ).uploadArtifact(name, files, rootDirectory, {
          compressionLevel: ARTIFACT_COMPRESSION_LEVEL,
        });
        return { id: result.id ?? 0, name, size: result.size ?? 0, digest: result.digest };
      } catch (error) {
        throw uploadFailure(name, error);
      }
    },
    async list() {
      try {
        const { artifacts } = await (await artifactClient()).listArtifacts({ latest: true });
        return artifacts.map(({ id, name, size, digest }) => ({ id, name, size, digest }));
      } catch (error) {
        throw new ServiceError(`Failed to list workflow artifacts: ${messageOf(error)}`, {
          cause: error,
          hint: 'Check that the jobs that ran `step: collect` finished in this workflow run.',
        });
      }
    },
    async download(artifact, directory) {
      try {
        await (await artifactClient()).downloadArtifact(artifact.id, { path: directory });
      } catch (error) {
        throw new ServiceError(
          `Failed to download workflow artifact ${quote(artifact.name)}: ${messageOf(error)}`,
          {
            cause: error,
            subject: artifact.name,
            hint: 'Re-run the job; the artifact service may have failed.',
          },
        );
      }
    },
  };
}

function uploadFailure(name: string, error: unknown): ServiceError {
  const message = messageOf(error);
  if (/\(409\)|already exists/i.test(message)) {
    return new ServiceError(
      `Failed to upload workflow artifact ${quote(name)}: the name is already taken in this workflow run.`,
      {
        cause: error,
        subject: 'artifact-name',
        hint: 'Leave `artifact-name` empty to get a name unique to each job, or make it differ per matrix job, e.g. `dists-${{ matrix.os }}-${{ matrix.python }}`.',
      },
    );
  }
  return new ServiceError(`Failed to upload workflow artifact ${quote(name)}: ${message}`, {
    cause: error,
    retryable: true,
    hint: 'Re-run the job; nothing was released yet.',
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
