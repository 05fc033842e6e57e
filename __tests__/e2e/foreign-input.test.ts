// Inputs the action does not have, through dist/index.js as a runner runs it: the names
// pypa/gh-action-pypi-publish and softprops/action-gh-release take, snake_case spellings and
// typos. Each is refused before anything happens, with the name to write instead; ignored,
// `repository_url: https://test.pypi.org/legacy/` would upload to production PyPI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputVariable } from '../../sandbox/harness.ts';
import { errorOf, HATCH_WHEEL, startPipeline, type Pipeline } from '../../sandbox/pipeline.ts';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => {
  await pipeline?.close();
});

/** [what a migrant wrote, the inputs, what the error must name and suggest] */
const CASES: Array<[string, Record<string, string>, RegExp[]]> = [
  [
    'gh-action-pypi-publish: repository_url (TestPyPI meant)',
    { step: 'publish', repository_url: 'https://test.pypi.org/legacy/' },
    [/"repository_url"/, /`repository-url`/],
  ],
  [
    'gh-action-pypi-publish: packages_dir',
    { step: 'publish', packages_dir: 'wheelhouse/' },
    [/"packages_dir"/, /`packages-dir`/, /from: release/],
  ],
  [
    'gh-action-pypi-publish: skip_existing',
    { step: 'publish', skip_existing: 'true' },
    [/"skip_existing"/, /`skip-existing`/],
  ],
  [
    'gh-action-pypi-publish: verify-metadata',
    { step: 'publish', 'verify-metadata': 'false' },
    [/"verify-metadata"/, /always checks the metadata/],
  ],
  [
    'softprops: files',
    { step: 'release', files: 'dist/*' },
    [/"files"/, /step: collect/, /packages-dir/],
  ],
  ['softprops: tag_name', { step: 'release', tag_name: 'v1.0.0' }, [/"tag_name"/, /`tag`/]],
  [
    'softprops: draft',
    { step: 'release', draft: 'false' },
    [/"draft"/, /always a draft/, /publish-release/],
  ],
  [
    'a typo of an input',
    { step: 'verify', repositry: 'octo-org/octo-repo' },
    [/"repositry"/, /did you mean `repository`/],
  ],
  [
    'a name with nothing near it',
    { step: 'collect', 'frobnicate-everything': 'yes' },
    [/"frobnicate-everything"/, /inputs are: step, packages-dir/],
  ],
];

describe('inputs the action does not have are refused, naming the one to use', () => {
  it.each(CASES)('%s', async (_name, inputs, expected) => {
    const job = await pipeline.job('foreign', [HATCH_WHEEL]);
    const github = pipeline.sandbox.github.requests.length;
    const pypi = pipeline.sandbox.pypi.requests.length;
    const testpypi = pipeline.sandbox.testpypi.requests.length;
    const artifacts = pipeline.sandbox.artifacts.list().length;
    const run = await job.run(inputs, { idToken: true });
    expect(run.exitCode).toBe(1);
    // The runner's spelling: upper-cased, `_` and `-` kept as written.
    const foreign = Object.keys(inputs).find((key) => key !== 'step') as string;
    expect(run.env[inputVariable(foreign)]).toBe(inputs[foreign]);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors, run.stdout).toHaveLength(1);
    for (const pattern of expected) expect(errorOf(run)).toMatch(pattern);
    expect(errorOf(run)).toMatch(/not an input of this action; nothing was done/);
    expect(errorOf(run)).toMatch(/Fix: /);
    expect(pipeline.sandbox.github.requests.length).toBe(github);
    expect(pipeline.sandbox.pypi.requests.length).toBe(pypi);
    expect(pipeline.sandbox.testpypi.requests.length).toBe(testpypi);
    expect(pipeline.sandbox.artifacts.list().length).toBe(artifacts);
  });

  it('names every unknown input at once', async () => {
    const job = await pipeline.job('foreign-many', [HATCH_WHEEL]);
    const run = await job.run({ step: 'release', tag_name: 'v1.0.0', files: 'dist/*' });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/Inputs "files", "tag_name" are not inputs of this action/);
  });

  it("an input of another step is refused: softprops's `repository` on release", async () => {
    const job = await pipeline.job('elsewhere', [HATCH_WHEEL]);
    const github = pipeline.sandbox.github.requests.length;
    const run = await job.run({ step: 'release', repository: 'other-org/other-repo' });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/Input "repository" is not read by `step: release`/);
    expect(errorOf(run)).toMatch(/read by `step: verify`/);
    expect(errorOf(run)).toMatch(/softprops\/action-gh-release's `repository`/);
    // Nothing was released, into either repository.
    expect(pipeline.sandbox.github.requests.length).toBe(github);
  });

  it('the same inputs in kebab-case are accepted', async () => {
    const job = await pipeline.job('kebab', [HATCH_WHEEL]);
    const run = await job.run({ step: 'collect', 'packages-dir': 'dist' });
    expect(run.exitCode, errorOf(run)).toBe(0);
  });
});
