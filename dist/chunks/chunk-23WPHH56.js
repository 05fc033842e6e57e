import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);

// src/release/current.ts
async function currentReleases(client, listed, tag) {
  const concerned = (r) => r.draft && (tag === void 0 || r.tag_name === tag);
  const current = [];
  for (const release of listed) {
    if (!concerned(release)) {
      current.push(release);
      continue;
    }
    const now = await client.getRelease(release.id);
    if (now) current.push(now);
  }
  if (tag === void 0 || current.some((r) => r.tag_name === tag && !r.draft)) return current;
  const published = await client.getPublishedRelease(tag);
  return published ? [...current.filter((r) => r.id !== published.id), published] : current;
}
async function listCurrentReleases(client, tag) {
  return currentReleases(client, await client.listReleases(), tag);
}

// src/release/plan.ts
var SHA256SUMS = "SHA256SUMS";
function chooseDraft(releases, tag) {
  const forTag = releases.filter((r) => r.tag_name === tag);
  const published = forTag.find((r) => !r.draft);
  const drafts = forTag.filter((r) => r.draft).sort((a, b) => a.id - b.id);
  const [draft, ...extras] = drafts;
  return { ...draft ? { draft } : {}, extras, ...published ? { published } : {} };
}
function digestHex(asset) {
  const match = /^sha256:([0-9a-f]{64})$/i.exec(asset.digest ?? "");
  return match ? match[1].toLowerCase() : void 0;
}
function planAsset(local, remote, overwrite, remoteSha256) {
  if (!remote) return { kind: "upload", local };
  if (remote.state !== "uploaded") return { kind: "restart", local, remote };
  const sha256 = digestHex(remote) ?? remoteSha256;
  if (sha256 === void 0) throw new Error(`no digest known for asset ${remote.name}`);
  if (sha256 === local.sha256) return { kind: "skip", local, remote };
  return overwrite ? { kind: "replace", local, remote, remoteSha256: sha256 } : { kind: "conflict", local, remote, remoteSha256: sha256 };
}
function sha256sumsText(entries) {
  return [...entries].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0).map((e) => `${e.sha256}  ${e.name}
`).join("");
}
function isDistribution(name) {
  return name.endsWith(".whl") || name.endsWith(".tar.gz");
}
function isReleaseFile(name) {
  return isDistribution(name) || name.endsWith(".intoto.jsonl") || name.endsWith(".asc");
}

export {
  listCurrentReleases,
  SHA256SUMS,
  chooseDraft,
  digestHex,
  planAsset,
  sha256sumsText,
  isDistribution,
  isReleaseFile
};
