/**
 * One build job's overhead: what `prepare` + `collect` add to a build job, against what a
 * workflow without the action would run in their place (`sha256sum` of the files and a bare
 * `@actions/artifact` upload of them). The artifact service runs in a process of its own, a
 * fresh one per run, so neither side pays for it or finds the other's artifact.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { startPipeline } from '../sandbox/pipeline.ts';
import { spawnStandIn } from '../sandbox/spawn.ts';
import { writeRandomWheel } from './inputs.ts';
import { stats } from './measure.ts';
import { fmt, type Benchmark } from './rows.ts';

const COMMIT = 'b'.repeat(40);
const run = promisify(execFile);

type ArtifactService = Awaited<ReturnType<typeof startArtifacts>>;
const startArtifacts = () =>
  spawnStandIn<{ url: string; runtimeToken: string }>('artifact-service');

const artifactEnv = (service: ArtifactService) => ({
  ACTIONS_RESULTS_URL: `${service.url}/`,
  ACTIONS_RUNTIME_TOKEN: service.runtimeToken,
});

/** Times `body` against a fresh artifact service; the service's start is not counted. */
async function timed(body: (service: ArtifactService) => Promise<void>): Promise<number> {
  const service = await startArtifacts();
  try {
    const started = performance.now();
    await body(service);
    return (performance.now() - started) / 1000;
  } finally {
    await service.close();
  }
}

export const buildJob: Benchmark = {
  name: 'build job',
  async run({ smoke, root, runs }) {
    const wheels = smoke ? 3 : 10;
    const size = smoke ? 1 << 20 : 20 * 1024 * 1024;
    const pipeline = await startPipeline({ root: join(root, 'build') });
    pipeline.sandbox.github.createTag('octo-org/octo-repo', {
      tag: 'v1.0',
      commit: COMMIT,
      date: new Date('2026-11-01T12:00:00Z'),
      annotated: true,
    });
    const ours: number[] = [];
    const theirs: number[] = [];
    try {
      const job = await pipeline.job('build');
      const dist = join(job.workspace, 'dist');
      await mkdir(join(job.workspace, '.git'), { recursive: true });
      await writeFile(join(job.workspace, '.git', 'HEAD'), `${COMMIT}\n`);
      for (let i = 1; i <= wheels; i++)
        await writeRandomWheel(
          join(dist, `bench_build-1.0-${i}-py3-none-any.whl`),
          'bench_build',
          '1.0',
          size,
        );
      const files = (await readdir(dist)).map((f) => join(dist, f));
      const env = { GITHUB_REF: 'refs/tags/v1.0' };
      // One unmeasured round of each first (not in the smoke run): the page cache is then warm
      // for both alike.
      for (let i = smoke ? 0 : -1; i < runs; i++) {
        const oursTime = await timed(async (service) => {
          for (const step of ['prepare', 'collect']) {
            const result = await job.run({ step }, { env: { ...env, ...artifactEnv(service) } });
            if (result.exitCode !== 0) throw new Error(result.stdout + result.stderr);
          }
        });
        const theirTime = await timed(async (service) => {
          await run('sha256sum', files);
          await run(
            process.execPath,
            [join(import.meta.dirname, 'artifact-upload.ts'), 'dist', dist],
            { env: { PATH: process.env.PATH, ...artifactEnv(service) } },
          );
        });
        if (i >= 0) {
          ours.push(oursTime);
          theirs.push(theirTime);
        }
      }
    } finally {
      await pipeline.close();
    }
    const a = stats(ours);
    const b = stats(theirs);
    const ratio = a.median / b.median;
    return [
      {
        name: `one build job's overhead: prepare + collect, ${wheels} wheels of ${smoke ? '1 MiB' : '20 MiB'}`,
        ours: fmt(a),
        peer: `sha256sum + @actions/artifact upload: ${fmt(b)}`,
        ratio: `${ratio.toFixed(2)}x time`,
        target: '≤ 1.2x',
        met: smoke || ratio <= 1.2,
        note: `ours is two runs of the action (two Node starts), prepare resolving the tag on the GitHub stand-in (in the benchmark's process; a few small requests) and collect checking, hashing and uploading the files with its manifest; the artifact service runs in a process of its own; both sides store the files uncompressed`,
      },
    ];
  },
};
