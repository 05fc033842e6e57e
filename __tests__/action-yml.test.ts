import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NoOperationTraceWriter } from '@actions/workflow-parser';
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { STEP_NAMES } from '../src/config/inputs.ts';
import { inputsOfStep } from '../src/config/step-inputs.ts';

const root = join(import.meta.dirname, '..');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  runs: { using: string; main: string };
  inputs: Record<string, { description?: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description?: string }>;
};
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const sources = ['config/inputs.ts', 'cli.ts']
  .map((f) => readFileSync(join(root, 'src', f), 'utf8'))
  .join('\n');

describe('action.yml', () => {
  it('runs the bundle on node24 with a required step input', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' });
    expect(action.inputs.step?.required).toBe(true);
    for (const step of STEP_NAMES) expect(action.inputs.step?.description).toContain(step);
  });

  it('describes every input and output in kebab-case, in the README too', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(input.description, name).toBeTruthy();
      expect(readme, `README documents input ${name}`).toContain(`\`${name}\``);
    }
    for (const [name, output] of Object.entries(action.outputs)) {
      expect(name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(output.description, name).toBeTruthy();
      expect(readme, `README documents output ${name}`).toContain(`\`${name}\``);
    }
  });

  it('gives every boolean input a default and reads only inputs it declares', () => {
    for (const match of sources.matchAll(/readBoolean\(source, '([a-z-]+)'/g)) {
      const name = match[1] as string;
      expect(action.inputs[name]?.default, name).toMatch(/^(true|false)$/);
    }
    for (const match of sources.matchAll(
      /source\.get\('([a-z-]+)'\)|read\w+\(source, '([a-z-]+)'/g,
    )) {
      const name = (match[1] ?? match[2]) as string;
      expect(action.inputs[name], `action.yml declares ${name}`).toBeDefined();
    }
  });

  it('is embedded in src/config/action-inputs.ts, generated from it (the bundles read no YAML)', () => {
    // Throws with the command to run when the generated module is stale.
    execFileSync(process.execPath, ['scripts/action-inputs.mjs', '--check'], { cwd: root });
  });

  it("passes GitHub's action.yml parser, which sees the same inputs and outputs", () => {
    const content = readFileSync(join(root, 'action.yml'), 'utf8');
    const parsed = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    const template = convertActionTemplate(parsed.context, parsed.value!);
    expect(template.runs).toMatchObject({ using: 'node24', main: 'dist/index.js' });
    expect(template.inputs?.map((i) => i.id)).toEqual(Object.keys(action.inputs));
    expect(template.outputs?.map((o) => o.id)).toEqual(Object.keys(action.outputs));
  });

  it('names, in each input description, every step that reads it (what --help shows)', () => {
    for (const step of STEP_NAMES) {
      for (const input of inputsOfStep(step))
        expect(input.description, `${input.name} is read by ${step}`).toMatch(
          new RegExp(`\\b${step}\\b`),
        );
    }
  });
});
