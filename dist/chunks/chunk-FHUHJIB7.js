import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  answerOf
} from "./chunk-62MMHEQN.js";
import {
  Octokit,
  legacyRestEndpointMethods,
  paginateRest,
  requestLog
} from "./chunk-Y37BFEFF.js";
import {
  realSleep,
  retryDelay
} from "./chunk-U7ZCQZAV.js";
import {
  EnvironmentError
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
function timeoutFetch(timeoutMs) {
  return (url, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(url, { ...init, signal });
  };
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
        const answer = answerOf(error);
        const delay = once ? void 0 : retryDelay(options.policy, retry, startedAt, answer);
        if (delay === void 0) throw error;
        options.log?.(
          `GitHub answered ${answer.status ?? "nothing"} to ${params.method} ${params.url}; retry ${retry} of ${options.policy.retries} in ${Math.round(delay)} ms.`
        );
        await sleep(delay);
      }
    }
  });
  return octokit;
}

export {
  requireToken,
  createOctokit
};
