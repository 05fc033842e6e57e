import { describe, expect, it } from 'vitest';
import { InputError } from '../src/core/errors.ts';
import { readSettings, type InputSource } from '../src/config/inputs.ts';

const source = (values: Record<string, string>): InputSource => ({
  get: (name) => values[name] ?? '',
});

describe('readSettings', () => {
  it('reads collect with defaults', () => {
    expect(readSettings(source({ step: 'collect' }))).toEqual({
      step: 'collect',
      packagesDir: 'dist',
      artifactName: undefined,
      expectedVersion: undefined,
      uploadArtifact: true,
      indexRules: 'pypi',
    });
  });

  it('normalizes expected-version from a tag', () => {
    const settings = readSettings(source({ step: 'collect', 'expected-version': 'v1.2.0-RC1' }));
    expect(settings).toMatchObject({ expectedVersion: '1.2.0rc1' });
  });

  it.each([
    [{ step: '' }, 'step', /required/],
    [{ step: 'deploy' }, 'step', /unknown value "deploy"/],
    [{ step: 'collect', 'upload-artifact': 'yes' }, 'upload-artifact', /true or false/],
    [{ step: 'collect', 'expected-version': 'banana' }, 'expected-version', /not a PEP 440/],
    [{ step: 'collect', 'artifact-name': 'a/b' }, 'artifact-name', /not a valid artifact name/],
    [{ step: 'collect', 'artifact-name': 'x'.repeat(201) }, 'artifact-name', /not a valid/],
    [{ step: 'collect', 'artifact-name': '..' }, 'artifact-name', /names a folder/],
    [{ step: 'collect', 'artifact-name': '.' }, 'artifact-name', /names a folder/],
    [{ step: 'collect', 'artifact-name': 'dists\u202e' }, 'artifact-name', /bidirectional/],
  ])('refuses %o naming the input', (values, subject, message) => {
    let error: unknown;
    try {
      readSettings(source(values));
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).subject).toBe(subject);
    expect((error as InputError).message).toMatch(message);
    expect((error as InputError).hint).toBeTruthy();
  });

  it('quotes hostile values so they cannot start a workflow command', () => {
    expect(() => readSettings(source({ step: 'x\n::add-mask::y' }))).toThrow(/"x\\n::add-mask::y"/);
  });

  it('reads index with defaults', () => {
    expect(readSettings(source({ step: 'index' }))).toEqual({
      step: 'index',
      indexDir: 'simple',
      githubToken: undefined,
    });
  });
});

describe('index-rules', () => {
  it.each(['pypi', 'testpypi', 'none', 'PyPI'])('takes %s for collect and publish', (value) => {
    for (const step of ['collect', 'publish'])
      expect(readSettings(source({ step, 'index-rules': value }))).toMatchObject({
        indexRules: value.toLowerCase(),
      });
  });

  it('refuses another value, naming the choices', () => {
    expect(() => readSettings(source({ step: 'collect', 'index-rules': 'devpi' }))).toThrow(
      /Input "index-rules" has an unknown value "devpi"/,
    );
  });
});
