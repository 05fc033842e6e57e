import { describe, expect, it } from 'vitest';
import { ACTION_INPUTS } from '../src/config/action-inputs.ts';
import { adviceFor, givenInputNames, nearestName } from '../src/config/input-names.ts';

const known = ACTION_INPUTS.map((input) => input.name);

describe('input names that are not inputs', () => {
  it('reads the with: keys back from the runner spelling, `-` and `_` kept', () => {
    expect(
      givenInputNames({
        'INPUT_REPOSITORY-URL': 'x',
        INPUT_REPOSITORY_URL: 'y',
        INPUT_STEP: 'publish',
        INPUT_: 'odd',
        GITHUB_INPUT_X: 'no',
      }).sort(),
    ).toEqual(['repository-url', 'repository_url', 'step']);
  });

  it('suggests the kebab-case name for a snake_case one, and the nearest for a typo', () => {
    expect(nearestName('upload_concurrency', known)).toBe('upload-concurrency');
    expect(nearestName('repositry', known)).toBe('repository');
    expect(nearestName('trusted-rot', known)).toBe('trusted-root');
    expect(nearestName('completely-unrelated-thing', known)).toBeUndefined();
  });

  it('gives migrants the input to write, not a guess', () => {
    expect(adviceFor('tag_name', known)).toBe('write `tag`');
    expect(adviceFor('repository_url', known)).toMatch(/`repository-url`/);
    expect(adviceFor('name', known)).toBe('write `release-name`');
    expect(adviceFor('working_directory', known)).toMatch(/`packages-dir`/);
    expect(adviceFor('append_body', known)).toMatch(/notes of a new draft/);
    expect(adviceFor('discussion_category_name', known)).toMatch(/Create a discussion/);
    // `user` is an input of publish: not migration advice, which would contradict README.
    expect(known).toContain('user');
  });
});

describe('readSettings with the names the runner passed', () => {
  it('refuses a foreign name before anything else, even before the step', async () => {
    const { readSettings } = await import('../src/config/inputs.ts');
    const values: Record<string, string> = { step: 'publish', repository_url: 'https://x/' };
    const source = { get: (name: string) => values[name] ?? '', names: () => Object.keys(values) };
    expect(() => readSettings(source)).toThrow(/"repository_url" is not an input of this action/);
    values.step = 'no-such-step';
    expect(() => readSettings(source)).toThrow(/"repository_url"/);
    delete values.repository_url;
    values.step = 'collect';
    expect(readSettings(source).step).toBe('collect');
  });
});

describe('readSettings refuses inputs of this action that the step does not read', () => {
  /** What the runner passes: every declared input with its default, the workflow's on top. */
  const runner = (given: Record<string, string>) => {
    const values: Record<string, string> = {};
    for (const input of ACTION_INPUTS)
      values[input.name] = input.default.includes('${{') ? 'ghs_evaluated-token' : input.default;
    Object.assign(values, given);
    return { get: (name: string) => values[name] ?? '', names: () => Object.keys(values) };
  };

  it("softprops's `repository` on release: named, with its step and what to do", async () => {
    const { readSettings } = await import('../src/config/inputs.ts');
    const read = () => readSettings(runner({ step: 'release', repository: 'other/repo' }));
    expect(read).toThrow(/Input "repository" is not read by `step: release`/);
    expect(read).toThrow(/nothing was done/);
    try {
      read();
    } catch (error) {
      const hint = (error as { hint?: string }).hint ?? '';
      expect(hint).toMatch(/repository: read by `step: verify`, the command line's `sign`/);
      expect(hint).toMatch(/softprops\/action-gh-release's `repository`.*not supported/);
    }
  });

  it('names every unread input at once, each with the steps that read it', async () => {
    const { readSettings } = await import('../src/config/inputs.ts');
    const source = runner({
      step: 'collect',
      'repository-url': 'https://test.pypi.org/legacy/',
      'publish-release': 'true',
    });
    expect(() => readSettings(source)).toThrow(
      /Inputs "publish-release", "repository-url" are not read by `step: collect`/,
    );
    try {
      readSettings(source);
    } catch (error) {
      const hint = (error as { hint?: string }).hint ?? '';
      expect(hint).toMatch(/repository-url: read by `step: prepare`, `step: publish`/);
      expect(hint).toMatch(/publish-release: read by `step: release`; remove it/);
    }
  });

  it("accepts action.yml's defaults on every step, and a default written out", async () => {
    const { readSettings, STEP_NAMES } = await import('../src/config/inputs.ts');
    for (const step of STEP_NAMES.filter((s) => s !== 'sign'))
      expect(readSettings(runner({ step })).step).toBe(step);
    // `upload-concurrency` is not collect's, but 8 is its default: the runner's value.
    expect(readSettings(runner({ step: 'collect', 'upload-concurrency': '8' })).step).toBe(
      'collect',
    );
    // A non-default value of an input the step reads is of course fine.
    expect(readSettings(runner({ step: 'collect', 'packages-dir': 'wheelhouse' })).step).toBe(
      'collect',
    );
  });

  it('the command line, which has its own check, and sources without names are not judged', async () => {
    const { readSettings } = await import('../src/config/inputs.ts');
    const values: Record<string, string> = { step: 'collect', repository: 'other/repo' };
    expect(readSettings({ get: (name) => values[name] ?? '' }).step).toBe('collect');
  });
});
