/**
 * The only module that reads action inputs. It turns them into a typed, validated settings
 * object; every other module receives that object and never calls `core.getInput`.
 */
import * as core from '@actions/core';
import { clean as canonicalVersion } from '@renovatebot/pep440';
import { InputError } from './errors.ts';
import { quote } from './text.ts';

/** Every step of the design, in pipeline order. */
export const STEP_NAMES = [
  'prepare',
  'collect',
  'provenance',
  'release',
  'publish',
  'verify',
  'index',
] as const;
export type StepName = (typeof STEP_NAMES)[number];

/** Characters the artifact service refuses in names (see @actions/artifact). */
const ARTIFACT_NAME_FORBIDDEN = /["\\/:<>|*?\r\n]/;
const ARTIFACT_NAME_MAX_LENGTH = 200;

export interface CollectSettings {
  step: 'collect';
  /** As given, relative to the workspace or absolute. */
  packagesDir: string;
  /** Empty means: derive a unique name for this job. */
  artifactName: string | undefined;
  /** PEP 440 version the files must carry, leading `v` removed. */
  expectedVersion: string | undefined;
  uploadArtifact: boolean;
}

/** A step this version does not implement yet: carried so main can say so clearly. */
export interface PendingStepSettings {
  step: Exclude<StepName, 'collect'>;
}

export type Settings = CollectSettings | PendingStepSettings;

/** Where inputs come from: `@actions/core` in the action, a plain map from the command line. */
export interface InputSource {
  get(name: string): string;
}

export const actionInputs: InputSource = { get: (name) => core.getInput(name) };

export function readSettings(source: InputSource = actionInputs): Settings {
  const step = readStep(source);
  if (step === 'collect') return readCollectSettings(source);
  return { step };
}

function readStep(source: InputSource): StepName {
  const raw = source.get('step').trim().toLowerCase();
  if (!raw) {
    throw new InputError('Input "step" is required.', {
      subject: 'step',
      hint: `Add \`with: { step: collect }\` (one of: ${STEP_NAMES.join(', ')}).`,
    });
  }
  const step = STEP_NAMES.find((name) => name === raw);
  if (!step) {
    throw new InputError(`Input "step" has an unknown value ${quote(raw)}.`, {
      subject: 'step',
      hint: `Use one of: ${STEP_NAMES.join(', ')}.`,
    });
  }
  return step;
}

function readCollectSettings(source: InputSource): CollectSettings {
  return {
    step: 'collect',
    packagesDir: readNonEmpty(source, 'packages-dir', 'dist'),
    artifactName: readArtifactName(source),
    expectedVersion: readExpectedVersion(source),
    uploadArtifact: readBoolean(source, 'upload-artifact', true),
  };
}

function readNonEmpty(source: InputSource, name: string, fallback: string): string {
  const value = source.get(name).trim();
  return value || fallback;
}

/** YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts them. */
export function readBoolean(source: InputSource, name: string, fallback: boolean): boolean {
  const raw = source.get(name).trim();
  if (!raw) return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new InputError(`Input "${name}" must be true or false, not ${quote(raw)}.`, {
    subject: name,
    hint: `Write \`${name}: true\` or \`${name}: false\`.`,
  });
}

function readArtifactName(source: InputSource): string | undefined {
  const raw = source.get('artifact-name').trim();
  if (!raw) return undefined;
  if (ARTIFACT_NAME_FORBIDDEN.test(raw) || raw.length > ARTIFACT_NAME_MAX_LENGTH) {
    throw new InputError(`Input "artifact-name" is not a valid artifact name: ${quote(raw)}.`, {
      subject: 'artifact-name',
      hint: `Use at most ${ARTIFACT_NAME_MAX_LENGTH} characters and none of " : < > | * ? \\ / or line breaks, or leave it empty for a unique name per job.`,
    });
  }
  return raw;
}

function readExpectedVersion(source: InputSource): string | undefined {
  const raw = source.get('expected-version').trim();
  if (!raw) return undefined;
  const version = canonicalVersion(raw.replace(/^refs\/tags\//, '').replace(/^[vV]/, ''));
  if (!version) {
    throw new InputError(`Input "expected-version" is not a PEP 440 version: ${quote(raw)}.`, {
      subject: 'expected-version',
      hint: 'Pass the release version, e.g. `1.2.3` or the tag `v1.2.3` (a leading v is removed).',
    });
  }
  return version;
}
