import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  EnvironmentError,
  ServiceError,
  quote
} from "./chunk-HRHCSYZH.js";

// src/artifacts.ts
var ARTIFACT_COMPRESSION_LEVEL = 0;
function requireArtifactService(env, input) {
  if (env.runtimeToken && env.resultsUrl) return;
  throw new EnvironmentError(
    "The workflow artifact service is not available (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set).",
    {
      subject: input,
      hint: `Run this step inside a GitHub Actions job, or set \`${input}: false\` to skip artifacts when running it elsewhere.`
    }
  );
}
function createArtifactStore() {
  let loaded;
  const artifactClient = () => loaded ??= import("./artifact-EZGTAVNJ.js").then(
    ({ DefaultArtifactClient }) => new DefaultArtifactClient()
  );
  return {
    async upload(name, files, rootDirectory) {
      try {
        const result = await (await artifactClient()).uploadArtifact(name, files, rootDirectory, {
          compressionLevel: ARTIFACT_COMPRESSION_LEVEL
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
          hint: "Check that the jobs that ran `step: collect` finished in this workflow run."
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
            hint: "Re-run the job; the artifact service may have failed."
          }
        );
      }
    }
  };
}
function uploadFailure(name, error) {
  const message = messageOf(error);
  if (/\(409\)|already exists/i.test(message)) {
    return new ServiceError(
      `Failed to upload workflow artifact ${quote(name)}: the name is already taken in this workflow run.`,
      {
        cause: error,
        subject: "artifact-name",
        hint: "Leave `artifact-name` empty to get a name unique to each job, or make it differ per matrix job, e.g. `dists-${{ matrix.os }}-${{ matrix.python }}`."
      }
    );
  }
  return new ServiceError(`Failed to upload workflow artifact ${quote(name)}: ${message}`, {
    cause: error,
    retryable: true,
    hint: "Re-run the job; nothing was released yet."
  });
}
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

export {
  requireArtifactService,
  createArtifactStore
};
