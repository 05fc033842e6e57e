/**
 * Every bad input, in process: the settings reader and the step's own up-front checks, with the
 * runner's environment and action.yml's defaults faked. The same assertions as the end-to-end
 * test on the one error's message and hint; a sample also runs through dist/index.js there.
 */
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { readSettings, type InputSource } from '../../src/config/inputs.ts';
import { readRunnerEnv, type RunnerEnv } from '../../src/config/runner-env.ts';
import { ActionError, describeError } from '../../src/core/errors.ts';
import type { StepIO } from '../../src/core/io.ts';
import { runStep } from '../../src/main.ts';
import { BAD_INPUTS } from './bad-input-cases.ts';

const REPO = join(import.meta.dirname, '..', '..');
const WHEEL = 'hatch_demo-0.1.0-py3-none-any.whl';
/** Nothing listens here: a step that reaches for a service before refusing fails differently. */
const CLOSED = 'http://127.0.0.1:9';

let root: string;
let defaults: Record<string, string>;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'bad-input-'));
  const action = parse(await readFile(join(REPO, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  // The runner passes every default, `${{ github.token }}` evaluated to the job's token.
  defaults = Object.fromEntries(
    Object.entries(action.inputs).map(([name, input]) => [
      name,
      String(input.default ?? '').replace('${{ github.token }}', 'ghs_fake-workflow-token'),
    ]),
  );
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let jobs = 0;
/** A job's workspace with one wheel in dist/ and a README, and the runner's variables for it. */
async function job(): Promise<RunnerEnv> {
  const base = join(root, `job-${jobs++}`);
  const workspace = join(base, 'workspace');
  await mkdir(join(workspace, 'dist'), { recursive: true });
  await mkdir(join(base, 'temp'));
  await copyFile(join(REPO, 'fixtures', 'dists', WHEEL), join(workspace, 'dist', WHEEL));
  await writeFile(join(workspace, 'README.md'), '# x\n');
  return readRunnerEnv({
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: join(base, 'temp'),
    GITHUB_REPOSITORY: 'octo-org/octo-repo',
    GITHUB_REF: 'refs/tags/v0.1.0',
    GITHUB_SHA: 'a'.repeat(40),
    GITHUB_API_URL: CLOSED,
    GITHUB_WORKFLOW_REF: 'octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v0.1.0',
    ACTIONS_RUNTIME_TOKEN: 'runtime-token',
    ACTIONS_RESULTS_URL: `${CLOSED}/`,
    ACTIONS_ID_TOKEN_REQUEST_URL: `${CLOSED}/token`,
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id-token-request-token',
    RELEASE_ACTION_TIMEOUT_MS: '500',
  });
}

function recordingIO(lines: string[]): StepIO {
  return {
    info: (m) => void lines.push(m),
    warning: (m) => void lines.push(m),
    result: (m) => void lines.push(m),
    group: (_name, fn) => fn(),
    setOutput: (name, value) => void lines.push(`${name}=${value}`),
    setSecret: () => undefined,
    summaryTable: async () => undefined,
  };
}

/** Reads the inputs as the action does and runs the step up to its first error. */
async function failureOf(inputs: Record<string, string>, env: RunnerEnv): Promise<unknown> {
  const source: InputSource = { get: (name) => inputs[name] ?? defaults[name] ?? '' };
  try {
    await runStep(readSettings(source), env, recordingIO([]));
  } catch (error) {
    return error;
  }
  return undefined;
}

/** The one error: typed, naming the input, with a fix, and unable to start a workflow command. */
function expectClearError(error: unknown, subject: RegExp): void {
  expect(error).toBeInstanceOf(ActionError);
  const message = describeError(error);
  expect(message).toMatch(subject);
  expect(message).toMatch(/Fix: /);
  expect(message.split('\n').filter((line) => /^::/.test(line))).toEqual([]);
}

describe('bad input, in process: one clear error before any request', () => {
  it.each(BAD_INPUTS.map((c) => [c.name, c] as const))('%s', async (_name, { inputs, subject }) => {
    const requests = vi.spyOn(globalThis, 'fetch');
    try {
      expectClearError(await failureOf(inputs, await job()), subject);
      expect(requests).not.toHaveBeenCalled();
    } finally {
      requests.mockRestore();
    }
  });

  it('more distributions in one folder than the limit', async () => {
    const env = await job();
    await Promise.all(
      Array.from({ length: 1001 }, (_, i) =>
        writeFile(join(env.workspace, 'dist', `many-1.0-${i + 1}-py3-none-any.whl`), 'x'),
      ),
    );
    const error = await failureOf({ step: 'collect' }, env);
    expectClearError(error, /More than 1000 distributions/);
  });
});
