import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  isDistribution,
  listCurrentReleases
} from "./chunk-23WPHH56.js";
import {
  inspectDistribution
} from "./chunk-G2YOVFT2.js";
import {
  normalizeProjectName,
  parseDistributionFilename
} from "./chunk-S7NFOUJH.js";
import {
  mapLimit
} from "./chunk-35R7A2X5.js";
import {
  fileNameProblem,
  joinFileName,
  workspacePath
} from "./chunk-CK2J3INV.js";
import {
  escapeHtml
} from "./chunk-6N7IW525.js";
import "./chunk-AFO7ECMN.js";
import {
  statusOf
} from "./chunk-7QYNA57B.js";
import "./chunk-GWEJQHBX.js";
import "./chunk-742OCXHB.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";

// src/steps/index.ts
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

// src/pypi/simple-index.ts
var NORMALIZED_PROJECT = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
var LOOPBACK_HOSTS = /* @__PURE__ */ new Set(["localhost", "[::1]"]);
function indexLinkProblem(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return "it is not a URL";
  }
  if (parsed.protocol === "https:") return void 0;
  const loopback = LOOPBACK_HOSTS.has(parsed.hostname) || /^127\.\d+\.\d+\.\d+$/.test(parsed.hostname);
  if (parsed.protocol === "http:" && loopback) return void 0;
  return `it is a ${parsed.protocol} link, and the index links only https: URLs`;
}
function isIndexProjectName(project) {
  return NORMALIZED_PROJECT.test(project);
}
var PAGE = (title, body) => `<!DOCTYPE html>
<html>
  <head>
    <meta name="pypi:repository-version" content="1.0">
    <title>${escapeHtml(title)}</title>
  </head>
  <body>
${body}  </body>
</html>
`;
function rootPage(projects) {
  const links = [...projects].sort().map((p) => `    <a href="${encodeURIComponent(p)}/">${escapeHtml(p)}</a><br>
`);
  return PAGE("Simple index", links.join(""));
}
function projectPage(project, entries, extras) {
  const sorted = [...entries].sort((a, b) => a.filename < b.filename ? -1 : 1);
  const links = sorted.map((e) => {
    const attrs = [
      `href="${escapeHtml(`${e.url}#sha256=${e.sha256}`)}"`,
      ...e.requiresPython ? [`data-requires-python="${escapeHtml(e.requiresPython)}"`] : [],
      ...e.gpgSig ? ['data-gpg-sig="true"'] : []
    ];
    return `    <a ${attrs.join(" ")}>${escapeHtml(e.filename)}</a><br>
`;
  });
  const signed = extras.length > 0 ? `    <h2>Provenance and signatures</h2>
${extras.map((x) => `    <a href="${escapeHtml(x.url)}" rel="provenance">${escapeHtml(x.filename)}</a><br>
`).join("")}` : "";
  return PAGE(
    `Links for ${project}`,
    `    <h1>Links for ${escapeHtml(project)}</h1>
${links.join("")}${signed}`
  );
}

// src/steps/index.ts
function assetProblem(asset) {
  if (!Number.isSafeInteger(asset.id) || asset.id <= 0)
    return `its id ${quote(String(asset.id))} is not a number`;
  const nameProblem = fileNameProblem(String(asset.name));
  if (nameProblem) return `its name is not a plain file name (${nameProblem})`;
  return indexLinkProblem(String(asset.browser_download_url));
}
async function runIndex(settings, env, deps) {
  const { io } = deps;
  const out = workspacePath("index-dir", settings.indexDir, env.workspace);
  const client = deps.releases;
  const runTag = env.ref.startsWith("refs/tags/") ? env.ref.slice("refs/tags/".length) : void 0;
  const releases = (await listCurrentReleases(client, runTag)).filter((r) => !r.draft);
  const temp = await mkdtemp(join(env.runnerTemp, "release-action-index-"));
  const projects = /* @__PURE__ */ new Map();
  const skipped = [];
  const skip = (what, why) => {
    skipped.push(what);
    io.warning(`Left ${what} out of the index: ${why}.`);
  };
  try {
    for (const release of releases) {
      const assets = (await client.listAssets(release.id)).filter((a) => a.state === "uploaded");
      const names = new Set(assets.map((a) => a.name));
      const linkable = assets.filter((asset) => {
        const problem = assetProblem(asset);
        if (problem)
          skip(`asset ${quote(String(asset.name))} of ${quote(release.tag_name)}`, problem);
        return !problem;
      });
      const dists = linkable.filter((a) => isDistribution(a.name));
      const entries = await mapLimit(dists, 4, async (asset) => {
        const what = `${quote(asset.name)} of ${quote(release.tag_name)}`;
        const folder = join(temp, String(asset.id));
        const path = joinFileName(folder, asset.name);
        if (!path) {
          skip(what, "its name is not a plain file name here");
          return void 0;
        }
        await mkdir(folder);
        let sha256;
        try {
          ({ sha256 } = await client.downloadAsset(asset, path));
        } catch (error) {
          const status = statusOf(error);
          skip(
            what,
            status === 404 ? "it was deleted after the release was listed (404 on download)" : `its download failed (${status ?? error.message})`
          );
          return void 0;
        }
        const dist = await inspectDistribution(path).catch((error) => {
          skip(what, `it is not a distribution the action can read (${error.message})`);
          return void 0;
        });
        if (!dist) return void 0;
        const project = normalizeProjectName(parseDistributionFilename(asset.name).project);
        if (!isIndexProjectName(project)) {
          skip(what, `its project name ${quote(project)} is not a normalized project name`);
          return void 0;
        }
        const folderProblem = fileNameProblem(project);
        if (folderProblem) {
          skip(what, `its project name ${quote(project)} cannot be a folder (${folderProblem})`);
          return void 0;
        }
        const requiresPython = dist.metadata.fields.get("requires-python")?.[0];
        const entry = {
          filename: asset.name,
          url: asset.browser_download_url,
          sha256,
          gpgSig: names.has(`${asset.name}.asc`)
        };
        if (requiresPython) entry.requiresPython = requiresPython;
        return { project, entry };
      });
      for (const item of entries) {
        if (!item) continue;
        const page = projects.get(item.project) ?? { entries: [], extras: [] };
        page.entries.push(item.entry);
        for (const extra of linkable.filter(
          (a) => a.name.endsWith(".intoto.jsonl") || a.name.endsWith(".asc")
        )) {
          if (!page.extras.some((x) => x.url === extra.browser_download_url))
            page.extras.push({ filename: extra.name, url: extra.browser_download_url });
        }
        projects.set(item.project, page);
      }
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  await mkdir(out, { recursive: true });
  await writeFile(join(out, "index.html"), rootPage([...projects.keys()]));
  for (const [project, page] of projects) {
    await mkdir(join(out, project), { recursive: true });
    await writeFile(
      join(out, project, "index.html"),
      projectPage(project, page.entries, page.extras)
    );
  }
  const files = [...projects.values()].reduce((n, p) => n + p.entries.length, 0);
  io.setOutput("index-dir", out);
  io.result(
    `Wrote a simple index of ${files} file(s) from ${releases.length} published release(s) to ${settings.indexDir}${skipped.length ? `; left out ${skipped.length} asset(s), see the warnings` : ""}`
  );
  await io.summaryTable("Simple index", [
    ["Project", "Files"],
    ...[...projects].map(([p, page]) => [p, String(page.entries.length)])
  ]);
}
export {
  runIndex
};
