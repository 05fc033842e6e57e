import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  isEnterpriseServer
} from "./chunk-5PYYBJ6L.js";
import {
  runtimeIds
} from "./chunk-UPFIIRK2.js";
import {
  MAX_SERVICE_ANSWER_BYTES,
  fetchWithRetry,
  isObject,
  kindOf,
  readJsonObject
} from "./chunk-3MYLBHU6.js";
import {
  retryPolicyFor
} from "./chunk-742OCXHB.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  EnvironmentError,
  ServiceError
} from "./chunk-W3DSJ3DT.js";

// src/github/artifacts.ts
var ARTIFACT_COMPRESSION_LEVEL = 0;
function enterpriseRefusal(env, input) {
  if (!isEnterpriseServer(env.serverUrl)) return void 0;
  return new EnvironmentError(
    `${env.serverUrl} is a GitHub Enterprise Server, where workflow artifacts (@actions/artifact v2+) are not supported.`,
    {
      subject: input,
      hint: "Do without workflow artifacts: let each build job run collect (`upload-artifact: false`), provenance and release (`from: folder`) on its own files, and publish from the release."
    }
  );
}
function requireArtifactService(env, input) {
  const refusal = enterpriseRefusal(env, input);
  if (refusal) throw refusal;
  if (env.runtimeToken && env.resultsUrl) return;
  throw new EnvironmentError(
    "The workflow artifact service is not available (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set).",
    {
      subject: input,
      hint: `Run this step inside a GitHub Actions job, or set \`${input}: false\` to skip artifacts when running it elsewhere.`
    }
  );
}
async function uploaderJobIds(env, policy) {
  const ids = runtimeIds(env.runtimeToken);
  if (!ids || !env.resultsUrl)
    throw new ServiceError(
      "Could not establish which job uploaded each workflow artifact: the runtime token names no run and job.",
      {
        hint: "Run this step inside a GitHub Actions job, where the runner gives it ACTIONS_RUNTIME_TOKEN."
      }
    );
  const url = new URL(
    "/twirp/github.actions.results.api.v1.ArtifactService/ListArtifacts",
    env.resultsUrl
  );
  const response = await fetchWithRetry(
    url.toString(),
    () => ({
      method: "POST",
      headers: { authorization: `Bearer ${env.runtimeToken}`, "content-type": "application/json" },
      body: JSON.stringify({
        workflow_run_backend_id: ids.run,
        workflow_job_run_backend_id: ids.job
      })
    }),
    "list workflow artifacts",
    policy
  );
  const unknown = (answer2) => new ServiceError(
    `Could not establish which job uploaded each workflow artifact: the artifact service's ListArtifacts answered ${answer2}.`,
    {
      hint: "Nothing was gathered or signed. Re-run the job; if it persists, the artifact service is not answering as GitHub documents it."
    }
  );
  if (!response.ok) {
    await response.body?.cancel().catch(() => void 0);
    throw unknown(`${response.status}`);
  }
  const answer = await readJsonObject(response, {
    service: "The artifact service's ListArtifacts",
    url: url.toString(),
    maxBytes: MAX_SERVICE_ANSWER_BYTES,
    hint: "Nothing was gathered or signed. Re-run the job; if it persists, the artifact service is not answering as GitHub documents it."
  });
  const { artifacts } = answer.body;
  if (!Array.isArray(artifacts)) throw unknown("without a list of artifacts");
  const map = /* @__PURE__ */ new Map();
  for (const a of artifacts) {
    if (!isObject(a)) throw answer.wrong(`an artifact is ${kindOf(a)}, not an object`);
    const id = Number(a.database_id ?? a.databaseId);
    const job = a.workflow_job_run_backend_id ?? a.workflowJobRunBackendId;
    if (Number.isFinite(id) && typeof job === "string") map.set(id, job);
  }
  return map;
}
function createArtifactStore(env, policy = retryPolicyFor(env.retryDelayMs, env.timeoutMs)) {
  let loaded;
  const refusal = enterpriseRefusal(env, "from");
  const artifactClient = () => loaded ??= import("./artifact-OIVXQAWZ.js").then(
    ({ DefaultArtifactClient }) => new DefaultArtifactClient()
  );
  return {
    async upload(name, files, rootDirectory) {
      if (refusal) throw refusal;
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
      if (refusal) throw refusal;
      try {
        const [{ artifacts }, uploaders] = await Promise.all([
          (await artifactClient()).listArtifacts(),
          uploaderJobIds(env, policy)
        ]);
        return artifacts.map(({ id, name, size, digest }) => {
          const uploaderJobId = uploaders.get(id);
          return { id, name, size, digest, ...uploaderJobId ? { uploaderJobId } : {} };
        });
      } catch (error) {
        throw new ServiceError(`Failed to list workflow artifacts: ${messageOf(error)}`, {
          cause: error,
          hint: "Check that the jobs that ran `step: collect` finished in this workflow run."
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
