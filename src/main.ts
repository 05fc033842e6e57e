/**
 * Dispatches to the step named by the `step` input. The only place that fails the step: every
 * other module throws one of the errors in `errors.ts`. Timing (the one retry policy, Sigstore's
 * waits) and the GitHub clients are built here, once, for whichever step runs.
 */
import * as core from '@actions/core';
import { ActionError, describeError, InputError } from './core/errors.ts';
import { readSettings, type Settings } from './config/inputs.ts';
import { actionIO, type StepIO } from './core/io.ts';
import type { ClientOptions } from './github/octokit.ts';
import { realSleep, retryPolicyFor } from './http/retry.ts';
import { DEFAULT_SIGNING_TIMING, type SigningTiming } from './provenance/endpoints.ts';
import { readRunnerEnv, type RunnerEnv } from './config/runner-env.ts';
import { installProxy } from './http/proxy.ts';

/** GitHub requests get longer than other services: an upload of a large file is one request. */
const GITHUB_REQUEST_TIMEOUT_MS = 120_000;

export async function run(): Promise<void> {
  try {
    // Before any client exists: every request of the process goes through the runner's proxy.
    const proxy = installProxy();
    if (proxy) core.info(proxy);
    const settings = readSettings();
    await runStep(settings, readRunnerEnv(), actionIO);
  } catch (error) {
    // The failure's annotation is titled with what it is about (an input, a file, the tag).
    const subject = error instanceof ActionError ? error.subject : undefined;
    core.error(describeError(error), subject ? { title: `release-action: ${subject}` } : {});
    process.exitCode = 1;
  }
}

/**
 * Runs one step with the given settings; shared by the action and the command line. Steps are
 * loaded on demand so a build job running `collect` does not load the signing libraries.
 */
export async function runStep(settings: Settings, env: RunnerEnv, io: StepIO): Promise<void> {
  const policy = {
    ...retryPolicyFor(env.retryDelayMs, env.timeoutMs),
    warn: (line: string) => io.warning(line),
  };
  const signing: SigningTiming = {
    ...DEFAULT_SIGNING_TIMING,
    ...(env.retryDelayMs === undefined ? {} : { minRetryDelayMs: env.retryDelayMs }),
    ...(env.timeoutMs === undefined ? {} : { timeoutMs: env.timeoutMs }),
  };
  const github: ClientOptions = {
    token: 'githubToken' in settings ? settings.githubToken : undefined,
    apiUrl: env.apiUrl,
    ...(env.githubUploadUrl ? { uploadUrl: env.githubUploadUrl } : {}),
    repository: env.repository,
    policy: { ...policy, timeoutMs: env.timeoutMs ?? GITHUB_REQUEST_TIMEOUT_MS },
    sleep: realSleep,
    log: (message) => io.info(message),
    // Each retry is one warning line: the reason and what comes next.
    warn: (message) => io.warning(message),
  };
  const releases = async () =>
    (await import('./github/releases-client.ts')).createReleaseClient(github);
  // The tag and the repository's ids: public reads, for the repository a step looks at.
  const gitData = async (repository: string) =>
    (await import('./github/git-data.ts')).createGitData({ ...github, repository });
  // The artifact client (and its storage SDK) loads only for a step that uses it.
  const artifacts = async () =>
    (await import('./github/artifacts.ts')).createArtifactStore(env, policy);
  switch (settings.step) {
    case 'collect': {
      const { runCollect } = await import('./steps/collect.ts');
      await runCollect(settings, env, { io, artifacts });
      return;
    }
    case 'provenance': {
      const { runProvenance } = await import('./steps/provenance.ts');
      await runProvenance(settings, env, {
        io,
        artifacts,
        policy,
        signing,
        git: await gitData(env.repository),
      });
      return;
    }
    case 'release': {
      const { runRelease } = await import('./steps/release.ts');
      await runRelease(settings, env, {
        io,
        releases: await releases(),
        policy: github.policy,
        sleep: realSleep,
      });
      return;
    }
    case 'publish': {
      const { runPublish } = await import('./steps/publish.ts');
      await runPublish(settings, env, {
        io,
        artifacts,
        releases,
        policy,
        signing,
        sleep: realSleep,
        git: await gitData(env.repository),
      });
      return;
    }
    case 'prepare': {
      const [{ runPrepare }, { createTagClient }] = await Promise.all([
        import('./steps/prepare.ts'),
        import('./github/tags.ts'),
      ]);
      await runPrepare(settings, env, {
        io,
        tags: createTagClient(github),
        git: await gitData(env.repository),
        releases: await releases(),
        policy,
      });
      return;
    }
    case 'sign': {
      // The maintainer's own key signs on their machine; in CI it would be CI's signature.
      if (process.env.GITHUB_ACTIONS === 'true')
        throw new InputError('`sign` runs on the maintainer’s machine, not in a workflow.', {
          subject: 'step',
          hint: 'Run `release-action sign --tag <tag>` locally; in CI use `gpg-private-key` on `step: provenance`.',
        });
      const [{ runSign }, { createReleaseClient }] = await Promise.all([
        import('./steps/sign.ts'),
        import('./github/releases-client.ts'),
      ]);
      await runSign(settings, env, {
        io,
        releases: (token, repository) => createReleaseClient({ ...github, token, repository }),
        git: await gitData(settings.repository ?? env.repository),
      });
      return;
    }
    case 'verify': {
      const { runVerify } = await import('./steps/verify.ts');
      await runVerify(settings, env, {
        io,
        git: await gitData(settings.repository ?? env.repository),
      });
      return;
    }
    case 'index': {
      const { runIndex } = await import('./steps/index.ts');
      await runIndex(settings, env, { io, releases: await releases() });
      return;
    }
  }
}
