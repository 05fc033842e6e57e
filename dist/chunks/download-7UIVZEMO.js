import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  chooseDraft
} from "./chunk-BSM2TXXO.js";
import {
  githubFailure
} from "./chunk-YOJA7HLY.js";
import {
  mapLimit
} from "./chunk-35R7A2X5.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  ChainOfCustodyError
} from "./chunk-JATCWPVQ.js";
import "./chunk-OHTIYD5V.js";

// src/release/download.ts
import { mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
var SAFE_ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
async function downloadReleaseAssets(client, repository, tag, dir, concurrency) {
  const releases = await client.listReleases().catch((error) => {
    throw githubFailure(error, "list releases", repository);
  });
  const { draft, published } = chooseDraft(releases, tag);
  const release = draft ?? published;
  if (!release) {
    throw new ChainOfCustodyError(
      `There is no release (draft or published) for tag ${quote(tag)} in ${repository}.`,
      {
        subject: "tag",
        hint: "Run `step: release` first, or publish `from: artifacts` / `from: folder`."
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
    const digest = await client.downloadAsset(asset.id, path).catch((error) => {
      throw githubFailure(error, `download the release asset ${asset.name}`, repository);
    });
    digests.set(path, digest);
    return path;
  });
  return { release, paths, digests };
}
export {
  downloadReleaseAssets
};
