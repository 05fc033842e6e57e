/**
 * Dispatches to the step named by the `step` input. The only place that fails the step: every
 * other module throws one of the errors in `errors.ts`.
 */
import * as core from '@actions/core';
import { createArtifactStore } from './artifacts.ts';
import { describeError, NotImplementedError } from './errors.ts';
import { readSettings, type Settings } from './inputs.ts';
import { actionIO, type StepIO } from './io.ts';
import { readRunnerEnv, type RunnerEnv } from './runner-env.ts';
import { runCollect } from './steps/collect.ts';
import { runProvenance } from './steps/provenance.ts';
import { runVerify } from './steps/verify.ts';

export async function run(): Promise<void> {
  try {
    const settings = readSettings();
    await runStep(settings, readRunnerEnv(), actionIO);
  } catch (error) {
    core.setFailed(describeError(error));
  }
}

/** Runs one step with the given settings; shared by the action and the command line. */
export async function runStep(settings: Settings, env: RunnerEnv, io: StepIO): Promise<void> {
  switch (settings.step) {
    case 'collect':
      await runCollect(settings, env, { io, artifacts: createArtifactStore });
      return;
    case 'provenance':
      await runProvenance(settings, env, { io, artifacts: createArtifactStore });
      return;
    case 'verify':
      await runVerify(settings, env, io);
      return;
    default:
      throw new NotImplementedError(
        `Step "${settings.step}" is not implemented in this version of release-action.`,
        {
          subject: 'step',
          hint: 'Available now: collect, provenance, verify. Pin a release of the action that lists this step in its README.',
        },
      );
  }
}
