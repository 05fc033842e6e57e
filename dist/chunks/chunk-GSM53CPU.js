import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  actionIO
} from "./chunk-ICAECVQ7.js";
import {
  readSettings
} from "./chunk-N4DL4DBH.js";
import {
  setFailed
} from "./chunk-DXZHM2GX.js";
import {
  describeError
} from "./chunk-JATCWPVQ.js";

// src/config/runner-env.ts
import { tmpdir } from "node:os";
import { resolve } from "node:path";
function readRunnerEnv(env = process.env) {
  const get = (name) => env[name] ?? "";
  const optional = (name) => env[name] || void 0;
  return {
    workspace: resolve(env.GITHUB_WORKSPACE || process.cwd()),
    runnerTemp: resolve(env.RUNNER_TEMP || tmpdir()),
    repository: get("GITHUB_REPOSITORY"),
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
    apiUrl: env.GITHUB_API_URL || "https://api.github.com",
    runId: get("GITHUB_RUN_ID"),
    runAttempt: env.GITHUB_RUN_ATTEMPT || "1",
    job: get("GITHUB_JOB"),
    sha: get("GITHUB_SHA"),
    ref: get("GITHUB_REF"),
    eventName: get("GITHUB_EVENT_NAME"),
    eventPath: optional("GITHUB_EVENT_PATH"),
    workflowRef: get("GITHUB_WORKFLOW_REF"),
    runtimeToken: optional("ACTIONS_RUNTIME_TOKEN"),
    resultsUrl: optional("ACTIONS_RESULTS_URL"),
    idTokenRequestUrl: optional("ACTIONS_ID_TOKEN_REQUEST_URL"),
    idTokenRequestToken: optional("ACTIONS_ID_TOKEN_REQUEST_TOKEN"),
    retryDelayMs: env.RELEASE_ACTION_RETRY_DELAY_MS ? Number(env.RELEASE_ACTION_RETRY_DELAY_MS) : void 0,
    timeoutMs: env.RELEASE_ACTION_TIMEOUT_MS ? Number(env.RELEASE_ACTION_TIMEOUT_MS) : void 0
  };
}

// src/main.ts
async function run() {
  try {
    const settings = readSettings();
    await runStep(settings, readRunnerEnv(), actionIO);
  } catch (error) {
    setFailed(describeError(error));
  }
}
async function runStep(settings, env, io) {
  const artifacts = async () => (await import("./artifacts-LFCUOPMZ.js")).createArtifactStore(env);
  switch (settings.step) {
    case "collect": {
      const { runCollect } = await import("./collect-JBAYJ4HG.js");
      await runCollect(settings, env, { io, artifacts });
      return;
    }
    case "provenance": {
      const { runProvenance } = await import("./provenance-32QQCNUV.js");
      await runProvenance(settings, env, { io, artifacts });
      return;
    }
    case "release": {
      const [{ runRelease }, { createReleaseClient }] = await Promise.all([
        import("./release-RQR36VAW.js"),
        import("./releases-client-67II7ZVO.js")
      ]);
      await runRelease(settings, env, {
        io,
        client: (token, concurrency) => createReleaseClient(githubClientOptions(env, io, token, concurrency))
      });
      return;
    }
    case "publish": {
      const { runPublish } = await import("./publish-IY2J66DD.js");
      await runPublish(settings, env, {
        io,
        artifacts,
        releaseClient: async (token) => (await import("./releases-client-67II7ZVO.js")).createReleaseClient(
          githubClientOptions(env, io, token, settings.uploadConcurrency)
        )
      });
      return;
    }
    case "prepare": {
      const [{ runPrepare }, { createReleaseClient }, { createTagClient }] = await Promise.all([
        import("./prepare-BRMNCC5W.js"),
        import("./releases-client-67II7ZVO.js"),
        import("./tags-D3PQ2YPD.js")
      ]);
      const options = (token) => githubClientOptions(env, io, token, 4);
      await runPrepare(settings, env, {
        io,
        tags: (token) => createTagClient(options(token)),
        releases: (token) => createReleaseClient(options(token))
      });
      return;
    }
    case "verify": {
      const { runVerify } = await import("./verify-EDX2MGEG.js");
      await runVerify(settings, env, io);
      return;
    }
    case "index": {
      const [{ runIndex }, { createReleaseClient }] = await Promise.all([
        import("./steps-AN5AMCLW.js"),
        import("./releases-client-67II7ZVO.js")
      ]);
      await runIndex(settings, env, {
        io,
        releases: (token) => createReleaseClient(githubClientOptions(env, io, token, 4))
      });
      return;
    }
  }
}
function githubClientOptions(env, io, token, concurrency) {
  return {
    token,
    apiUrl: env.apiUrl,
    repository: env.repository,
    concurrency,
    ...env.retryDelayMs === void 0 ? {} : { retryDelayMs: env.retryDelayMs },
    ...env.timeoutMs === void 0 ? {} : { timeoutMs: env.timeoutMs },
    log: (message) => io.info(message)
  };
}

export {
  readRunnerEnv,
  run,
  runStep
};
