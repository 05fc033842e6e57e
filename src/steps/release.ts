/**
 * `step: release` — one draft release per tag, race-safe and rerunnable: uploads the
 * distributions, provenance, signatures and a regenerated SHA256SUMS, checks GitHub's digest of
 * every upload, and never publishes unless asked (and then only after every upload).
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { mapLimit } from '../core/concurrency.ts';
import type { Sha256Digest } from '../digests/digest.ts';
import { sha256Files } from '../digests/hash-pool.ts';
import { InputError } from '../core/errors.ts';
import type { ReleaseSettings } from '../config/inputs.ts';
import { resolveTag } from '../config/inputs.ts';
import type { StepIO } from '../core/io.ts';
import { checkReleaseCustody } from '../custody/release-check.ts';
import { ensureRelease, untilSettled } from '../release/draft.ts';
import { isDistribution, isReleaseFile, SHA256SUMS, type LocalAsset } from '../release/plan.ts';
import {
  applyActions,
  planAssets,
  syncSha256Sums,
  type Outcome,
  type SyncContext,
} from '../release/sync.ts';
import type { Release, ReleaseClient } from '../github/release-types.ts';
import type { RunnerEnv } from '../config/runner-env.ts';
import type { RetryPolicy, Sleep } from '../http/retry.ts';
import { formatBytes, quote } from '../core/text.ts';
import { resolveWorkspaceDir, workspacePath } from '../core/workspace-files.ts';
import { lstat } from 'node:fs/promises';

export interface ReleaseDeps {
  io: StepIO;
  /** GitHub's releases API for this repository, as the token may use it. */
  releases: ReleaseClient;
  policy: RetryPolicy;
  sleep: Sleep;
}

export async function runRelease(
  settings: ReleaseSettings,
  env: RunnerEnv,
  deps: ReleaseDeps,
): Promise<void> {
  const { io } = deps;
  const tag = resolveTag(settings.tag, env.ref);
  const dir = await resolveWorkspaceDir('packages-dir', settings.packagesDir, env.workspace);
  const body = settings.bodyPath ? await readBody(settings.bodyPath, env.workspace) : settings.body;
  const locals = await io.group('Checking the files to release', async () => {
    const files = await localAssets(dir, settings.uploadConcurrency);
    await checkReleaseCustody(
      dir,
      env.runnerTemp,
      files.filter((f) => isDistribution(f.name)),
    );
    io.result(
      `${files.length} file(s) to release for ${tag}; every distribution matches the digest recorded by collect`,
    );
    return files;
  });

  const tempDir = join(env.runnerTemp, 'release-action', 'release');
  await rm(tempDir, { recursive: true, force: true });
  await mkdir(tempDir, { recursive: true });
  const client = deps.releases;
  const log = (message: string): void => io.info(message);
  const draftCtx = { client, tempDir, log, policy: deps.policy, sleep: deps.sleep };
  const params = {
    tag,
    ...(settings.releaseName ? { name: settings.releaseName } : {}),
    ...(body ? { body } : {}),
    generateReleaseNotes: settings.generateReleaseNotes,
    prerelease: settings.prerelease,
  };
  const { release: found, created } = await io.group(`Finding the release for ${tag}`, async () => {
    const found = await ensureRelease(draftCtx, params);
    io.setOutput('release-id', String(found.release.id));
    io.setOutput('release-url', found.release.html_url);
    io.result(
      `${found.created ? 'Created' : 'Using'} ${found.release.draft ? 'draft' : 'published'} release ${found.release.id} for ${tag}`,
    );
    return found;
  });
  const syncContext = (release: Release): SyncContext => ({
    client,
    release,
    concurrency: settings.uploadConcurrency,
    overwrite: settings.overwrite,
    tempDir,
    policy: deps.policy,
    sleep: deps.sleep,
    log,
    warn: (message) => io.warning(message),
  });
  // Another job may merge this draft into an older one while this job uploads (GitHub's
  // listings lag): `untilSettled` then uploads again into the one every job agrees on.
  const { release, result: outcomes } = await io.group('Uploading assets', () =>
    untilSettled(draftCtx, params, found, async (target) => {
      const ctx = syncContext(target);
      const actions = await planAssets(ctx, locals);
      const result = await applyActions(ctx, actions);
      const sums = await syncSha256Sums(ctx);
      result.set(SHA256SUMS, sums.outcome);
      const uploaded = [...result.values()].filter((o) => o !== 'already there').length;
      io.result(
        `${uploaded} asset(s) uploaded, ${result.size - uploaded} already there; ${SHA256SUMS} lists ${sums.text.split('\n').filter(Boolean).length} distribution(s)`,
      );
      return result;
    }),
  );
  if (release.id !== found.id) {
    io.setOutput('release-id', String(release.id));
    io.setOutput('release-url', release.html_url);
  }

  if (settings.publishRelease && release.draft) {
    await client.publishRelease(release.id, settings.makeLatest);
    io.result(`Published release ${tag}`);
  }
  const names = (kind: (o: Outcome) => boolean) =>
    JSON.stringify(
      [...outcomes]
        .filter(([, o]) => kind(o))
        .map(([n]) => n)
        .sort(),
    );
  io.setOutput(
    'uploaded',
    names((o) => o !== 'already there'),
  );
  io.setOutput(
    'skipped',
    names((o) => o === 'already there'),
  );
  await writeSummary(io, tag, release.html_url, locals, outcomes, created);
}

async function localAssets(dir: string, concurrency: number): Promise<LocalAsset[]> {
  const names = (await readdir(dir)).filter(isReleaseFile).sort();
  if (!names.some(isDistribution)) {
    throw new InputError(`No distributions (.whl, .tar.gz) to release in ${quote(dir)}.`, {
      subject: 'packages-dir',
      hint: 'Run `step: provenance` (which gathers the files into packages-dir) before `step: release`, or point `packages-dir` at them.',
    });
  }
  const files = await mapLimit(names, concurrency, async (name) => {
    const path = join(dir, name);
    const info = await lstat(path);
    if (!info.isFile())
      throw new InputError(`${quote(name)} in packages-dir is not a regular file.`, {
        subject: name,
        hint: 'Release built files only, not links or folders.',
      });
    return { name, path };
  });
  const { digests } = await sha256Files(
    files.map((f) => f.path),
    concurrency,
  );
  return files.map(({ name, path }) => {
    const { size, sha256 } = digests.get(path) as Sha256Digest;
    return { name, path, size, sha256 };
  });
}

async function readBody(bodyPath: string, workspace: string): Promise<string> {
  const path = workspacePath('body-path', bodyPath, workspace);
  return readFile(path, 'utf8').catch(() => {
    throw new InputError(`Input "body-path": ${quote(bodyPath)} cannot be read.`, {
      subject: 'body-path',
      hint: 'Give a file inside the workspace, e.g. `CHANGELOG.md`.',
    });
  });
}

async function writeSummary(
  io: StepIO,
  tag: string,
  url: string,
  locals: LocalAsset[],
  outcomes: Map<string, Outcome>,
  created: boolean,
): Promise<void> {
  const rows = [
    ['Asset', 'Size', 'SHA-256', 'Result'],
    ...locals.map((f) => [f.name, formatBytes(f.size), f.sha256, outcomes.get(f.name) ?? '']),
  ];
  rows.push([SHA256SUMS, '', '', outcomes.get(SHA256SUMS) ?? '']);
  await io.summaryTable(`Release ${tag}`, rows, `${created ? 'Created' : 'Updated'} ${url}`);
}
