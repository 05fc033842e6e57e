import { describe, expect, it } from 'vitest';
import { defaultArtifactName, jobBackendId } from '../src/config/artifact-name.ts';
import { readRunnerEnv } from '../src/config/runner-env.ts';

const token = (scp: string): string =>
  ['e30', Buffer.from(JSON.stringify({ scp })).toString('base64url'), 'sig'].join('.');

describe('default artifact names', () => {
  it('reads the job backend id from the runtime token', () => {
    expect(jobBackendId(token('Actions.GenericRead:run1 Actions.Results:run1:job7'))).toBe('job7');
    expect(jobBackendId('garbage')).toBeUndefined();
    expect(jobBackendId(token('Actions.GenericRead:run1'))).toBeUndefined();
  });

  it('gives every job of a large matrix its own name', () => {
    const names = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const env = readRunnerEnv({
        GITHUB_JOB: 'build',
        ACTIONS_RUNTIME_TOKEN: token(`Actions.Results:run1:job-${i}`),
      });
      names.add(defaultArtifactName(env, ['same-1.0-py3-none-any.whl']));
    }
    expect(names.size).toBe(500);
    for (const name of names) expect(name).toMatch(/^release-dists-build-[0-9a-f]{12}$/);
  });

  it('falls back to run, attempt, job and files without a token', () => {
    const env = readRunnerEnv({ GITHUB_JOB: 'b', GITHUB_RUN_ID: '9', GITHUB_RUN_ATTEMPT: '2' });
    const a = defaultArtifactName(env, ['x-1-py3-none-any.whl']);
    expect(a).toBe(defaultArtifactName(env, ['x-1-py3-none-any.whl']));
    expect(a).not.toBe(defaultArtifactName(env, ['x-1-cp311-cp311-win_amd64.whl']));
  });
});
