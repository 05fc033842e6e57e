// Every example and every workflow of this repository through GitHub's own workflow parser
// (@actions/workflow-parser), and every use of this action in them checked against action.yml:
// `with:` keys are declared inputs, `steps.<id>.outputs.<name>` are declared outputs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  convertWorkflowTemplate,
  NoOperationTraceWriter,
  parseWorkflow,
} from '@actions/workflow-parser';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { inputNamesOfStep, STEP_NAMES, type StepName } from '../src/config/inputs.ts';
import { stepHelp } from '../src/config/step-inputs.ts';

const root = join(import.meta.dirname, '..');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { required?: boolean }>;
  outputs: Record<string, unknown>;
};

interface Step {
  id?: string;
  'continue-on-error'?: boolean;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  environment?: string | { name: string };
  steps: Step[];
}
interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const files = [
  ...readdirSync(join(root, 'examples')).map((name) => join('examples', name)),
  ...readdirSync(join(root, '.github', 'workflows')).map((name) =>
    join('.github', 'workflows', name),
  ),
].filter((path) => /\.ya?ml$/.test(path));

/** This action: by its published name in the examples, from the checkout in the self-test. */
const isThisAction = (step: Step) =>
  step.uses === './' || /^[\w.-]+\/release-action@/.test(step.uses ?? '');

describe.each(files)('%s', (file) => {
  const text = readFileSync(join(root, file), 'utf8');
  const workflow = parse(text) as Workflow;

  it("passes GitHub's workflow parser without errors", async () => {
    const parsed = parseWorkflow({ name: file, content: text }, new NoOperationTraceWriter());
    expect(parsed.context.errors.getErrors().map((e) => e.message)).toEqual([]);
    expect(parsed.value).toBeDefined();
    const template = await convertWorkflowTemplate(parsed.context, parsed.value!);
    expect(template.errors ?? []).toEqual([]);
    expect(template.jobs.length).toBe(Object.keys(workflow.jobs).length);
  });

  it('gives this action only inputs action.yml declares, and every required one', () => {
    for (const job of Object.values(workflow.jobs)) {
      // A step allowed to fail is the self-test's check that a foreign input is refused.
      for (const step of job.steps.filter((s) => isThisAction(s) && !s['continue-on-error'])) {
        expect(STEP_NAMES).toContain(step.with?.step);
        const read = inputNamesOfStep(step.with?.step as StepName);
        for (const key of Object.keys(step.with ?? {})) {
          expect(action.inputs, `${file}: input ${key}`).toHaveProperty(key);
          // An input the step does not read is refused (readSettings), not ignored.
          if (key !== 'step')
            expect(read, `${file}: step ${String(step.with?.step)} reads ${key}`).toContain(key);
        }
        for (const [name, input] of Object.entries(action.inputs))
          if (input.required) expect(step.with, `${file}: ${name}`).toHaveProperty(name);
      }
    }
  });

  it('reads only outputs action.yml declares, of steps of the same job', () => {
    for (const [jobName, job] of Object.entries(workflow.jobs)) {
      const jobText = JSON.stringify(job);
      for (const match of jobText.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        const [, id, output] = match as unknown as [string, string, string];
        const step = job.steps.find((s) => s.id === id);
        expect(step, `${file}: job ${jobName} has a step with id ${id}`).toBeDefined();
        if (step && isThisAction(step))
          expect(action.outputs, `${file}: output ${output}`).toHaveProperty(output);
      }
    }
  });

  it('grants nothing at the workflow level', () => {
    expect(workflow.permissions).toEqual({});
  });
});

it('the uses of this action in the examples all take the same reference', () => {
  const refs = new Set(
    files
      .filter((file) => file.startsWith('examples'))
      .flatMap((file) => [
        ...readFileSync(join(root, file), 'utf8').matchAll(/uses: (\S+release-action@\S+)/g),
      ])
      .map((m) => m[1]),
  );
  expect([...refs]).toEqual(['org/release-action@v1']);
});

it('the self-test runs the action from its own checkout, and expects a foreign input refused', () => {
  const workflow = parse(
    readFileSync(join(root, '.github', 'workflows', 'self-test.yml'), 'utf8'),
  ) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  expect(steps.filter((s) => s.uses === './').length).toBeGreaterThanOrEqual(3);
  // The step allowed to fail is a step that succeeded, plus a foreign input: only that input
  // can make it fail, so its failure proves the refusal.
  const allowedToFail = steps.filter((s) => s['continue-on-error']);
  expect(allowedToFail).toHaveLength(1);
  const { packages_dir: foreign, ...rest } = allowedToFail[0]?.with ?? {};
  expect(foreign).toBe('dist');
  const succeeded = steps.find((s) => s.id === 'collect');
  expect(succeeded?.uses).toBe('./');
  expect(rest).toEqual(succeeded?.with);
  const text = readFileSync(join(root, '.github', 'workflows', 'self-test.yml'), 'utf8');
  expect(text).toContain('"packages_dir" is not an input of this action');
});

it("the action's own release moves the major tag with a token that may move it", () => {
  const workflow = parse(
    readFileSync(join(root, '.github', 'workflows', 'release.yml'), 'utf8'),
  ) as { jobs: Record<string, { steps: Array<{ run?: string; env?: Record<string, string> }> }> };
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
  // github.token never has the `workflows` permission, which moving v1 over a change to
  // .github/workflows/** needs.
  const moving = steps.filter((s) => /git\/refs/.test(s.run ?? ''));
  expect(moving).toHaveLength(1);
  expect(moving[0]?.env?.GH_TOKEN).toBe('${{ secrets.MAJOR_TAG_TOKEN }}');
  expect(moving[0]?.run).toMatch(/if \[ -z "\$GH_TOKEN" \]/);
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  expect(readme).toContain('MAJOR_TAG_TOKEN');
});

it("GitHub's parser does find errors (the check above is not vacuous)", () => {
  const parsed = parseWorkflow(
    { name: 'bad.yml', content: 'on: push\njobs:\n  a:\n    runs-on: x\n    stepz: []\n' },
    new NoOperationTraceWriter(),
  );
  expect(
    parsed.context.errors
      .getErrors()
      .map((e) => e.message)
      .join(),
  ).toMatch(/stepz/);
});

it('CI skips, on macOS and Windows, exactly the test files that need Debian tools', () => {
  const ci = parse(readFileSync(join(root, '.github', 'workflows', 'ci.yml'), 'utf8')) as {
    jobs: { test: { steps: Array<{ env?: { NEEDS_DEBIAN?: string } }> } };
  };
  const listed = (ci.jobs.test.steps.find((s) => s.env?.NEEDS_DEBIAN)?.env?.NEEDS_DEBIAN ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .sort();
  const tests = (readdirSync(join(root, '__tests__'), { recursive: true }) as string[])
    .map((name) => name.split('\\').join('/'))
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => `__tests__/${name}`)
    .filter((name) => name !== '__tests__/workflows.test.ts');
  // Also a script it runs (`'/bin/sh'`, a stand-in written and made executable: its #! is /bin/sh).
  const oracle =
    /\/usr\/bin\/|'(gpg|sha256sum|unzip|tar|cp|openssl|unshare|ssh-keygen|git|sh|bash|cat)'|twine|python3|tinyproxy|'\/bin\/|\bchmod\(.+0o7[0-7]{2}\)/;
  // A test needs them when it, or a test helper it imports, calls one.
  const helpers = (readdirSync(join(root, '__tests__', 'helpers')) as string[])
    .filter((name) => name.endsWith('.ts'))
    .filter((name) => oracle.test(readFileSync(join(root, '__tests__', 'helpers', name), 'utf8')))
    .map((name) => name.replace(/\.ts$/, ''));
  const usesHelper = (text: string) => helpers.some((h) => text.includes(`helpers/${h}.ts`));
  const needing = tests.filter((name) => {
    const text = readFileSync(join(root, name), 'utf8');
    return oracle.test(text) || usesHelper(text);
  });
  expect(listed).toEqual(needing.sort());
});

describe('the new examples grant each job only what it needs', () => {
  const read = (name: string) =>
    parse(readFileSync(join(root, 'examples', name), 'utf8')) as Workflow;

  it('backup-index.yml: reads releases, deploys Pages', () => {
    const { jobs } = read('backup-index.yml');
    expect(jobs.index?.permissions).toEqual({ contents: 'read' });
    expect(jobs.deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(jobs.deploy?.environment).toMatchObject({ name: 'github-pages' });
    expect(jobs.index?.steps.map((s) => s.uses)).toEqual([
      'org/release-action@v1',
      'actions/upload-pages-artifact@v4',
    ]);
    expect(jobs.deploy?.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
  });

  it('release-pure-python.yml: one build job for the wheel and the sdist, no cibuildwheel', () => {
    const { jobs } = read('release-pure-python.yml');
    expect(Object.keys(jobs)).toEqual(['build', 'release', 'publish']);
    expect(JSON.stringify(jobs)).not.toContain('cibuildwheel');
    expect(jobs.build?.permissions).toEqual({ contents: 'read' });
    expect(jobs.release?.permissions).toEqual({ 'id-token': 'write', contents: 'write' });
    expect(jobs.publish?.permissions).toEqual({ 'id-token': 'write', contents: 'write' });
    expect(jobs.publish?.environment).toBe('publish');
  });
});

describe('README', () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const quickStart = readme.slice(
    readme.indexOf('## Quick start'),
    readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1),
  );

  it('starts with the quick start, whose steps are in order and link examples that exist', () => {
    expect(readme.indexOf('## Quick start')).toBeLessThan(readme.indexOf('\n## ', 1) + 2);
    const steps = [...quickStart.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(steps).toEqual(steps.map((_, i) => i + 1));
    for (const [, path] of readme.matchAll(/\]\((examples\/[\w.-]+)\)/g))
      expect(files, `${path} exists`).toContain(path);
    for (const word of ['@v1', 'pending', 'TestPyPI', 'environment', 'Approve', 'commit sha'])
      expect(quickStart).toContain(word);
    // Nothing assumed: an account on each index, with the 2FA they require, comes first.
    for (const signUp of [
      'https://pypi.org/account/register/',
      'https://test.pypi.org/account/register/',
    ])
      expect(quickStart).toContain(signUp);
    expect(quickStart.match(/two-factor|2FA/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('never tells anyone to run the unclaimed npm name', () => {
    expect(readme).toContain('npx --yes github:<owner>/release-action');
  });
});

/**
 * `npx [flags] release-action…` (or `npx -p release-action …`) anywhere: npx would fetch the
 * unclaimed bare name from the npm registry. `npx github:<owner>/release-action#…` is the safe
 * form; a command named `release-action` after installing from the repository is fine too.
 */
const GAP = String.raw`(?:\s|\\(?=\s))+`; // spaces, and a shell's line continuation
const BARE_NPX = new RegExp(
  String.raw`\bnpx(?:${GAP}-[^\s=]+(?:=\S+)?)*?${GAP}(?:(?:-p|--package)(?:=|${GAP}))?release-action(?![\w/-])`,
);

describe('the unclaimed npm name is never run through npx', () => {
  it('the pattern catches the bare name however it is written, and not the safe form', () => {
    for (const line of [
      'npx release-action sign',
      'GITHUB_TOKEN=$(gh auth token) npx release-action sign --tag v1',
      'npx --yes release-action verify',
      'npx -y release-action@1.0.0 verify',
      'npx --package=release-action release-action verify',
      'npx -p release-action verify',
      'run `npx --yes \\\n  release-action verify` first',
    ])
      expect(line, line).toMatch(BARE_NPX);
    for (const line of [
      'npx --yes github:<owner>/release-action#v1 verify',
      'npx github:octo-org/release-action#0123abc sign',
      'release-action sign --tag v1',
      'given that bare name, npx would download it',
    ])
      expect(line, line).not.toMatch(BARE_NPX);
  });

  const texts: Array<[string, string]> = [
    'README.md',
    'SECURITY.md',
    'action.yml',
    ...readdirSync(join(root, 'examples')).map((name) => join('examples', name)),
    // The command line's --help texts: the general and sign's are in cli.ts, a step's is built
    // from action.yml's descriptions (checked above) by stepHelp.
    'src/cli.ts',
  ].map((path) => [path, readFileSync(join(root, path), 'utf8')]);
  it.each(texts)('%s', (_path, text) => {
    expect(text).not.toMatch(BARE_NPX);
  });
  it.each(STEP_NAMES)('release-action %s --help', (step) => {
    expect(stepHelp(step, step)).not.toMatch(BARE_NPX);
  });
});
