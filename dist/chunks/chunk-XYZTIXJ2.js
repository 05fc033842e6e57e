import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  answerOf
} from "./chunk-7QYNA57B.js";
import {
  Octokit,
  legacyRestEndpointMethods,
  paginateRest,
  requestLog
} from "./chunk-Y37BFEFF.js";
import {
  readCapped
} from "./chunk-3MYLBHU6.js";
import {
  realSleep,
  resumeAt,
  retryDelay,
  retryLine
} from "./chunk-742OCXHB.js";
import {
  ActionError,
  EnvironmentError,
  ServiceError
} from "./chunk-W3DSJ3DT.js";

// node_modules/@octokit/rest/dist-src/version.js
var VERSION = "22.0.1";

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION}`
  }
);

// src/github/octokit.ts
function requireToken(options) {
  if (options.token) return options.token;
  throw new EnvironmentError("This step calls GitHub, but `github-token` is empty.", {
    subject: "github-token",
    hint: "Leave `github-token` at its default (the workflow token), or pass a token that can read the repository."
  });
}
var MAX_ANSWER_BYTES = 64 * 1024 * 1024;
function timeoutFetch(timeoutMs) {
  return async (url, init) => {
    const signal = init?.signal ?? AbortSignal.timeout(timeoutMs);
    return capAnswer(await fetch(url, { ...init, signal }), String(url));
  };
}
async function capAnswer(response, url) {
  if (!response.body) return response;
  const { bytes, truncated } = await readCapped(response, MAX_ANSWER_BYTES);
  if (truncated) {
    throw new ServiceError(
      `GitHub's answer to ${url.split("?")[0]} is larger than ${MAX_ANSWER_BYTES / 1024 / 1024} MiB; no API answer is that large, so it was not read.`,
      {
        hint: "Something between the runner and GitHub (a proxy, a wrong GITHUB_API_URL) answers instead of the GitHub API; check it, then re-run."
      }
    );
  }
  const read = new Response(bytes, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers
  });
  Object.defineProperty(read, "url", { value: response.url });
  return read;
}
function createOctokit(options) {
  const octokit = new Octokit2({
    ...options.anonymous && !options.token ? {} : { auth: requireToken(options) },
    baseUrl: options.apiUrl,
    userAgent: "release-action",
    request: { fetch: timeoutFetch(options.policy.timeoutMs) }
  });
  const sleep = options.sleep ?? realSleep;
  octokit.hook.wrap("request", async (request, params) => {
    const startedAt = Date.now();
    const once = params.request?.retries === 0;
    for (let retry = 1; ; retry++) {
      try {
        return await request(params);
      } catch (error) {
        const cause = error.cause;
        if (cause instanceof ActionError) throw cause;
        const answer = answerOf(error);
        const delay = once ? void 0 : retryDelay(options.policy, retry, startedAt, answer);
        if (delay === void 0) {
          const at = once ? void 0 : resumeAt(answer, options.policy);
          if (at && error && typeof error === "object") Object.assign(error, { resumeAt: at });
          throw error;
        }
        (options.warn ?? options.log)?.(
          retryLine(
            `${githubFailure(answer.status, error)} to ${params.method} ${params.url}`,
            retry,
            options.policy,
            delay
          )
        );
        await sleep(delay);
      }
    }
  });
  return octokit;
}
function githubFailure(status, error) {
  if (status !== void 0) return `GitHub answered ${status}`;
  const message = error instanceof Error ? error.message.split("\n")[0] : "";
  return `No answer from GitHub${message ? ` (${message.replace(/\.$/, "")})` : ""}`;
}

export {
  requireToken,
  createOctokit
};
