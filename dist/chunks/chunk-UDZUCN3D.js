import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  chooseDraft,
  listCurrentReleases
} from "./chunk-23WPHH56.js";
import {
  mapLimit
} from "./chunk-35R7A2X5.js";
import {
  fileNameProblem,
  joinFileName
} from "./chunk-CK2J3INV.js";
import {
  checkAsset
} from "./chunk-SDPQZMNM.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  ChainOfCustodyError,
  EnvironmentError
} from "./chunk-W3DSJ3DT.js";

// src/release/download.ts
import { mkdir, rm } from "node:fs/promises";
var SAFE_ASSET_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
async function downloadReleaseAssets(client, repository, tag, dir, concurrency) {
  const releases = await listCurrentReleases(client, tag);
  const { draft, published, extras } = chooseDraft(releases, tag);
  if (draft && extras.length > 0) throw severalDrafts(repository, tag, [draft, ...extras]);
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
  const what = `list the assets of release ${release.id}`;
  const assets = (await client.listAssets(release.id)).map((a) => checkAsset(a, what)).filter((a) => a.state === "uploaded");
  for (const asset of assets)
    if (!SAFE_ASSET_NAME.test(asset.name) || fileNameProblem(asset.name))
      throw notAPlainName(asset.name);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const digests = /* @__PURE__ */ new Map();
  const paths = await mapLimit(assets, concurrency, async (asset) => {
    const path = joinFileName(dir, asset.name);
    if (!path) throw notAPlainName(asset.name);
    const digest = await client.downloadAsset(asset, path);
    digests.set(path, digest);
    return path;
  });
  return { release, paths, digests };
}
function notAPlainName(name) {
  return new ChainOfCustodyError(`Release asset name ${quote(name)} is not a plain file name.`, {
    subject: name,
    hint: "Remove that asset from the release; the action only publishes files it can name safely."
  });
}
function severalDrafts(repository, tag, drafts) {
  const ids = drafts.map((d) => `${d.id} (${d.html_url})`).join(", ");
  return new EnvironmentError(
    `GitHub lists ${drafts.length} draft releases for tag ${quote(tag)} in ${repository}: ${ids}. Publishing cannot tell which one was reviewed, so nothing was published.`,
    {
      subject: "tag",
      hint: "Re-run `step: release` for the tag (it merges duplicate drafts into the oldest, losing no file), check that draft, then re-run publish. Or delete the drafts that are not wanted."
    }
  );
}

export {
  downloadReleaseAssets
};
