import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);

// src/config/runner-env.ts
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { resolve } from "node:path";
var GITHUB_ACTIONS_ISSUER = "https://token.actions.githubusercontent.com";
function oidcIssuerFor(serverUrl) {
  const url = new URL(serverUrl);
  const host = url.hostname.toLowerCase();
  if (host === "github.com") return GITHUB_ACTIONS_ISSUER;
  if (host.endsWith(".ghe.com")) return `https://token.actions.${host}`;
  return `${url.origin}/_services/token`;
}
function isEnterpriseServer(serverUrl) {
  const host = new URL(serverUrl).hostname.toLowerCase();
  return !(host === "github.com" || host.endsWith(".ghe.com") || host.endsWith(".localhost"));
}
function readRunnerEnv(env = process.env) {
  const get = (name) => env[name] ?? "";
  const optional = (name) => env[name] || void 0;
  const serverUrl = env.GITHUB_SERVER_URL || "https://github.com";
  return {
    workspace: resolve(env.GITHUB_WORKSPACE || process.cwd()),
    runnerTemp: resolve(env.RUNNER_TEMP || tmpdir()),
    repository: get("GITHUB_REPOSITORY"),
    repositoryId: optional("GITHUB_REPOSITORY_ID"),
    repositoryOwnerId: optional("GITHUB_REPOSITORY_OWNER_ID"),
    serverUrl,
    apiUrl: env.GITHUB_API_URL || "https://api.github.com",
    oidcIssuer: oidcIssuerFor(serverUrl),
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
    timeoutMs: env.RELEASE_ACTION_TIMEOUT_MS ? Number(env.RELEASE_ACTION_TIMEOUT_MS) : void 0,
    githubUploadUrl: optional("RELEASE_ACTION_GITHUB_UPLOAD_URL")
  };
}
function readDispatchInputs(env) {
  if (env.eventName !== "workflow_dispatch" || !env.eventPath) return {};
  try {
    const payload = JSON.parse(readFileSync(env.eventPath, "utf8"));
    const inputs = payload.inputs;
    return inputs && typeof inputs === "object" && !Array.isArray(inputs) ? inputs : {};
  } catch {
    return {};
  }
}

export {
  oidcIssuerFor,
  isEnterpriseServer,
  readRunnerEnv,
  readDispatchInputs
};
