import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { STEP_NAMES } from '../src/config/inputs.ts';

const root = join(import.meta.dirname, '..');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { required?: boolean; default?: string }>;
};

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  environment?: string;
  steps: Step[];
}

type Level = 'read' | 'write';
/** What each step of the action needs from the job's token. */
function needs(step: Step): Record<string, Level> {
  if (step.uses?.startsWith('actions/checkout')) return { contents: 'read' };
  if (!step.uses?.startsWith('org/release-action')) return {};
  const name = String(step.with?.step);
  if (name === 'prepare') return { contents: step.with?.project ? 'write' : 'read' };
  if (name === 'provenance') {
    return {
      'id-token': 'write',
      ...(step.with?.['github-attestation'] === true ? { attestations: 'write' as const } : {}),
    };
  }
  if (name === 'release') return { contents: 'write' };
  if (name === 'publish') return { 'id-token': 'write', contents: 'write' };
  return {};
}

function required(job: Job): Record<string, Level> {
  const result: Record<string, Level> = {};
  for (const step of job.steps) {
    for (const [scope, level] of Object.entries(needs(step))) {
      if (result[scope] !== 'write') result[scope] = level;
    }
  }
  return result;
}

describe.each(['release.yml'])('examples/%s', (file) => {
  const workflow = parse(readFileSync(join(root, 'examples', file), 'utf8')) as {
    permissions?: Record<string, string>;
    jobs: Record<string, Job>;
  };
  const actionSteps = Object.values(workflow.jobs).flatMap((job) =>
    job.steps.filter((s) => s.uses?.startsWith('org/release-action')),
  );

  it('grants nothing at the workflow level', () => {
    expect(workflow.permissions).toEqual({});
  });

  it('uses only inputs action.yml declares, with a valid step', () => {
    expect(actionSteps.length).toBeGreaterThan(0);
    for (const step of actionSteps) {
      expect(STEP_NAMES).toContain(step.with?.step);
      for (const key of Object.keys(step.with ?? {}))
        expect(action.inputs, `${file}: input ${key}`).toHaveProperty(key);
      for (const [name, input] of Object.entries(action.inputs)) {
        if (input.required)
          expect(step.with, `${file}: required input ${name}`).toHaveProperty(name);
      }
    }
  });

  it.each(Object.keys(parse(readFileSync(join(root, 'examples', file), 'utf8')).jobs as object))(
    'job %s has exactly the permissions its steps need',
    (name) => {
      const job = workflow.jobs[name] as Job;
      expect(job.permissions ?? {}).toEqual(required(job));
      if (job.steps.some((s) => s.with?.step === 'publish'))
        expect(job.environment).toBe(action.inputs.environment?.default);
    },
  );
});

it('one workflow file carries the tag push and the backfill, which builds only the requested Python from the tag', () => {
  const text = readFileSync(join(root, 'examples', 'release.yml'), 'utf8');
  const workflow = parse(text) as {
    on: { push?: unknown; workflow_dispatch?: { inputs: Record<string, unknown> } };
    jobs: Record<string, Job & { if?: string }>;
  };
  expect(workflow.on.push).toBeDefined();
  expect(Object.keys(workflow.on.workflow_dispatch?.inputs ?? {})).toEqual(['tag', 'python']);
  expect(text).toContain(
    "CIBW_BUILD: ${{ inputs.python && format('{0}-*', inputs.python) || '*' }}",
  );
  expect(text).toContain("format('{0}.intoto.jsonl', inputs.python)");
  expect(workflow.jobs.sdist?.if).toBe("github.event_name == 'push'");
  for (const job of Object.values(workflow.jobs)) {
    for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout'))) {
      expect(step.with?.ref).toBe('${{ inputs.tag || github.ref }}');
    }
  }
});
