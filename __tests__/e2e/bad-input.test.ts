import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, HATCH_WHEEL, startPipeline, type Pipeline } from '../../sandbox/pipeline.ts';
import { BAD_INPUTS } from '../unit/bad-input-cases.ts';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => {
  await pipeline?.close();
});

/**
 * A sample of bad inputs, one or two per step, through dist/index.js: exit code, annotations,
 * workflow-command injection and nothing uploaded are only visible from outside. Every case
 * (this sample included) also runs in process in __tests__/unit/bad-input.test.ts.
 */
const CASES = BAD_INPUTS.filter((c) => c.endToEnd).map(
  (c) => [c.name, c.inputs, c.subject] as const,
);

describe('bad input: one clear error, a non-zero exit, nothing uploaded', () => {
  it.each(CASES)('%s', async (_name, inputs, subject) => {
    const job = await pipeline.job('bad', [HATCH_WHEEL]);
    await writeFile(join(job.workspace, 'README.md'), '# x\n');
    const artifacts = pipeline.sandbox.artifacts.list().length;
    const uploads = pipeline.sandbox.github.requests.filter((r) => r.method !== 'GET').length;
    const run = await job.run(inputs, { idToken: true });
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors, run.stdout).toHaveLength(1);
    // Titled with the error's subject, the input it is about.
    expect(errors[0]?.properties.title).toMatch(/^release-action: [\w-]+$/);
    expect(errorOf(run)).toMatch(subject);
    expect(errorOf(run)).toMatch(/Fix: /);
    expect(
      run.stdout.split('\n').filter((l) => /^::(error|warning|set-output|add-mask)::x/.test(l)),
    ).toEqual([]);
    expect(pipeline.sandbox.artifacts.list().length).toBe(artifacts);
    expect(pipeline.sandbox.github.requests.filter((r) => r.method !== 'GET').length).toBe(uploads);
  });
});

describe('artifact-name that would name a folder outside its own', () => {
  it.each(['..', '.'])(
    'collect with artifact-name %j is refused and leaves the earlier steps’ folders as they were',
    async (name) => {
      const job = await pipeline.job('artifact-name', [HATCH_WHEEL]);
      const first = await job.run({ step: 'collect', 'upload-artifact': 'false' });
      expect(first.exitCode, first.stdout).toBe(0);
      const before = await listTree(job.runnerTemp);
      expect(before.length).toBeGreaterThan(0);
      const run = await job.run({ step: 'collect', 'artifact-name': name });
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toMatch(/artifact-name/);
      // The runner's own command files of the second run aside, nothing was added or removed.
      expect(await listTree(job.runnerTemp)).toEqual(before);
    },
  );
});

async function listTree(root: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const entries = await readdir(root, { recursive: true });
  return entries.filter((p) => !p.startsWith('_runner_file_commands/')).sort();
}
