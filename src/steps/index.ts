/**
 * `step: index` — writes a PEP 503 simple index of every published release of the project
 * (links to the release assets with their sha256, Requires-Python, and the .asc and provenance
 * files), ready to serve from GitHub Pages as a backup index.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mapLimit } from '../core/concurrency.ts';
import { inspectDistribution } from '../distributions/inspect.ts';
import { normalizeProjectName, parseDistributionFilename } from '../distributions/filenames.ts';
import type { IndexSettings } from '../config/inputs.ts';
import type { StepIO } from '../core/io.ts';
import { statusOf } from '../github/errors.ts';
import { listCurrentReleases } from '../release/current.ts';
import { isDistribution } from '../release/plan.ts';
import type { ReleaseAsset, ReleaseClient } from '../github/release-types.ts';
import type { RunnerEnv } from '../config/runner-env.ts';
import {
  indexLinkProblem,
  isIndexProjectName,
  projectPage,
  rootPage,
  type IndexEntry,
  type IndexExtra,
} from '../pypi/simple-index.ts';
import { quote } from '../core/text.ts';
import { fileNameProblem, joinFileName, workspacePath } from '../core/workspace-files.ts';

export interface IndexDeps {
  io: StepIO;
  releases: ReleaseClient;
}

/**
 * Why an asset from GitHub's answer cannot be written into the index, if it cannot: its id
 * names a folder and its name a file, so neither may be anything but what GitHub gives.
 */
function assetProblem(asset: ReleaseAsset): string | undefined {
  if (!Number.isSafeInteger(asset.id) || asset.id <= 0)
    return `its id ${quote(String(asset.id))} is not a number`;
  const nameProblem = fileNameProblem(String(asset.name));
  if (nameProblem) return `its name is not a plain file name (${nameProblem})`;
  return indexLinkProblem(String(asset.browser_download_url));
}

export async function runIndex(
  settings: IndexSettings,
  env: RunnerEnv,
  deps: IndexDeps,
): Promise<void> {
  const { io } = deps;
  const out = workspacePath('index-dir', settings.indexDir, env.workspace);
  const client = deps.releases;
  // The run's own tag is looked up as it is now: right after its release was published, the
  // list may still show it as a draft, or not at all.
  const runTag = env.ref.startsWith('refs/tags/') ? env.ref.slice('refs/tags/'.length) : undefined;
  const releases = (await listCurrentReleases(client, runTag)).filter((r) => !r.draft);
  const temp = await mkdtemp(join(env.runnerTemp, 'release-action-index-'));
  const projects = new Map<string, { entries: IndexEntry[]; extras: IndexExtra[] }>();
  const skipped: string[] = [];
  const skip = (what: string, why: string) => {
    skipped.push(what);
    io.warning(`Left ${what} out of the index: ${why}.`);
  };
  try {
    for (const release of releases) {
      const assets = (await client.listAssets(release.id)).filter((a) => a.state === 'uploaded');
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
        // The parsers read the name from the file's basename: keep it, in a folder of its own
        // named by the asset's (checked, numeric) id.
        const folder = join(temp, String(asset.id));
        // The name passed fileNameProblem (assetProblem): the join stays in the folder.
        const path = joinFileName(folder, asset.name);
        if (!path) {
          skip(what, 'its name is not a plain file name here');
          return undefined;
        }
        await mkdir(folder);
        let sha256: string;
        try {
          ({ sha256 } = await client.downloadAsset(asset, path));
        } catch (error) {
          const status = statusOf(error);
          skip(
            what,
            status === 404
              ? 'it was deleted after the release was listed (404 on download)'
              : `its download failed (${status ?? (error as Error).message})`,
          );
          return undefined;
        }
        const dist = await inspectDistribution(path).catch((error: unknown) => {
          skip(what, `it is not a distribution the action can read (${(error as Error).message})`);
          return undefined;
        });
        if (!dist) return undefined;
        const project = normalizeProjectName(parseDistributionFilename(asset.name).project);
        if (!isIndexProjectName(project)) {
          skip(what, `its project name ${quote(project)} is not a normalized project name`);
          return undefined;
        }
        // The project's page is a folder of the site, named by the project (`nul` on Windows).
        const folderProblem = fileNameProblem(project);
        if (folderProblem) {
          skip(what, `its project name ${quote(project)} cannot be a folder (${folderProblem})`);
          return undefined;
        }
        const requiresPython = dist.metadata.fields.get('requires-python')?.[0];
        const entry: IndexEntry = {
          filename: asset.name,
          url: asset.browser_download_url,
          sha256,
          gpgSig: names.has(`${asset.name}.asc`),
        };
        if (requiresPython) entry.requiresPython = requiresPython;
        return { project, entry };
      });
      for (const item of entries) {
        if (!item) continue;
        const page = projects.get(item.project) ?? { entries: [], extras: [] };
        page.entries.push(item.entry);
        for (const extra of linkable.filter(
          (a) => a.name.endsWith('.intoto.jsonl') || a.name.endsWith('.asc'),
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
  await writeFile(join(out, 'index.html'), rootPage([...projects.keys()]));
  for (const [project, page] of projects) {
    await mkdir(join(out, project), { recursive: true });
    await writeFile(
      join(out, project, 'index.html'),
      projectPage(project, page.entries, page.extras),
    );
  }
  const files = [...projects.values()].reduce((n, p) => n + p.entries.length, 0);
  io.setOutput('index-dir', out);
  io.result(
    `Wrote a simple index of ${files} file(s) from ${releases.length} published release(s) to ${settings.indexDir}${skipped.length ? `; left out ${skipped.length} asset(s), see the warnings` : ''}`,
  );
  await io.summaryTable('Simple index', [
    ['Project', 'Files'],
    ...[...projects].map(([p, page]) => [p, String(page.entries.length)]),
  ]);
}
