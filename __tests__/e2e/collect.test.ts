import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRandomWheel } from '../../bench/inputs.ts';
import { metadataText, writeSdist, writeWheel } from '../../fixtures/archives.ts';
import { buildCase, PYPI_CASES, type PypiCase } from '../../fixtures/pypi-cases.ts';
import {
  errorOf,
  FIXTURES,
  HATCH_PLATFORM_WHEEL,
  HATCH_SDIST,
  HATCH_WHEEL,
  startPipeline,
  type Pipeline,
} from '../../sandbox/pipeline.ts';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => {
  await pipeline?.close();
});

/** Runs the real @actions/artifact client in this process with a job's runner variables. */
async function withRunnerEnv<T>(env: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  Object.assign(process.env, env, { GITHUB_SERVER_URL: 'https://github.com' });
  try {
    return await fn();
  } finally {
    process.env = saved;
  }
}

describe('step: collect as three matrix jobs', () => {
  it('uploads one uniquely named artifact per job whose bytes and digests are exact', async () => {
    const fixtures = [HATCH_WHEEL, HATCH_PLATFORM_WHEEL, HATCH_SDIST];
    const jobs = await Promise.all(fixtures.map((f, i) => pipeline.job('build', [f], `leg-${i}`)));
    const runs = await Promise.all(
      jobs.map((job) => job.run({ step: 'collect', 'expected-version': 'v0.1.0' })),
    );
    for (const run of runs) expect(run.exitCode, run.stdout + run.stderr).toBe(0);

    const names = runs.map((run) => run.outputs['artifact-name']);
    expect(new Set(names).size).toBe(3);
    for (const name of names) expect(name).toMatch(/^release-dists-build-[0-9a-f]{12}$/);
    expect(
      pipeline.sandbox.artifacts
        .list()
        .map((a) => a.name)
        .sort(),
    ).toEqual([...names].sort());

    for (const [i, run] of runs.entries()) {
      const fixture = fixtures[i] as string;
      const path = join(FIXTURES, fixture);
      expect(run.outputs.version).toBe('0.1.0');
      expect(JSON.parse(run.outputs.files ?? '')).toEqual([fixture]);
      const sha256sum = execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0];
      const b2sum = execFileSync('b2sum', ['-l', '256', path], { encoding: 'utf8' }).split(' ')[0];
      expect(Buffer.from(run.outputs.hashes ?? '', 'base64').toString()).toBe(
        `${sha256sum}  ${fixture}\n`,
      );
      const manifest = JSON.parse(await readFile(run.outputs.manifest ?? '', 'utf8'));
      expect(manifest.files[0]).toMatchObject({
        filename: fixture,
        sha256: sha256sum,
        blake2b256: b2sum,
      });
      expect(run.summary).toContain(fixture);
      expect(run.summary).toContain(sha256sum);

      // The artifact downloaded back with the real client holds the same bytes.
      const out = await mkdtemp(join(tmpdir(), 'download-'));
      await withRunnerEnv(pipeline.sandbox.runnerEnv({ job: 'sign' }), async () => {
        const client = new DefaultArtifactClient();
        const { artifact } = await client.getArtifact(run.outputs['artifact-name'] ?? '');
        await client.downloadArtifact(artifact.id, { path: out });
      });
      expect((await readdir(out)).sort()).toEqual([fixture, 'release-manifest.json'].sort());
      expect((await readFile(join(out, fixture))).equals(await readFile(path))).toBe(true);
      await rm(out, { recursive: true, force: true });
    }
  });

  it('hashes a large set on worker threads from the bundle, digests agreeing with sha256sum and b2sum', async () => {
    const job = await pipeline.job('large');
    const names = [1, 2, 3].map((i) => `bench_big-1.0-${i}-py3-none-any.whl`);
    for (const name of names)
      await writeRandomWheel(join(job.workspace, 'dist', name), 'bench_big', '1.0', 12 << 20);
    const run = await job.run({ step: 'collect', 'upload-artifact': 'false' });
    expect(run.exitCode, run.stdout).toBe(0);
    const threads = Math.min(availableParallelism(), 3);
    if (threads >= 2)
      expect(run.stdout).toContain(`Hashed 3 file(s) on ${threads} worker threads.`);
    const manifest = JSON.parse(await readFile(run.outputs.manifest ?? '', 'utf8')) as {
      files: Array<{ filename: string; sha256: string; blake2b256: string }>;
    };
    for (const name of names) {
      const path = join(job.workspace, 'dist', name);
      const entry = manifest.files.find((f) => f.filename === name);
      expect(entry?.sha256).toBe(
        execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0],
      );
      expect(entry?.blake2b256).toBe(
        execFileSync('b2sum', ['-l', '256', path], { encoding: 'utf8' }).split(' ')[0],
      );
    }
  });

  it('takes a custom artifact name and can skip the upload', async () => {
    const job = await pipeline.job('local', [HATCH_WHEEL]);
    const run = await job.run({
      step: 'collect',
      'upload-artifact': 'false',
      'artifact-name': 'my-dists',
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['artifact-name']).toBe('my-dists');
    expect(pipeline.sandbox.artifacts.list().some((a) => a.name === 'my-dists')).toBe(false);
  });
});

describe('step: collect refuses bad input with one clear error and no artifact', () => {
  type Setup = (dist: string) => Promise<void>;
  const cases: Array<[string, Setup, Record<string, string>, RegExp]> = [
    ['an empty folder', async () => undefined, {}, /No wheels \(\.whl\) or sdists/],
    ['a missing folder', async () => undefined, { 'packages-dir': 'nope' }, /does not exist/],
    [
      'a folder outside the workspace',
      async () => undefined,
      { 'packages-dir': '..' },
      /outside the workspace/,
    ],
    [
      'a symlinked wheel',
      async (d) => symlink(join(FIXTURES, HATCH_WHEEL), join(d, HATCH_WHEEL)),
      {},
      /symbolic link/,
    ],
    [
      'a folder posing as a wheel',
      async (d) => mkdir(join(d, HATCH_WHEEL)),
      {},
      /not a regular file/,
    ],
    [
      'two versions',
      async (d) => {
        await cpFixture(d, HATCH_WHEEL);
        await writeWheel(join(d, 'hatch_demo-0.2.0-py3-none-any.whl'), 'hatch_demo', '0.2.0');
      },
      {},
      /2 different releases/,
    ],
    [
      'two projects',
      async (d) => {
        await cpFixture(d, HATCH_WHEEL);
        await cpFixture(d, 'flit_demo-2.0.tar.gz');
      },
      {},
      /different releases/,
    ],
    [
      'two sdists',
      async (d) => {
        await cpFixture(d, 'st-demo-1.0.tar.gz');
        // A second sdist of the same release, its top folder named as its file.
        await writeSdist(
          join(d, 'st_demo-1.0.tar.gz'),
          'st_demo',
          '1.0',
          [],
          metadataText('st-demo', '1.0'),
        );
      },
      {},
      /More than one sdist/,
    ],
    [
      'a wrong expected-version',
      async (d) => cpFixture(d, HATCH_WHEEL),
      { 'expected-version': 'v9.9.9' },
      /expected-version/,
    ],
    [
      'an invalid expected-version',
      async (d) => cpFixture(d, HATCH_WHEEL),
      { 'expected-version': 'not-a-version' },
      /not a PEP 440/,
    ],
    [
      'a traversal entry',
      async (d) =>
        writeWheel(join(d, 'demo-1.0-py3-none-any.whl'), 'demo', '1.0', {
          extra: [{ name: '../evil.py', data: 'x' }],
        }),
      {},
      /"\.\."/,
    ],
    ['a zip sdist', async (d) => writeFile(join(d, 'demo-1.0.zip'), 'x'), {}, /only takes wheels/],
    [
      'an empty wheel file',
      async (d) => writeFile(join(d, 'demo-1.0-py3-none-any.whl'), ''),
      {},
      /not a readable zip/,
    ],
    [
      'a bad boolean',
      async (d) => cpFixture(d, HATCH_WHEEL),
      { 'upload-artifact': 'maybe' },
      /true or false/,
    ],
  ];

  async function cpFixture(dir: string, name: string): Promise<void> {
    await writeFile(join(dir, name), await readFile(join(FIXTURES, name)));
  }

  it.each(cases)('%s', async (_name, setup, inputs, message) => {
    const job = await pipeline.job('bad');
    await setup(join(job.workspace, 'dist'));
    const before = pipeline.sandbox.artifacts.list().length;
    const run = await job.run({ step: 'collect', ...inputs });
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(1);
    expect(errorOf(run)).toMatch(message);
    expect(errorOf(run)).toMatch(/Fix: /);
    expect(pipeline.sandbox.artifacts.list().length).toBe(before);
  });

  it('says clearly which steps exist when given an unknown one', async () => {
    const job = await pipeline.job('later', [HATCH_WHEEL]);
    const run = await job.run({ step: 'deploy' });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/unknown value "deploy"/);
    expect(errorOf(run)).toMatch(/prepare, collect, provenance, release, publish, verify, index/);
  });
});

describe('workflow-command injection', () => {
  it.each([
    'evil\n::error::injected-1.0-py3-none-any.whl',
    'evil%0A::warning::injected-1.0-py3-none-any.whl',
    'evil\r::add-mask::x-1.0.tar.gz',
  ])('a hostile filename %j cannot inject a command or an output', async (name) => {
    const job = await pipeline.job('inject');
    await writeFile(join(job.workspace, 'dist', name), 'x');
    const run = await job.run({ step: 'collect' });
    expect(run.exitCode).toBe(1);
    expect(run.annotations.filter((a) => a.level === 'error')).toHaveLength(1);
    expect(run.annotations.filter((a) => a.level === 'warning')).toHaveLength(0);
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => /^::(error|warning|add-mask)::(injected|x)/.test(l))).toEqual([]);
    expect(run.masks).toEqual([]);
    expect(Object.keys(run.outputs)).toEqual([]);
  });
});

describe("step: collect applies PyPI's upload rules in the build job", () => {
  const byId = (id: string): PypiCase => PYPI_CASES.find((c) => c.id === id) as PypiCase;

  it.each([
    'requires-dist-direct-url',
    'classifier-private',
    'platform-manylinux_2_36_loongarch64',
    'metadata-version-2.6',
  ])("refuses %s with PyPI's message, before any upload", async (id) => {
    const c = byId(id);
    const job = await pipeline.job('pypi-rules');
    await buildCase(c, join(job.workspace, 'dist'));
    const before = pipeline.sandbox.artifacts.list().length;
    const run = await job.run({ step: 'collect' });
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.annotations.filter((a) => a.level === 'error')).toHaveLength(1);
    expect(errorOf(run)).toContain(`PyPI answers ${JSON.stringify(c.message)}`);
    expect(errorOf(run)).toContain('nothing was uploaded');
    expect(errorOf(run)).toMatch(/Fix: .*index-rules: none/);
    expect(pipeline.sandbox.artifacts.list().length).toBe(before);
  });

  it('takes the same file for a private index with index-rules: none', async () => {
    const job = await pipeline.job('private-index');
    await buildCase(byId('classifier-private'), join(job.workspace, 'dist'));
    const run = await job.run({
      step: 'collect',
      'index-rules': 'none',
      'upload-artifact': 'false',
    });
    expect(run.exitCode, errorOf(run)).toBe(0);
  });

  it('accepts what PyPI accepts (Win_AMD64, a listed classifier) and warns about a reST readme', async () => {
    const job = await pipeline.job('pypi-good');
    await buildCase(byId('platform-Win_AMD64'), join(job.workspace, 'dist'));
    const run = await job.run({
      step: 'collect',
      'index-rules': 'testpypi',
      'upload-artifact': 'false',
    });
    expect(run.exitCode, errorOf(run)).toBe(0);

    const rst = await pipeline.job('pypi-rst');
    await buildCase(
      {
        id: 'rst',
        descriptionContentType: null,
        description: 'Demo\n====\n',
        verdict: 'accepted',
        reference: '',
      },
      join(rst.workspace, 'dist'),
    );
    const warned = await rst.run({ step: 'collect', 'upload-artifact': 'false' });
    expect(warned.exitCode, errorOf(warned)).toBe(0);
    expect(
      warned.annotations
        .filter((a) => a.level === 'warning')
        .map((a) => a.message)
        .join('\n'),
    ).toMatch(/renders its description as reStructuredText/);
  });

  it("refuses a Dynamic Name in PyPI's words, whatever the index, with the fix", async () => {
    const c = byId('dynamic-name');
    const job = await pipeline.job('pypi-dynamic');
    await buildCase(c, join(job.workspace, 'dist'));
    const run = await job.run({ step: 'collect', 'index-rules': 'none' });
    expect(run.exitCode, run.stdout).toBe(1);
    expect(errorOf(run)).toContain(c.message as string);
    expect(errorOf(run)).toMatch(/Fix: The build backend wrote "Dynamic: name"/);
  });

  it('accepts one 8 MiB file of zeros, which PyPI accepts (under 64 MiB inflated)', async () => {
    const job = await pipeline.job('pypi-zeros');
    await buildCase(byId('zeros-8-mib'), join(job.workspace, 'dist'));
    const run = await job.run({ step: 'collect', 'upload-artifact': 'false' });
    expect(run.exitCode, errorOf(run)).toBe(0);
  });

  it('refuses an unknown index-rules value naming the choices', async () => {
    const job = await pipeline.job('pypi-input', [HATCH_WHEEL]);
    const run = await job.run({ step: 'collect', 'index-rules': 'warehouse' });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/Input "index-rules" has an unknown value "warehouse"/);
    expect(errorOf(run)).toMatch(/pypi, testpypi, none/);
  });
});
