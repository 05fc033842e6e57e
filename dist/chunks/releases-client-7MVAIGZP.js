import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  checkAsset,
  checkList,
  checkObject,
  checkRelease
} from "./chunk-SDPQZMNM.js";
import {
  createOctokit,
  requireToken
} from "./chunk-XYZTIXJ2.js";
import {
  githubFailure
} from "./chunk-7QYNA57B.js";
import "./chunk-Y37BFEFF.js";
import {
  TransferBroken,
  boundBody,
  fetchWithRetry,
  timedOut,
  transferBoundMs
} from "./chunk-3MYLBHU6.js";
import {
  realSleep,
  retryDelay,
  retryLine
} from "./chunk-742OCXHB.js";
import "./chunk-QPC3R6K2.js";
import {
  ServiceError
} from "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";

// src/github/releases-client.ts
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";

// src/github/hosts.ts
function mayCarryToken(apiUrl, url, uploadUrl) {
  const api = new URL(apiUrl);
  const target = new URL(url);
  if (target.origin === api.origin) return true;
  if (uploadUrl !== void 0 && target.origin === new URL(uploadUrl).origin) return true;
  if (target.protocol !== api.protocol || target.port !== api.port) return false;
  const uploads = api.hostname.startsWith("api.") ? `uploads.${api.hostname.slice("api.".length)}` : `uploads.${api.hostname}`;
  return target.hostname === uploads;
}
function checkUploadUrl(apiUrl, uploadUrl, name, knownUploadUrl) {
  let allowed;
  try {
    allowed = mayCarryToken(apiUrl, uploadUrl, knownUploadUrl);
  } catch {
    allowed = false;
  }
  if (allowed) return;
  throw new ServiceError(
    `GitHub's answer names ${JSON.stringify(uploadUrl.slice(0, 200))} as the upload URL for ${name}, which is neither the API host (${new URL(apiUrl).host}) nor its upload host; the token is not sent there and nothing was uploaded.`,
    {
      subject: name,
      hint: "Something between the runner and GitHub rewrote the answer, or GITHUB_API_URL points at the wrong server; check both, then re-run."
    }
  );
}

// src/github/pages.ts
var MAX_PAGES = 100;
function nextLink(link) {
  for (const part of (link ?? "").split(",")) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /\brel="?next"?/.test(match[2] ?? "")) return match[1];
  }
  return void 0;
}
async function collectPages(octokit, hosts, first, items, what) {
  const all = [];
  const seen = /* @__PURE__ */ new Set();
  let page = await first();
  for (let count = 1; ; count++) {
    seen.add(page.url);
    all.push(...items(page.data));
    const next = nextLink(page.headers.link);
    if (next === void 0) return all;
    const url = new URL(next, page.url).href;
    if (!mayCarryToken(hosts.apiUrl, url, hosts.uploadUrl))
      throw pagingError(what, `its next page is on another host (${new URL(url).host})`);
    if (seen.has(url)) throw pagingError(what, `its next page is one already read (${url})`);
    if (count >= MAX_PAGES) throw pagingError(what, `it goes on past ${MAX_PAGES} pages`);
    page = await octokit.request({ method: "GET", url });
  }
}
function pagingError(what, detail) {
  return new ServiceError(`Failed to ${what}: GitHub's list does not end (${detail}).`, {
    hint: "Something between the runner and GitHub (a proxy, a wrong GITHUB_API_URL) answers the API; check it, then re-run."
  });
}

// src/github/releases-client.ts
var MAX_ASSET_BYTES = 2 * 1024 * 1024 * 1024 - 1;
function createReleaseClient(options) {
  const octokit = createOctokit(options);
  const token = requireToken(options);
  const [owner = "", repo = ""] = options.repository.split("/");
  const base = { owner, repo };
  const call = async (what, run) => {
    try {
      return await run();
    } catch (error) {
      throw githubFailure(error, what, options.repository);
    }
  };
  return {
    listReleases: () => call(
      "list releases",
      () => collectPages(
        octokit,
        options,
        () => octokit.rest.repos.listReleases({ ...base, per_page: 100 }),
        (data) => checkList(data, "list releases", (r) => checkRelease(r, "list releases")),
        "list releases"
      )
    ),
    getRelease: (id) => call(`get release ${id}`, async () => {
      const { data } = await octokit.rest.repos.getRelease({ ...base, release_id: id }).catch(absentOn404);
      return data === void 0 ? void 0 : checkRelease(data, `get release ${id}`);
    }),
    getPublishedRelease: (tag) => call(`get the published release for ${tag}`, async () => {
      const { data } = await octokit.rest.repos.getReleaseByTag({ ...base, tag }).catch(absentOn404);
      return data === void 0 ? void 0 : checkRelease(data, `get the release for ${tag}`);
    }),
    createDraft: (params) => call(`create a draft release for ${params.tag}`, async () => {
      const { data } = await octokit.rest.repos.createRelease({
        ...base,
        tag_name: params.tag,
        draft: true,
        prerelease: params.prerelease,
        generate_release_notes: params.generateReleaseNotes,
        ...params.name ? { name: params.name } : {},
        ...params.body ? { body: params.body } : {}
      });
      return checkRelease(data, `create a draft release for ${params.tag}`);
    }),
    deleteRelease: (id) => call(`delete release ${id}`, async () => {
      await octokit.rest.repos.deleteRelease({ ...base, release_id: id });
    }),
    publishRelease: (id, makeLatest) => call(`publish release ${id}`, async () => {
      const { data } = await octokit.rest.repos.updateRelease({
        ...base,
        release_id: id,
        draft: false,
        ...makeLatest ? { make_latest: makeLatest } : {}
      });
      return checkRelease(data, `publish release ${id}`);
    }),
    listAssets: (releaseId) => {
      const what = `list the assets of release ${releaseId}`;
      return call(
        what,
        () => collectPages(
          octokit,
          options,
          () => octokit.rest.repos.listReleaseAssets({ ...base, release_id: releaseId, per_page: 100 }),
          (data) => checkList(data, what, (a) => checkObject(a, what)),
          what
        )
      );
    },
    uploadAsset: (release, name, path, size) => call(`upload ${name}`, async () => {
      checkUploadUrl(options.apiUrl, release.upload_url, name, options.uploadUrl);
      const controller = new AbortController();
      const what = `upload ${name}`;
      const body = boundBody(
        Readable.toWeb(createReadStream(path)),
        { ...transferBounds(what, size), maxBytes: MAX_ASSET_BYTES },
        (reason) => controller.abort(reason)
      );
      const overall = setTimeout(
        () => controller.abort(timedOut(what, transferBoundMs(size, options.policy.timeoutMs))),
        transferBoundMs(size, options.policy.timeoutMs)
      );
      try {
        const { data } = await octokit.request({
          method: "POST",
          url: release.upload_url,
          name,
          data: body,
          headers: { "content-type": contentTypeFor(name), "content-length": size },
          request: { retries: 0, signal: controller.signal }
        });
        return checkAsset(data, what);
      } catch (error) {
        if (controller.signal.aborted) throw controller.signal.reason;
        throw error;
      } finally {
        clearTimeout(overall);
      }
    }),
    deleteAsset: (assetId) => call(`delete asset ${assetId}`, async () => {
      await octokit.rest.repos.deleteReleaseAsset({ ...base, asset_id: assetId });
    }),
    hashAsset: (asset) => call(
      `download ${describeAsset(asset)}`,
      () => wholeDownload(asset, async (stream) => {
        const hash = createHash("sha256");
        for await (const chunk of stream) hash.update(chunk);
        return hash.digest("hex");
      })
    ),
    downloadAsset: (asset, path) => call(
      `download ${describeAsset(asset)}`,
      () => wholeDownload(asset, async (stream) => {
        const hash = createHash("sha256");
        let size = 0;
        await pipeline(
          stream,
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
      })
    )
  };
  async function wholeDownload(asset, consume) {
    for (let retry = 1; ; retry++) {
      const startedAt = Date.now();
      const stream = await assetStream(asset);
      try {
        return await consume(stream);
      } catch (error) {
        stream.destroy();
        const delay = brokeOff(error) ? retryDelay(options.policy, retry, startedAt, {}) : void 0;
        if (delay === void 0) throw error;
        (options.warn ?? options.log)?.(
          retryLine(
            `Download of ${describeAsset(asset)} broke off (${brokenReason(error)})`,
            retry,
            options.policy,
            delay
          )
        );
        await (options.sleep ?? realSleep)(delay);
      }
    }
  }
  async function assetStream(asset) {
    let url = `${options.apiUrl}/repos/${owner}/${repo}/releases/assets/${asset.id}`;
    const what = `download ${describeAsset(asset)}`;
    const bounds = {
      ...transferBounds(what, asset.size),
      maxBytes: MAX_ASSET_BYTES
    };
    for (let hop = 0; ; hop++) {
      const response = await fetchWithRetry(
        url,
        () => ({ headers: downloadHeaders(url), redirect: "manual" }),
        what,
        options.policy,
        options.sleep,
        bounds
      );
      const location = response.headers.get("location");
      if (REDIRECTS.has(response.status) && location) {
        await response.body?.cancel().catch(() => void 0);
        if (hop >= MAX_REDIRECTS) throw tooManyRedirects(what);
        url = new URL(location, url).href;
        continue;
      }
      if (!response.ok || !response.body) throw await failedDownload(response);
      const declared = Number(response.headers.get("content-length") ?? Number.NaN);
      if (Number.isFinite(declared) && declared !== asset.size)
        throw sizeMismatch(what, declared, asset.size);
      return Readable.fromWeb(response.body);
    }
  }
  function transferBounds(what, size) {
    return {
      what,
      expectedBytes: size,
      idleMs: options.policy.timeoutMs,
      baseMs: options.policy.timeoutMs,
      progress: options.log
    };
  }
  function downloadHeaders(url) {
    return {
      ...mayCarryToken(options.apiUrl, url, options.uploadUrl) ? { authorization: `Bearer ${token}` } : {},
      accept: "application/octet-stream",
      "user-agent": "release-action"
    };
  }
}
function absentOn404(error) {
  if (error?.status === 404) return { data: void 0 };
  throw error;
}
var REDIRECTS = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var MAX_REDIRECTS = 5;
function brokeOff(error) {
  if (error instanceof TransferBroken) return true;
  const cause = error?.cause;
  return error instanceof TypeError && (error.message === "terminated" || ["ECONNRESET", "UND_ERR_SOCKET", "EPIPE"].includes(String(cause?.code)));
}
function brokenReason(error) {
  if (!(error instanceof Error)) return String(error);
  return error instanceof TransferBroken ? error.message.replace(/^Failed to [^:]*: /, "").replace(/\.$/, "") : "the connection closed";
}
function describeAsset(asset) {
  return asset.name ? `asset ${asset.id} (${asset.name})` : `asset ${asset.id}`;
}
function tooManyRedirects(what) {
  return new ServiceError(`Failed to ${what}: more than ${MAX_REDIRECTS} redirects.`, {
    hint: "GitHub or a proxy redirects in a loop; check the proxy settings, then re-run."
  });
}
function sizeMismatch(what, declared, listed) {
  return new ServiceError(
    `Failed to ${what}: the answer announces ${declared} bytes, but the asset is listed with ${listed}; nothing was kept.`,
    {
      hint: "The server answered something other than the listed file; check the release, then re-run."
    }
  );
}
async function failedDownload(response) {
  const text = (await response.text().catch(() => "")).slice(0, 2e3);
  return Object.assign(new Error(`${response.status} ${text.slice(0, 200)}`.trim()), {
    status: response.status,
    response: { headers: response.headers, data: parseMessage(text) }
  });
}
function parseMessage(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 200) };
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
  MAX_ASSET_BYTES,
  createReleaseClient
};
