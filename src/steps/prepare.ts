/**
 * `step: prepare` — first in every build job: resolves the tag, checks that the checked-out
 * commit is the tag's commit (a backfill dispatched from main must not build main), and gives
 * the version, SOURCE_DATE_EPOCH and whether this run backfills an existing release. A
 * backfill fails here, before any build, on what would fail later: an immutable release, an
 * index release past PyPI's 14 days, a tag that does not exist.
 */
import { canonicalVersion } from '../distributions/filenames.ts';
import { EnvironmentError, InputError } from '../core/errors.ts';
import { readHeadCommit } from '../github/git-head.ts';
import type { RetryPolicy } from '../http/retry.ts';
import { resolveTag, type PrepareSettings } from '../config/inputs.ts';
import type { StepIO } from '../core/io.ts';
import { releaseFiles } from '../pypi/index-api.ts';
import { MAX_RELEASE_AGE_DAYS, releaseAge, undatedReleaseWarning } from '../pypi/precheck.ts';
import { listCurrentReleases } from '../release/current.ts';
import { chooseDraft } from '../release/plan.ts';
import type { TagClient } from '../github/tags.ts';
import type { ReleaseClient } from '../github/release-types.ts';
import type { RunnerEnv } from '../config/runner-env.ts';
import { quote } from '../core/text.ts';
import { loadTagSigners, requireSignedTag } from '../verify/tag-signature.ts';
import { tagNow } from '../verify/policy.ts';
import type { GitData } from '../github/git-data.ts';

export interface PrepareDeps {
  io: StepIO;
  tags: TagClient;
  git: GitData;
  releases: ReleaseClient;
  policy: RetryPolicy;
}

/** `v1.2.3` -> `1.2.3`, PEP 440 normalized; the tag must carry the release version. */
export function versionOfTag(tag: string): string {
  const bare = tag.replace(/^(refs\/tags\/)?[vV]?/, '');
  try {
    return canonicalVersion(bare, tag);
  } catch {
    throw new InputError(`Tag ${quote(tag)} does not name a PEP 440 version.`, {
      subject: 'tag',
      hint: 'Tag releases as v<version>, e.g. v1.2.3 or v2.0.0rc1.',
    });
  }
}

export async function runPrepare(
  settings: PrepareSettings,
  env: RunnerEnv,
  deps: PrepareDeps,
): Promise<void> {
  const { io } = deps;
  const tag = resolveTag(settings.tag, env.ref);
  const version = versionOfTag(tag);
  const { tags } = deps;
  const commit = await tags.tagCommit(tag);
  if (!commit) {
    throw new InputError(`Tag ${quote(tag)} does not exist in ${env.repository}.`, {
      subject: 'tag',
      hint: 'Push the tag first, or dispatch the workflow with an existing tag.',
    });
  }
  if (settings.tagSigners.length > 0) {
    // The maintainer's key, checked on the tag object itself before anything is built.
    const signers = await loadTagSigners(settings.tagSigners, env.workspace);
    const resolved = await tagNow(deps.git, env.repository, tag);
    io.info(
      `Tag ${tag} is signed by an allowed key (${await requireSignedTag(resolved, signers)})`,
    );
  }
  const head = await readHeadCommit(env.workspace);
  if (head !== commit) {
    throw new EnvironmentError(
      `The checked-out commit ${head} is not the commit of tag ${quote(tag)} (${commit}).`,
      {
        subject: 'checkout',
        hint: 'Build exactly the tagged source: `- uses: actions/checkout@v5` with `ref: ${{ inputs.tag }}` (a backfill dispatched from main would otherwise build main).',
      },
    );
  }
  const epoch = Math.floor((await tags.commitTime(commit)).getTime() / 1000);
  const backfill = env.eventName === 'workflow_dispatch' && (await existingRelease(deps, tag));
  if (backfill) await checkBackfill(settings, env, deps, tag, version);

  io.setOutput('tag', tag);
  io.setOutput('version', version);
  io.setOutput('sha', commit);
  io.setOutput('source-date-epoch', String(epoch));
  io.setOutput('backfill', String(backfill));
  io.result(
    `${tag}: version ${version}, commit ${commit.slice(0, 12)}, SOURCE_DATE_EPOCH=${epoch}${backfill ? ', backfill of an existing release' : ''}`,
  );
  await io.summaryTable('Prepared', [
    ['Tag', 'Version', 'Commit', 'SOURCE_DATE_EPOCH', 'Backfill'],
    [tag, version, commit, String(epoch), String(backfill)],
  ]);
}

async function existingRelease(deps: PrepareDeps, tag: string): Promise<boolean> {
  const found = chooseDraft(await listCurrentReleases(deps.releases, tag), tag);
  return Boolean(found.draft ?? found.published);
}

/** What would make the backfill fail after the builds, checked before them. */
async function checkBackfill(
  settings: PrepareSettings,
  env: RunnerEnv,
  deps: PrepareDeps,
  tag: string,
  version: string,
): Promise<void> {
  const { published } = chooseDraft(await listCurrentReleases(deps.releases, tag), tag);
  if (published?.immutable) {
    throw new EnvironmentError(
      `Release ${quote(tag)} is published and immutable: new wheels cannot be added to it.`,
      {
        subject: 'tag',
        hint: 'Backfill into a new release instead (e.g. a .post1 version), or keep releases as drafts until complete.',
      },
    );
  }
  for (const url of settings.repositoryUrls) {
    if (!settings.project) break;
    const files = await releaseFiles(
      url,
      settings.project,
      version,
      deps.policy,
      settings.simpleUrls[url],
    );
    const warning = undatedReleaseWarning(url, files);
    if (warning) deps.io.warning(warning);
    const oldest = releaseAge(files).oldest?.getTime();
    if (oldest !== undefined && Date.now() - oldest > MAX_RELEASE_AGE_DAYS * 86_400_000) {
      throw new EnvironmentError(
        `${settings.project} ${version} on ${url} was released on ${new Date(oldest).toISOString().slice(0, 10)}: PyPI takes no new files after ${MAX_RELEASE_AGE_DAYS} days.`,
        {
          subject: 'tag',
          hint: 'Publish the new wheels as a new version (e.g. a .post1 release) instead of a backfill.',
        },
      );
    }
  }
}
