import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  actionIO
} from "./chunk-ICAECVQ7.js";
import {
  readRunnerEnv
} from "./chunk-QNUB2DZQ.js";
import {
  readSettings
} from "./chunk-TJIOVZQK.js";
import {
  setFailed
} from "./chunk-DXZHM2GX.js";
import {
  describeError
} from "./chunk-JATCWPVQ.js";

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
  const artifacts = async () => (await import("./artifacts-LEE3X3YL.js")).createArtifactStore(env);
  switch (settings.step) {
    case "collect": {
      const { runCollect } = await import("./collect-27EMTABD.js");
      await runCollect(settings, env, { io, artifacts });
      return;
    }
    case "provenance": {
      const { runProvenance } = await import("./provenance-B42DSUJW.js");
      await runProvenance(settings, env, { io, artifacts });
      return;
    }
    case "release": {
      const [{ runRelease }, { createReleaseClient }] = await Promise.all([
        import("./release-FYCYVDAE.js"),
        import("./releases-client-67II7ZVO.js")
      ]);
      await runRelease(settings, env, {
        io,
        client: (token, concurrency) => createReleaseClient(githubClientOptions(env, io, token, concurrency))
      });
      return;
    }
    case "publish": {
      const { runPublish } = await import("./publish-SDGKZE4T.js");
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
        import("./prepare-Y3RG6SZT.js"),
        import("./releases-client-67II7ZVO.js"),
        import("./tags-RGYNZJEG.js")
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
      const { runVerify } = await import("./verify-A2EC7XSR.js");
      await runVerify(settings, env, io);
      return;
    }
    case "index": {
      const [{ runIndex }, { createReleaseClient }] = await Promise.all([
        import("./steps-YJNBA4DN.js"),
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
  run,
  runStep
};
