import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  Octokit,
  legacyRestEndpointMethods,
  paginateRest,
  requestLog,
  require_light,
  retry
} from "./chunk-PYKEOSMR.js";
import {
  __toESM
} from "./chunk-OHTIYD5V.js";

// src/github/releases-client.ts
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

// node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var import_light = __toESM(require_light(), 1);
var VERSION = "0.0.0-development";
var noop = () => Promise.resolve();
function wrapRequest(state, request, options) {
  return state.retryLimiter.schedule(doRequest, state, request, options);
}
async function doRequest(state, request, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck2, common) {
  groups.global = new Bottleneck2.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck2.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck2.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck2.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck2.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck: Bottleneck2 = import_light.default,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck2, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck2();
    const events = {};
    const emitter = new Bottleneck2.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request.retryCount;
      request.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request, options) => {
    initializeBottleneck();
    return wrapRequest(state, request, options);
  });
  return {};
}
throttling.VERSION = VERSION;
throttling.triggersNotification = triggersNotification;

// node_modules/@octokit/rest/dist-src/version.js
var VERSION2 = "22.0.1";

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION2}`
  }
);

// src/github/releases-client.ts
var import_light2 = __toESM(require_light(), 1);
var REQUEST_TIMEOUT_MS = 12e4;
var RATE_LIMIT_RETRIES = 4;
var ThrottledOctokit = Octokit2.plugin(retry, throttling);
function timeoutFetch(timeoutMs) {
  return (url, init) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(url, { ...init, signal });
  };
}
function createOctokit(options) {
  const onLimit = (kind) => (retryAfter, request, _o, retryCount) => {
    options.log?.(
      `GitHub ${kind} rate limit on ${request.method} ${request.url}; waiting ${retryAfter} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES}).`
    );
    return retryCount < RATE_LIMIT_RETRIES;
  };
  const baseValue = options.retryDelayMs ?? 1e3;
  return new ThrottledOctokit({
    auth: options.token,
    baseUrl: options.apiUrl,
    userAgent: "release-action",
    request: { fetch: timeoutFetch(options.timeoutMs ?? REQUEST_TIMEOUT_MS) },
    retry: { retryAfterBaseValue: baseValue },
    throttle: {
      onRateLimit: onLimit("primary"),
      onSecondaryRateLimit: onLimit("secondary"),
      retryAfterBaseValue: baseValue,
      // The plugin's default spaces writes a second apart, one at a time; uploads to one
      // release are independent, so they run `concurrency` at once.
      write: new import_light2.default.Group({ maxConcurrent: options.concurrency, minTime: 0 })
    }
  });
}
function createReleaseClient(options) {
  const octokit = createOctokit(options);
  const [owner = "", repo = ""] = options.repository.split("/");
  const base = { owner, repo };
  return {
    async listReleases() {
      return await octokit.paginate(octokit.rest.repos.listReleases, {
        ...base,
        per_page: 100
      });
    },
    async createDraft(params) {
      const { data } = await octokit.rest.repos.createRelease({
        ...base,
        tag_name: params.tag,
        draft: true,
        prerelease: params.prerelease,
        generate_release_notes: params.generateReleaseNotes,
        ...params.name ? { name: params.name } : {},
        ...params.body ? { body: params.body } : {}
      });
      return data;
    },
    async deleteRelease(id) {
      await octokit.rest.repos.deleteRelease({ ...base, release_id: id });
    },
    async publishRelease(id, makeLatest) {
      const { data } = await octokit.rest.repos.updateRelease({
        ...base,
        release_id: id,
        draft: false,
        ...makeLatest ? { make_latest: makeLatest } : {}
      });
      return data;
    },
    async listAssets(releaseId) {
      return await octokit.paginate(octokit.rest.repos.listReleaseAssets, {
        ...base,
        release_id: releaseId,
        per_page: 100
      });
    },
    async uploadAsset(release, name, path, size) {
      const { data } = await octokit.request({
        method: "POST",
        url: release.upload_url,
        name,
        data: createReadStream(path),
        headers: { "content-type": contentTypeFor(name), "content-length": size },
        request: { retries: 0 }
      });
      return data;
    },
    async deleteAsset(assetId) {
      await octokit.rest.repos.deleteReleaseAsset({ ...base, asset_id: assetId });
    },
    async hashAsset(assetId) {
      const hash = createHash("sha256");
      for await (const chunk of await assetStream(assetId)) hash.update(chunk);
      return hash.digest("hex");
    },
    async downloadAsset(assetId, path) {
      const hash = createHash("sha256");
      let size = 0;
      await pipeline(
        await assetStream(assetId),
        async function* (source) {
          for await (const chunk of source) {
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        },
        createWriteStream(path)
      );
      return { size, sha256: hash.digest("hex") };
    }
  };
  async function assetStream(assetId) {
    const url = `${options.apiUrl}/repos/${owner}/${repo}/releases/assets/${assetId}`;
    const response = await timeoutFetch(options.timeoutMs ?? REQUEST_TIMEOUT_MS)(url, {
      headers: {
        authorization: `Bearer ${options.token}`,
        accept: "application/octet-stream",
        "user-agent": "release-action"
      }
    });
    if (!response.ok || !response.body)
      throw Object.assign(new Error(`download of asset ${assetId} answered ${response.status}`), {
        status: response.status
      });
    return Readable.fromWeb(response.body);
  }
}
function contentTypeFor(name) {
  if (name.endsWith(".whl")) return "application/zip";
  if (name.endsWith(".tar.gz")) return "application/gzip";
  if (name.endsWith(".intoto.jsonl")) return "application/jsonl";
  if (name.endsWith(".asc")) return "application/pgp-signature";
  if (name === "SHA256SUMS") return "text/plain";
  return "application/octet-stream";
}

export {
  REQUEST_TIMEOUT_MS,
  RATE_LIMIT_RETRIES,
  createOctokit,
  createReleaseClient
};
