import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  readSettings
} from "./chunk-H7RKK24I.js";
import {
  group,
  info,
  notice,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-RFMX6665.js";
import {
  NotImplementedError,
  describeError
} from "./chunk-7R35VGQD.js";

// src/io.ts
var actionIO = {
  info: (message) => info(message),
  warning: (message) => warning(message),
  result: (message) => notice(message),
  group: (name, fn) => group(name, fn),
  setOutput: (name, value) => setOutput(name, value),
  setSecret: (value) => setSecret(value),
  async summaryTable(heading, rows, note) {
    const [header = [], ...body] = rows;
    summary.addHeading(heading, 3).addTable([
      header.map((data) => ({ data: escapeHtml(data), header: true })),
      ...body.map((row) => row.map(escapeHtml))
    ]);
    if (note) summary.addRaw(`
${escapeHtml(note)}
`, true);
    await summary.write();
  }
};
function consoleIO(write = (line) => console.log(line)) {
  return {
    info: write,
    warning: (message) => write(`warning: ${message}`),
    result: (message) => write(`\u2714 ${message}`),
    group: async (name, fn) => {
      write(`\u2500\u2500 ${name}`);
      return fn();
    },
    setOutput: (name, value) => write(`${name}=${value}`),
    setSecret: () => void 0,
    async summaryTable(heading, rows) {
      write(heading);
      for (const row of rows) write(`  ${row.join("  ")}`);
    }
  };
}
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// src/runner-env.ts
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
    workflowRef: get("GITHUB_WORKFLOW_REF"),
    runtimeToken: optional("ACTIONS_RUNTIME_TOKEN"),
    resultsUrl: optional("ACTIONS_RESULTS_URL"),
    idTokenRequestUrl: optional("ACTIONS_ID_TOKEN_REQUEST_URL"),
    idTokenRequestToken: optional("ACTIONS_ID_TOKEN_REQUEST_TOKEN"),
    retryDelayMs: env.RELEASE_ACTION_RETRY_DELAY_MS ? Number(env.RELEASE_ACTION_RETRY_DELAY_MS) : void 0
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
  const { createArtifactStore } = await import("./artifacts-WORTO2D7.js");
  switch (settings.step) {
    case "collect": {
      const { runCollect } = await import("./collect-LJKURX3H.js");
      await runCollect(settings, env, { io, artifacts: createArtifactStore });
      return;
    }
    case "provenance": {
      const { runProvenance } = await import("./provenance-4RD6DDIM.js");
      await runProvenance(settings, env, { io, artifacts: createArtifactStore });
      return;
    }
    case "release": {
      const [{ runRelease }, { createReleaseClient }] = await Promise.all([
        import("./release-KDSQRQUY.js"),
        import("./octokit-client-T2AR65KY.js")
      ]);
      await runRelease(settings, env, {
        io,
        client: (token, concurrency) => createReleaseClient({
          token,
          apiUrl: env.apiUrl,
          repository: env.repository,
          concurrency,
          ...env.retryDelayMs === void 0 ? {} : { retryDelayMs: env.retryDelayMs },
          log: (message) => io.info(message)
        })
      });
      return;
    }
    case "publish": {
      const [{ runPublish }, { createReleaseClient }] = await Promise.all([
        import("./publish-GCY55BBB.js"),
        import("./octokit-client-T2AR65KY.js")
      ]);
      await runPublish(settings, env, {
        io,
        artifacts: createArtifactStore,
        releaseClient: (token) => createReleaseClient({
          token,
          apiUrl: env.apiUrl,
          repository: env.repository,
          concurrency: settings.uploadConcurrency,
          ...env.retryDelayMs === void 0 ? {} : { retryDelayMs: env.retryDelayMs },
          log: (message) => io.info(message)
        })
      });
      return;
    }
    case "prepare": {
      const [{ runPrepare }, { createReleaseClient }, { createTagClient }] = await Promise.all([
        import("./prepare-B4I6AI2J.js"),
        import("./octokit-client-T2AR65KY.js"),
        import("./tags-PKV32Z7X.js")
      ]);
      const options = (token) => ({
        token,
        apiUrl: env.apiUrl,
        repository: env.repository,
        concurrency: 4,
        ...env.retryDelayMs === void 0 ? {} : { retryDelayMs: env.retryDelayMs },
        log: (message) => io.info(message)
      });
      await runPrepare(settings, env, {
        io,
        tags: (token) => createTagClient(options(token)),
        releases: (token) => createReleaseClient(options(token))
      });
      return;
    }
    case "verify": {
      const { runVerify } = await import("./verify-WJSRLM4O.js");
      await runVerify(settings, env, io);
      return;
    }
    default:
      throw new NotImplementedError(
        `Step "${settings.step}" is not implemented in this version of release-action.`,
        {
          subject: "step",
          hint: "Available now: prepare, collect, provenance, release, publish, verify. Pin a release of the action that lists this step in its README."
        }
      );
  }
}

export {
  consoleIO,
  readRunnerEnv,
  run,
  runStep
};
