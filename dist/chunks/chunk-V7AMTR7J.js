import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  chooseDraft
} from "./chunk-BSM2TXXO.js";
import {
  mapLimit
} from "./chunk-35R7A2X5.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  ChainOfCustodyError,
  EnvironmentError
} from "./chunk-W3DSJ3DT.js";

// src/release/download.ts
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
var SAFE_ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
async function downloadReleaseAssets(client, repository, tag, dir, concurrency) {
  const releases = await client.listReleases();
  const { draft, published } = chooseDraft(releases, tag);
  const release = draft ?? published;
  if (!release) {
    throw new EnvironmentError(
      `GitHub lists no release for tag ${quote(tag)} in ${repository} to this token. Draft releases are invisible to tokens that cannot write to the repository: a job with \`contents: read\` sees no draft at all.`,
      {
        subject: "permissions",
        hint: `Give the publish job permission to see the draft:

    permissions:
      contents: write
      id-token: write

If the token can write already, the release does not exist yet: run \`step: release\` first, or publish \`from: artifacts\` / \`from: folder\`.`
      }
    );
  }
  const assets = (await client.listAssets(release.id)).filter((a) => a.state === "uploaded");
  for (const asset of assets) {
    if (!SAFE_ASSET_NAME.test(asset.name)) {
      throw new ChainOfCustodyError(
        `Release asset name ${quote(asset.name)} is not a plain file name.`,
        {
          subject: asset.name,
          hint: "Remove that asset from the release; the action only publishes files it can name safely."
        }
      );
    }
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const digests = /* @__PURE__ */ new Map();
  const paths = await mapLimit(assets, concurrency, async (asset) => {
    const path = join(dir, asset.name);
    const digest = await client.downloadAsset(asset.id, path);
    digests.set(path, digest);
    return path;
  });
  return { release, paths, digests };
}

export {
  downloadReleaseAssets
};
