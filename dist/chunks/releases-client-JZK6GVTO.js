import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createOctokit,
  requireToken
} from "./chunk-FHUHJIB7.js";
import {
  githubFailure
} from "./chunk-62MMHEQN.js";
import "./chunk-Y37BFEFF.js";
import {
  fetchWithRetry
} from "./chunk-K7Z6EQMC.js";
import "./chunk-U7ZCQZAV.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";

// src/github/releases-client.ts
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
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
      async () => await octokit.paginate(octokit.rest.repos.listReleases, {
        ...base,
        per_page: 100
      })
    ),
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
      return data;
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
      return data;
    }),
    listAssets: (releaseId) => call(
      `list the assets of release ${releaseId}`,
      async () => await octokit.paginate(octokit.rest.repos.listReleaseAssets, {
        ...base,
        release_id: releaseId,
        per_page: 100
      })
    ),
    uploadAsset: (release, name, path, size) => call(`upload ${name}`, async () => {
      const { data } = await octokit.request({
        method: "POST",
        url: release.upload_url,
        name,
        data: createReadStream(path),
        headers: { "content-type": contentTypeFor(name), "content-length": size },
        request: { retries: 0 }
      });
      return data;
    }),
    deleteAsset: (assetId) => call(`delete asset ${assetId}`, async () => {
      await octokit.rest.repos.deleteReleaseAsset({ ...base, asset_id: assetId });
    }),
    hashAsset: (assetId) => call(`download asset ${assetId}`, async () => {
      const hash = createHash("sha256");
      for await (const chunk of await assetStream(assetId)) hash.update(chunk);
      return hash.digest("hex");
    }),
    downloadAsset: (assetId, path) => call(`download asset ${assetId}`, async () => {
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
    })
  };
  async function assetStream(assetId) {
    const url = `${options.apiUrl}/repos/${owner}/${repo}/releases/assets/${assetId}`;
    const response = await fetchWithRetry(
      url,
      () => ({
        headers: {
          authorization: `Bearer ${token}`,
          accept: "application/octet-stream",
          "user-agent": "release-action"
        }
      }),
      `download asset ${assetId}`,
      options.policy,
      options.sleep
    );
    if (!response.ok || !response.body) {
      const text = await response.text().catch(() => "");
      throw Object.assign(new Error(`${response.status} ${text.slice(0, 200)}`.trim()), {
        status: response.status,
        response: { headers: response.headers, data: parseMessage(text) }
      });
    }
    return Readable.fromWeb(response.body);
  }
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
  createReleaseClient
};
