// The runner harness, driven by small throwaway actions written under .tmp/ (inside the repo,
// so they resolve the installed @actions/* packages) instead of dist/index.js.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseKeyValueFile,
  parseWorkflowCommands,
  readInputDefaults,
  runAction,
} from '../../sandbox/harness.ts';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const ACTION_YML = `name: test action
inputs:
  who:
    description: >-
      who to greet; default: nobody
    required: true
  packages-dir:
    default: dist # the usual place
  dry-run:
    default: 'false'
runs:
  using: node24
  main: entry.mjs
`;

const REPORTING_ACTION = `
import * as core from '@actions/core';
core.info('who=' + core.getInput('who'));
core.info('packages-dir=' + core.getInput('packages-dir'));
core.info('dry-run=' + core.getBooleanInput('dry-run'));
core.info('leak=' + (process.env.SANDBOX_HARNESS_LEAK ?? 'none'));
core.info('cwd=' + process.cwd());
core.setOutput('greeting', 'hello ' + core.getInput('who'));
core.setOutput('multi', 'line one\\nline two\\n');
core.setOutput('tricky', 'a=b<<c');
core.setSecret('s3cr3t-value');
core.exportVariable('EXPORTED', 'yes');
core.saveState('phase', 'done');
core.addPath('/opt/tool/bin');
core.warning('take care: 100%\\nsecond line', { file: 'dist/a,b.whl', startLine: 3, title: 'x: y' });
core.error('bad wheel', { file: 'dist/pkg-1.0-py3-none-any.whl', startLine: 1, endLine: 2 });
core.notice('note');
core.debug('detail');
await core.summary.addHeading('Release').addTable([['file', 'sha256'], ['a.whl', 'abc']]).write();
core.setFailed('it failed');
`;

const UPLOADING_ACTION = `
import * as core from '@actions/core';
import { DefaultArtifactClient } from '@actions/artifact';
import { writeFileSync } from 'node:fs';
writeFileSync('dist.txt', 'built');
const { id } = await new DefaultArtifactClient().uploadArtifact('from-child', ['dist.txt'], '.');
core.setOutput('id', String(id));
`;

let dir: string;
let sandbox: Sandbox;
const entry = (name: string): string => join(dir, name);

beforeAll(async () => {
  await mkdir(join(REPO_ROOT, '.tmp'), { recursive: true });
  dir = await mkdtemp(join(REPO_ROOT, '.tmp', 'harness-test-'));
  await writeFile(entry('action.yml'), ACTION_YML);
  await writeFile(entry('report.mjs'), REPORTING_ACTION);
  await writeFile(entry('upload.mjs'), UPLOADING_ACTION);
  await writeFile(entry('hang.mjs'), 'setInterval(() => {}, 1000);\n');
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

describe('runAction', () => {
  it('runs the action as the runner does and reads back everything it reported', async () => {
    process.env.SANDBOX_HARNESS_LEAK = 'leaked';
    const run = await runAction({
      entry: entry('report.mjs'),
      actionYml: entry('action.yml'),
      inputs: { who: 'octo' },
    }).finally(() => delete process.env.SANDBOX_HARNESS_LEAK);
    try {
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain('who=octo\n');
      expect(run.stdout).toContain('packages-dir=dist\n');
      expect(run.stdout).toContain('dry-run=false\n');
      expect(run.stdout).toContain('leak=none\n');
      expect(run.stdout).toContain(`cwd=${run.workspace}\n`);
      expect(run.outputs).toEqual({
        greeting: 'hello octo',
        multi: 'line one\nline two\n',
        tricky: 'a=b<<c',
      });
      expect(run.summary).toContain('<h1>Release</h1>');
      expect(run.summary).toContain('<td>a.whl</td>');
      expect(run.annotations).toEqual([
        {
          level: 'warning',
          message: 'take care: 100%\nsecond line',
          properties: { title: 'x: y', file: 'dist/a,b.whl', line: '3' },
        },
        {
          level: 'error',
          message: 'bad wheel',
          properties: { file: 'dist/pkg-1.0-py3-none-any.whl', line: '1', endLine: '2' },
        },
        { level: 'notice', message: 'note', properties: {} },
        { level: 'debug', message: 'detail', properties: {} },
        { level: 'error', message: 'it failed', properties: {} },
      ]);
      expect(run.masks).toEqual(['s3cr3t-value']);
      expect(run.exportedEnv).toEqual({ EXPORTED: 'yes' });
      expect(run.state).toEqual({ phase: 'done' });
      expect(run.addedPath).toEqual(['/opt/tool/bin']);
      expect(run.env).toMatchObject({
        'INPUT_PACKAGES-DIR': 'dist',
        GITHUB_ACTIONS: 'true',
        GITHUB_REF_NAME: 'v1.0.0',
        GITHUB_REF_TYPE: 'tag',
        GITHUB_WORKFLOW_REF: 'octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.0.0',
        GITHUB_SERVER_URL: 'https://github.com',
      });
      expect(run.env).not.toHaveProperty('SANDBOX_HARNESS_LEAK');
    } finally {
      await run.cleanup();
    }
  });

  it('derives ref variables from an overridden ref and drops variables set to undefined', async () => {
    const run = await runAction({
      entry: entry('report.mjs'),
      actionYml: false,
      inputs: { who: 'x', 'dry-run': true },
      env: { GITHUB_REF: 'refs/heads/main', CI: undefined },
    });
    await run.cleanup();
    expect(run.env).toMatchObject({ GITHUB_REF_NAME: 'main', GITHUB_REF_TYPE: 'branch' });
    expect(run.env).not.toHaveProperty('CI');
    expect(run.env).not.toHaveProperty('INPUT_PACKAGES-DIR');
    expect(run.stdout).toContain('dry-run=true\n');
  });

  it('gives the child what it needs to upload to the sandbox artifact service', async () => {
    const run = await runAction({
      entry: entry('upload.mjs'),
      actionYml: false,
      env: sandbox.runnerEnv({ job: 'build', matrix: 'py3.12' }),
    });
    await run.cleanup();
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(sandbox.artifacts.list()).toEqual([
      expect.objectContaining({ id: Number(run.outputs.id), name: 'from-child' }),
    ]);
  });

  it('kills an action that runs past the timeout and says so', async () => {
    await expect(
      runAction({ entry: entry('hang.mjs'), actionYml: false, timeoutMs: 300 }),
    ).rejects.toThrow(/did not finish within 300 ms and was killed/);
  });
});

describe('runner file and command formats', () => {
  it('reads name=value lines and heredocs', () => {
    const text = 'a=1\nb<<ghadelimiter_x\nline\n\nghadelimiter_x\nc=x<<y\n';
    expect(parseKeyValueFile(text)).toEqual({ a: '1', b: 'line\n', c: 'x<<y' });
    expect(() => parseKeyValueFile('b<<EOF\nnever closed\n')).toThrow(/closing delimiter EOF/);
  });

  it('unescapes command data and properties in the right order', () => {
    const { annotations } = parseWorkflowCommands(
      '::error file=a%3Ab%2Cc,line=2::100%25 done%0Anext %250A\n::group::x\n',
    );
    expect(annotations).toEqual([
      { level: 'error', message: '100% done\nnext %0A', properties: { file: 'a:b,c', line: '2' } },
    ]);
  });

  it('reads input defaults from action.yml', () => {
    expect(readInputDefaults(ACTION_YML)).toEqual({ 'packages-dir': 'dist', 'dry-run': 'false' });
    expect(
      readInputDefaults('inputs:\n  token:\n    default: ${{ github.token }}\n', 'ghs_x'),
    ).toEqual({
      token: 'ghs_x',
    });
  });
});
