/**
 * Workflow artifact transfer behind a narrow interface. The action composes `@actions/artifact`
 * (the runner's own client); steps and tests only see `ArtifactStore`.
 */
import { EnvironmentError, ServiceError } from '../core/errors.ts';
import { runtimeIds } from '../config/artifact-name.ts';
import { isObject, kindOf, MAX_SERVICE_ANSWER_BYTES, readJsonObject } from '../http/answer.ts';
import { fetchWithRetry } from '../http/fetch.ts';
import { retryPolicyFor, type RetryPolicy } from '../http/retry.ts';
import { isEnterpriseServer, type RunnerEnv } from '../config/runner-env.ts';
import { quote } from '../core/text.ts';

export interface StoredArtifact {
  id: number;
  name: string;
  size: number;
  digest?: string;
  /** The backend id of the job that uploaded it, as the artifact service recorded it. */
  uploaderJobId?: string;
}

export interface ArtifactStore {
  /** Uploads `files` (absolute paths under `rootDirectory`) as one artifact named `name`. */
  upload(name: string, files: string[], rootDirectory: string): Promise<StoredArtifact>;
  /**
   * Artifacts of the current workflow run, of every attempt, same-named ones included (which
   * of them count is the caller's rule: src/custody/attempts.ts).
   */
  list(): Promise<StoredArtifact[]>;
  /** Downloads and unpacks one artifact into `directory`. */
  download(artifact: StoredArtifact, directory: string): Promise<void>;
}

/** Wheels and sdists are compressed already: storing them saves CPU and time. */
const ARTIFACT_COMPRESSION_LEVEL = 0;

/**
 * GitHub Enterprise Server has no artifact service that @actions/artifact 2+ can use (it throws
 * GHESNotSupportedError): say which topology works there instead of a retry hint.
 */
function enterpriseRefusal(env: RunnerEnv, input: string): EnvironmentError | undefined {
  if (!isEnterpriseServer(env.serverUrl)) return undefined;
  return new EnvironmentError(
    `${env.serverUrl} is a GitHub Enterprise Server, where workflow artifacts (@actions/artifact v2+) are not supported.`,
    {
      subject: input,
      hint: 'Do without workflow artifacts: let each build job run collect (`upload-artifact: false`), provenance and release (`from: folder`) on its own files, and publish from the release.',
    },
  );
}

/** Fails early, with the fix, when the runner gave no artifact service credentials. */
export function requireArtifactService(env: RunnerEnv, input: string): void {
  const refusal = enterpriseRefusal(env, input);
  if (refusal) throw refusal;
  if (env.runtimeToken && env.resultsUrl) return;
  throw new EnvironmentError(
    'The workflow artifact service is not available (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set).',
    {
      subject: input,
      hint: `Run this step inside a GitHub Actions job, or set \`${input}: false\` to skip artifacts when running it elsewhere.`,
    },
  );
}

/**
 * Which job uploaded each artifact of the run, as the artifact service itself recorded it (its
 * own ListArtifacts answer; @actions/artifact does not pass this on). An artifact replaced by
 * another job cannot pose as the original: the service attributes uploads by token.
 */
async function uploaderJobIds(env: RunnerEnv, policy: RetryPolicy): Promise<Map<number, string>> {
  const ids = runtimeIds(env.runtimeToken);
  if (!ids || !env.resultsUrl)
    throw new ServiceError(
      'Could not establish which job uploaded each workflow artifact: the runtime token names no run and job.',
      {
        hint: 'Run this step inside a GitHub Actions job, where the runner gives it ACTIONS_RUNTIME_TOKEN.',
      },
    );
  const url = new URL(
    '/twirp/github.actions.results.api.v1.ArtifactService/ListArtifacts',
    env.resultsUrl,
  );
  const response = await fetchWithRetry(
    url.toString(),
    () => ({
      method: 'POST',
      headers: { authorization: `Bearer ${env.runtimeToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        workflow_run_backend_id: ids.run,
        workflow_job_run_backend_id: ids.job,
      }),
    }),
    'list workflow artifacts',
    policy,
  );
  const unknown = (answer: string) =>
    new ServiceError(
      `Could not establish which job uploaded each workflow artifact: the artifact service's ListArtifacts answered ${answer}.`,
      {
        hint: 'Nothing was gathered or signed. Re-run the job; if it persists, the artifact service is not answering as GitHub documents it.',
      },
    );
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw unknown(`${response.status}`);
  }
  const answer = await readJsonObject(response, {
    service: "The artifact service's ListArtifacts",
    url: url.toString(),
    maxBytes: MAX_SERVICE_ANSWER_BYTES,
    hint: 'Nothing was gathered or signed. Re-run the job; if it persists, the artifact service is not answering as GitHub documents it.',
  });
  const { artifacts } = answer.body;
  if (!Array.isArray(artifacts)) throw unknown('without a list of artifacts');
  const map = new Map<number, string>();
  for (const a of artifacts as unknown[]) {
    if (!isObject(a)) throw answer.wrong(`an artifact is ${kindOf(a)}, not an object`);
    const id = Number(a.database_id ?? a.databaseId);
    const job = a.workflow_job_run_backend_id ?? a.workflowJobRunBackendId;
    if (Number.isFinite(id) && typeof job === 'string') map.set(id, job);
  }
  return map;
}

/** The artifact store of the run; `policy` retries the listing of who uploaded what. */
export function createArtifactStore(
  env: RunnerEnv,
  policy: RetryPolicy = retryPolicyFor(env.retryDelayMs, env.timeoutMs),
): ArtifactStore {
  // The client (and Azure's storage SDK under it) loads only when an artifact moves: a step that
  // runs with upload-artifact: false starts without it.
  let loaded: Promise<import('@actions/artifact').ArtifactClient> | undefined;
  const refusal = enterpriseRefusal(env, 'from');
  const artifactClient = () =>
    (loaded ??= import('@actions/artifact').then(
      ({ DefaultArtifactClient }) => new DefaultArtifactClient(),
    ));
  return {
    async upload(name, files, rootDirectory) {
      if (refusal) throw refusal;
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
      if (refusal) throw refusal;
      try {
        const [{ artifacts }, uploaders] = await Promise.all([
          (await artifactClient()).listArtifacts(),
          uploaderJobIds(env, policy),
        ]);
        return artifacts.map(({ id, name, size, digest }) => {
          const uploaderJobId = uploaders.get(id);
          return { id, name, size, digest, ...(uploaderJobId ? { uploaderJobId } : {}) };
        });
      } catch (error) {
        throw new ServiceError(`Failed to list workflow artifacts: ${messageOf(error)}`, {
          cause: error,
          hint: 'Check that the jobs that ran `step: collect` finished in this workflow run.',
        });
      }
    },
    async download(artifact, directory) {
      if (refusal) throw refusal;
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
    hint: 'Re-run the job; nothing was released yet.',
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
