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
