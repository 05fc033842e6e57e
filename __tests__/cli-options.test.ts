// The command line through the bundle (dist/cli.js): per-step help from action.yml, unknown
// options refused with the nearest name, `verify --json`, and the documented exit codes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURES,
  HATCH_SDIST,
  HATCH_WHEEL,
  sigstoreInputs,
  startPipeline,
  type Job,
  type Pipeline,
} from '../sandbox/pipeline.ts';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { description: string; default?: string }>;
};
const env = { PATH: process.env.PATH, HOME: process.env.HOME };
const run = (args: string[], cwd = root) =>
  spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd, env });
const squash = (text: string) => text.replace(/\s+/g, ' ');
/** The `--name` lines of the inputs part (before the command-line-only options). */
const inputsListed = (help: string) =>
  [...(help.split('Command-line options:')[0] ?? '').matchAll(/^ {2}--([a-z-]+)$/gm)].map(
    (m) => m[1] as string,
  );

describe('release-action <step> --help', () => {
  it.each(['prepare', 'collect', 'provenance', 'release', 'publish', 'verify', 'index'])(
    '%s --help lists its inputs with action.yml descriptions and defaults, and runs nothing',
    (step) => {
      const help = run([step, '--help']);
      expect(help.status).toBe(0);
      expect(help.stderr).toBe('');
      const listed = inputsListed(help.stdout);
      expect(listed.length).toBeGreaterThan(0);
      for (const name of listed) {
        const input = action.inputs[name];
        expect(input, `action.yml declares ${name}`).toBeDefined();
        expect(squash(help.stdout)).toContain(squash(input?.description ?? '').trim());
        if (input?.default && !input.default.includes('${{'))
          expect(squash(help.stdout)).toContain(`(default: ${input.default})`);
      }
    },
  );

  it('verify lists exactly what verify reads, and its command-line options', () => {
    const help = run(['verify', '-h']).stdout;
    const listed = inputsListed(help);
    expect(listed).toEqual([
      'packages-dir',
      'github-token',
      'provenance',
      'repository',
      'workflow',
      'ref',
      'trusted-root',
      'server-url',
      'public-key',
      'tag-signers',
      'repository-id',
    ]);
    expect(help).toMatch(/^ {2}--json$/m);
    expect(help).toMatch(/^ {2}--asc <key>$/m);
  });

  it('the overall help documents the exit codes and --json', () => {
    const help = run(['--help']).stdout;
    expect(help).toMatch(/Exit codes: 0 .*; 1 .*; 2 /s);
    expect(help).toContain('verify --json');
  });
});

describe('command-line mistakes exit 2 and name the fix', () => {
  it.each([
    [['verify', '--repositry', 'octo-org/octo-repo'], /--repositry/, /Did you mean --repository\?/],
    [['verify', '--worklfow', 'release.yml'], /--worklfow/, /Did you mean --workflow\?/],
    [
      ['verify', '--tag', 'v1'],
      /--tag is not an input of verify/,
      /prepare, provenance, release, publish, sign/,
    ],
    [['collect', '--json'], /--json/, /collect --help/],
    [['verify', '--workflow', '--ref', 'refs/tags/v1'], /--workflow needs a value/, /--workflow=/],
    [['verify', '--ref'], /--ref needs a value/, /Fix:/],
    [['verify', '--ref', 'a', '--ref', 'b'], /--ref is given twice/, /Fix:/],
    [['verfy'], /Unknown step "verfy"/, /Did you mean `verify`\?/],
    [['verify', 'downloads'], /Unexpected argument "downloads"/, /--name value/],
  ])('%j', (args, message, fix) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(fix);
  });

  it('a bad value for a known option is a failed step: exit 1', () => {
    const result = run(['verify', '--repository', 'not-owner-slash-name']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Input "repository" must be owner\/name/);
  });
});

describe('verify --json', () => {
  let pipeline: Pipeline;
  let signer: Job;
  beforeAll(async () => {
    pipeline = await startPipeline();
    const build = await pipeline.job('build', [HATCH_WHEEL, HATCH_SDIST]);
    expect((await build.run({ step: 'collect' })).exitCode).toBe(0);
    signer = await pipeline.job('sign');
    const signed = await signer.run(
      { step: 'provenance', ...sigstoreInputs(pipeline) },
      { idToken: true },
    );
    expect(signed.exitCode, signed.stdout).toBe(0);
  });
  afterAll(async () => {
    await pipeline?.close();
  });

  const verify = (cwd: string, extra: string[] = []) =>
    spawnSync(
      process.execPath,
      // The sandbox repository's numeric id, as GitHub's API would give it.
      [
        cli,
        'verify',
        '--repository',
        'octo-org/octo-repo',
        '--repository-id',
        '2002',
        '--json',
        ...extra,
      ],
      {
        encoding: 'utf8',
        cwd,
        env: { ...env, GITHUB_WORKSPACE: cwd, RUNNER_TEMP: cwd },
      },
    );
  const lines = (stdout: string) =>
    stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('prints one verdict per file on stdout and exits 0 when all verify', () => {
    const result = verify(signer.workspace, ['--trusted-root', pipeline.trustedRootPath]);
    expect(result.status, result.stderr).toBe(0);
    const verdicts = lines(result.stdout);
    expect(verdicts.map((v) => v.file).sort()).toEqual([HATCH_SDIST, HATCH_WHEEL].sort());
    const sha = createHash('sha256')
      .update(readFileSync(join(FIXTURES, HATCH_WHEEL)))
      .digest('hex');
    expect(verdicts.find((v) => v.file === HATCH_WHEEL)).toEqual({
      file: HATCH_WHEEL,
      sha256: sha,
      verified: true,
      detail: 'verified by hatch_demo-0.1.0.intoto.jsonl',
    });
    // The human-readable lines go to stderr.
    expect(result.stderr).toContain(`✔ ${HATCH_WHEEL}`);
  });

  it('says which file failed and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-json-'));
    try {
      const dist = join(dir, 'dist');
      await cp(join(signer.workspace, 'dist'), dist, { recursive: true });
      await copyFile(join(FIXTURES, HATCH_WHEEL), join(dist, HATCH_WHEEL));
      const bytes = readFileSync(join(dist, HATCH_SDIST));
      bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
      await writeFile(join(dist, HATCH_SDIST), bytes);
      const result = verify(dir, ['--trusted-root', pipeline.trustedRootPath]);
      expect(result.status).toBe(1);
      const verdicts = lines(result.stdout);
      expect(verdicts.find((v) => v.file === HATCH_SDIST)?.verified).toBe(false);
      expect(String(verdicts.find((v) => v.file === HATCH_SDIST)?.detail)).toMatch(/differs/);
      expect(verdicts.find((v) => v.file === HATCH_WHEEL)?.verified).toBe(true);
      expect(result.stderr).toMatch(/error: 1 of 2 file\(s\) failed verification/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
