/**
 * Dispatches to the step named by the `step` input. The only place that fails the step: every
 * other module throws one of the errors in `errors.ts`.
 */
import * as core from '@actions/core';
import { describeError } from './core/errors.ts';
import { readSettings, type Settings } from './config/inputs.ts';
import { actionIO, type StepIO } from './core/io.ts';
import type { ClientOptions } from './github/releases-client.ts';
import { readRunnerEnv, type RunnerEnv } from './config/runner-env.ts';
import { installProxy } from './http/proxy.ts';

export async function run(): Promise<void> {
  try {
    // Before any client exists: every request of the process goes through the runner's proxy.
    const proxy = installProxy();
    if (proxy) core.info(proxy);
    const settings = readSettings();
    await runStep(settings, readRunnerEnv(), actionIO);
  } catch (error) {
    core.setFailed(describeError(error));
  }
}

/**
 * Runs one step with the given settings; shared by the action and the command line. Steps are
 * loaded on demand so a build job running `collect` does not load the signing libraries.
 */
export async function runStep(settings: Settings, env: RunnerEnv, io: StepIO): Promise<void> {
  // The artifact client (and its storage SDK) loads only for a step that uses it.
  const artifacts = async () => (await import('./github/artifacts.ts')).createArtifactStore(env);
  switch (settings.step) {
    case 'collect': {
      const { runCollect } = await import('./steps/collect.ts');
      await runCollect(settings, env, { io, artifacts });
      return;
    }
    case 'provenance': {
      const { runProvenance } = await import('./steps/provenance.ts');
      await runProvenance(settings, env, { io, artifacts });
      return;
    }
    case 'release': {
      const [{ runRelease }, { createReleaseClient }] = await Promise.all([
        import('./steps/release.ts'),
        import('./github/releases-client.ts'),
      ]);
      await runRelease(settings, env, {
        io,
        client: (token, concurrency) =>
          createReleaseClient(githubClientOptions(env, io, token, concurrency)),
      });
      return;
    }
    case 'publish': {
      const { runPublish } = await import('./steps/publish.ts');
      await runPublish(settings, env, {
        io,
        artifacts,
        releaseClient: async (token) =>
          (await import('./github/releases-client.ts')).createReleaseClient(
            githubClientOptions(env, io, token, settings.uploadConcurrency),
          ),
      });
      return;
    }
    case 'prepare': {
      const [{ runPrepare }, { createReleaseClient }, { createTagClient }] = await Promise.all([
        import('./steps/prepare.ts'),
        import('./github/releases-client.ts'),
        import('./github/tags.ts'),
      ]);
      const options = (token: string) => githubClientOptions(env, io, token, 4);
      await runPrepare(settings, env, {
        io,
        tags: (token) => createTagClient(options(token)),
        releases: (token) => createReleaseClient(options(token)),
      });
      return;
    }
    case 'verify': {
      const { runVerify } = await import('./steps/verify.ts');
      await runVerify(settings, env, io);
      return;
    }
    case 'index': {
      const [{ runIndex }, { createReleaseClient }] = await Promise.all([
        import('./steps/index.ts'),
        import('./github/releases-client.ts'),
      ]);
      await runIndex(settings, env, {
        io,
        releases: (token) => createReleaseClient(githubClientOptions(env, io, token, 4)),
      });
      return;
    }
  }
}

/** How every step talks to GitHub's API: the runner's endpoints, timing knobs, logging. */
function githubClientOptions(
  env: RunnerEnv,
  io: StepIO,
  token: string,
  concurrency: number,
): ClientOptions {
  return {
    token,
    apiUrl: env.apiUrl,
    repository: env.repository,
    concurrency,
    ...(env.retryDelayMs === undefined ? {} : { retryDelayMs: env.retryDelayMs }),
    ...(env.timeoutMs === undefined ? {} : { timeoutMs: env.timeoutMs }),
    log: (message) => io.info(message),
  };
}
