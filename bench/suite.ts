/** The benchmarks, each against its peer. */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeWheel } from '../fixtures/archives.ts';
import { FIXTURES, HATCH_WHEEL, sigstoreInputs, startPipeline } from '../sandbox/pipeline.ts';
import { writeRandomWheel } from './inputs.ts';
import { measure, sideBySide, stats, type Sample, type Stats } from './measure.ts';
import { buildJob } from './build-suite.ts';
import { publishBenchmarks } from './publish-suite.ts';
import { releaseHourlyLimit, releaseRateLimit } from './release-suite.ts';
import { fmt, type Benchmark } from './rows.ts';

const node = process.execPath;
const repo = join(import.meta.dirname, '..');
const seconds = (samples: Sample[]) => stats(samples.map((s) => s.wallSeconds));

function hashBench(
  name: string,
  algorithm: 'sha256' | 'blake2b',
  peer: string[],
  target: number,
): Benchmark {
  return {
    name,
    async run({ smoke, root, runs }) {
      const size = smoke ? 1 << 20 : 1 << 30;
      const file = join(root, `hash-${algorithm}.whl`);
      await writeRandomWheel(file, 'bench_hash', '1.0', size);
      const result = await sideBySide(
        runs,
        () =>
          measure({ file: node, args: [join(import.meta.dirname, 'hash.ts'), algorithm, file] }),
        () => measure({ file: peer[0] as string, args: [...peer.slice(1), file] }),
      );
      const ours = seconds(result.ours);
      const theirs = seconds(result.peer);
      const ratio = theirs.median / ours.median; // throughput ours / throughput peer
      return [
        {
          name: `${name} (${smoke ? '1 MiB' : '1 GiB'})`,
          ours: fmt(ours),
          peer: `${peer.join(' ')}: ${fmt(theirs)}`,
          ratio: `${ratio.toFixed(2)}x throughput`,
          target: `≥ ${target}x`,
          met: smoke || ratio >= target,
        },
      ];
    },
  };
}

const coldStart: Benchmark = {
  name: 'cold start',
  async run({ smoke, root, runs }) {
    const workspace = join(root, 'cold');
    await mkdir(join(workspace, 'dist'), { recursive: true });
    await copyFile(join(FIXTURES, HATCH_WHEEL), join(workspace, 'dist', HATCH_WHEEL));
    const env = {
      PATH: process.env.PATH,
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: join(root, 'cold-temp'),
      INPUT_STEP: 'collect',
      'INPUT_UPLOAD-ARTIFACT': 'false',
      'INPUT_PACKAGES-DIR': 'dist',
    };
    // The smoke run measures nothing: one run of each is enough there.
    const result = await sideBySide(
      smoke ? runs : runs + 2,
      () => measure({ file: node, args: [join(repo, 'dist', 'index.js')], env, cwd: workspace }),
      () => measure({ file: '/usr/bin/twine', args: ['--version'] }),
    );
    const ours = seconds(result.ours);
    const theirs = seconds(result.peer);
    return [
      {
        name: 'cold start: collect one small wheel',
        ours: fmt(ours),
        peer: `twine --version: ${fmt(theirs)}`,
        ratio: `${(ours.median / theirs.median).toFixed(2)}x time`,
        target: '< 1x',
        met: ours.median < theirs.median,
      },
    ];
  },
};

const provenanceScaling: Benchmark = {
  name: 'provenance scaling',
  async run({ smoke, root, runs }) {
    const sizes = smoke ? [5, 10] : [100, 1000];
    const pipeline = await startPipeline({ root: join(root, 'provenance') });
    const perHundred: number[][] = sizes.map(() => []);
    let sandboxCpu = 0;
    try {
      const jobs = [];
      for (const count of sizes) {
        const job = await pipeline.job(`p${count}`);
        for (let i = 0; i < count; i++) {
          // Build tags tell the wheels apart: one release, `count` distinct files.
          await writeWheel(
            join(job.workspace, 'dist', `bench_prov-1.0-${i + 1}-py3-none-any.whl`),
            'bench_prov',
            '1.0',
          );
        }
        const collected = await job.run({ step: 'collect', 'upload-artifact': 'false' });
        if (collected.exitCode !== 0) throw new Error(collected.stdout);
        jobs.push(job);
      }
      for (let r = 0; r < runs; r++) {
        for (const [k, job] of jobs.entries()) {
          const count = sizes[k] as number;
          const cpu = process.cpuUsage();
          const started = performance.now();
          const run = await job.run(
            { step: 'provenance', from: 'folder', ...sigstoreInputs(pipeline) },
            { idToken: true },
          );
          const elapsed = (performance.now() - started) / 1000;
          const used = process.cpuUsage(cpu);
          sandboxCpu += (used.user + used.system) / 1e6;
          if (run.exitCode !== 0) throw new Error(run.stdout + run.stderr);
          perHundred[k]?.push((elapsed / count) * 100);
        }
      }
    } finally {
      await pipeline.close();
    }
    const [small, large] = perHundred.map((values) => stats(values)) as [Stats, Stats];
    const growth = large.median / small.median;
    return [
      {
        name: `provenance: time per 100 subjects at ${sizes[0]} and ${sizes[1]}`,
        ours: `${fmt(small, 's', 3)} → ${fmt(large, 's', 3)} per 100`,
        peer: 'none',
        ratio: `${growth.toFixed(2)}x per subject`,
        target: 'not worse than linear (≤ 1.5x)',
        met: smoke || growth <= 1.5,
        note: `includes collect-manifest checks, digests, statement, Fulcio + Rekor on the sandbox; the stand-ins (Fulcio, Rekor, OIDC) used ${(sandboxCpu / runs).toFixed(2)} s of CPU per pair of runs in the benchmark process`,
      },
    ];
  },
};

const releaseConcurrency: Benchmark = {
  name: 'release concurrency',
  async run({ smoke, root, runs }) {
    const assets = smoke ? 10 : 200;
    const latencyMs = smoke ? 5 : 50;
    const levels = ['1', '8'] as const;
    const times: Record<string, number[]> = { '1': [], '8': [] };
    const cpu: Record<string, number> = { '1': 0, '8': 0 };
    const pipelines = await Promise.all(
      levels.map((c) =>
        startPipeline({ root: join(root, `release-${c}`), githubLatencyMs: latencyMs }),
      ),
    );
    try {
      const jobs = [];
      for (const pipeline of pipelines) {
        const job = await pipeline.job('release');
        await copyFile(join(FIXTURES, HATCH_WHEEL), join(job.workspace, 'dist', HATCH_WHEEL));
        for (let i = 1; i < assets - 1; i++)
          await writeFile(join(job.workspace, 'dist', `sig-${i}.txt.asc`), `signature ${i}\n`);
        const collected = await job.run({ step: 'collect', 'upload-artifact': 'false' });
        if (collected.exitCode !== 0) throw new Error(collected.stdout);
        jobs.push(job);
      }
      for (let r = 0; r < runs; r++) {
        for (const [k, concurrency] of levels.entries()) {
          const before = process.cpuUsage();
          const started = performance.now();
          // A repository of its own per run: every run creates the draft and all its assets.
          const run = await jobs[k]!.run(
            { step: 'release', 'upload-concurrency': concurrency },
            { env: { GITHUB_REPOSITORY: `bench/c${concurrency}-${r}` } },
          );
          times[concurrency]!.push((performance.now() - started) / 1000);
          const used = process.cpuUsage(before);
          cpu[concurrency]! += (used.user + used.system) / 1e6;
          if (run.exitCode !== 0) throw new Error(run.stdout + run.stderr);
        }
      }
    } finally {
      await Promise.all(pipelines.map((p) => p.close()));
    }
    const parallel = stats(times['8']!);
    const sequential = stats(times['1']!);
    const ratio = parallel.median / sequential.median;
    return [
      {
        name: `release: ${assets} assets, ${latencyMs} ms latency per request`,
        ours: `concurrency 8 (default): ${fmt(parallel)}`,
        peer: `concurrency 1: ${fmt(sequential)}`,
        ratio: `${ratio.toFixed(2)}x time`,
        target: '≤ 0.3x',
        met: smoke || ratio <= 0.3,
        note: `the GitHub stand-in used ${(cpu['8']! / runs).toFixed(2)} s of CPU per run at concurrency 8 and ${(cpu['1']! / runs).toFixed(2)} s at concurrency 1, in the benchmark process`,
      },
    ];
  },
};

export const benchmarks: Benchmark[] = [
  hashBench('sha256', 'sha256', ['sha256sum'], 0.9),
  hashBench('blake2b-256', 'blake2b', ['b2sum', '-l', '256'], 0.5),
  coldStart,
  buildJob,
  provenanceScaling,
  releaseConcurrency,
  releaseRateLimit,
  releaseHourlyLimit,
  ...publishBenchmarks,
];
