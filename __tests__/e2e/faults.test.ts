import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ActionRun } from '../../sandbox/index.ts';
import { startFaultProxy, type FaultKind, type FaultProxy } from '../../sandbox/fault-proxy.ts';
import {
  HATCH_PLATFORM_WHEEL,
  HATCH_SDIST,
  HATCH_WHEEL,
  startPipeline,
} from '../../sandbox/pipeline.ts';
import { SANDBOX_AUDIENCE } from '../../sandbox/warehouse.ts';

/**
 * One seed per fault mix in the test command (each seed runs the whole pipeline, seconds of CPU);
 * FAULT_SEEDS=200 for a long run before a release or after touching retries.
 */
const SEEDS = Number(process.env.FAULT_SEEDS ?? 3);
const FILES = [HATCH_WHEEL, HATCH_PLATFORM_WHEEL, HATCH_SDIST];
const MIXES: FaultKind[][] = [
  ['500', '502', '503', 'reset'],
  ['429', 'secondary', 'truncate'],
  ['stall', 'truncate', 'reset', '503'],
];
const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** A clear failure: one error annotation with a message, and a non-zero exit. */
function expectClearFailure(run: ActionRun, step: string): void {
  const errors = run.annotations.filter((a) => a.level === 'error');
  expect(errors, `${step}: ${run.stdout}\n${run.stderr}`).toHaveLength(1);
  expect(errors[0]?.message).toMatch(/\S/);
}

async function runPipeline(seed: number): Promise<{ faults: number; reruns: string[] }> {
  const pipeline = await startPipeline();
  const kinds = MIXES[seed % MIXES.length] as FaultKind[];
  const proxies: FaultProxy[] = [];
  const proxy = async (target: string, proxyKinds: FaultKind[], salt: number) => {
    const p = await startFaultProxy({
      target,
      seed: seed * 31 + salt,
      rate: 0.25,
      kinds: proxyKinds,
      stallMs: 2500,
    });
    proxies.push(p);
    return p;
  };
  const reruns: string[] = [];
  try {
    const github = await proxy(pipeline.sandbox.github.url, kinds, 1);
    const sigstore = await proxy(
      pipeline.sandbox.sigstore.url,
      kinds.filter((k) => k !== 'secondary'),
      2,
    );
    // The artifact client waits seconds between its own retries: only resets, which it does not retry.
    const artifacts = await proxy(pipeline.sandbox.artifacts.url, ['reset'], 3);
    const env = {
      GITHUB_API_URL: github.url,
      ACTIONS_RESULTS_URL: `${artifacts.url}/`,
      RELEASE_ACTION_TIMEOUT_MS: '1500',
    };
    const sigstoreInputs = { 'fulcio-url': sigstore.url, 'rekor-url': sigstore.url };
    // Jobs run at once: stay calm while any of them is re-running.
    let calmRuns = 0;
    const calm = (on: boolean) => {
      calmRuns += on ? 1 : -1;
      proxies.forEach((p) => p.setCalm(calmRuns > 0));
    };

    // Re-running a failed job starts attempt 2 of the workflow run; the jobs after it run in it.
    let workflowAttempt = 1;
    /** Runs a step under faults; on failure, checks it is clear, then re-runs it once calmly. */
    const step = async (name: string, run: (attempt: number) => Promise<ActionRun>) => {
      const first = await run(workflowAttempt);
      if (first.exitCode === 0) return;
      expectClearFailure(first, name);
      reruns.push(name);
      calm(true);
      workflowAttempt = 2;
      const second = await run(2);
      calm(false);
      expect(
        second.exitCode,
        `${name} re-run (seed ${seed}): ${second.stdout}\n${second.stderr}`,
      ).toBe(0);
    };

    await Promise.all(
      FILES.map(async (file, i) => {
        const job = await pipeline.job('build', [file], `seed${seed}-${i}`);
        await step(`collect ${i}`, (attempt) =>
          job.run(
            { step: 'collect' },
            {
              env: {
                ...env,
                ...pipeline.sandbox.runnerEnv({
                  job: 'build',
                  matrix: `seed${seed}-${i}`,
                  runAttempt: attempt,
                }),
                ACTIONS_RESULTS_URL: env.ACTIONS_RESULTS_URL,
              },
            },
          ),
        );
      }),
    );
    const signer = await pipeline.job('sign');
    const inAttempt = (attempt: number) => ({ ...env, GITHUB_RUN_ATTEMPT: String(attempt) });
    await step('provenance', (attempt) =>
      signer.run(
        { step: 'provenance', ...sigstoreInputs },
        { idToken: true, env: inAttempt(attempt) },
      ),
    );
    await step('release', (attempt) =>
      signer.run({ step: 'release' }, { env: inAttempt(attempt) }),
    );

    const { testpypi, pypi } = pipeline.sandbox;
    const indexes: FaultProxy[] = [];
    for (const [i, index] of [testpypi, pypi].entries()) {
      index.createProject('hatch-demo');
      index.addTrustedPublisher({
        project: 'hatch-demo',
        repository: 'octo-org/octo-repo',
        workflow: 'release.yml',
        environment: 'publish',
      });
      indexes.push(
        await proxy(
          index.url,
          kinds.filter((k) => k !== 'secondary'),
          4 + i,
        ),
      );
    }
    const publisher = await pipeline.job('publish');
    await step('publish', (attempt) =>
      publisher.run(
        {
          step: 'publish',
          'repository-url': indexes.map((p) => `${p.url}/legacy/`).join('\n'),
          'trusted-root': pipeline.trustedRootPath,
          'oidc-audience': SANDBOX_AUDIENCE,
          ...sigstoreInputs,
        },
        { idToken: { environment: 'publish' }, env: inAttempt(attempt) },
      ),
    );

    // Complete: one draft, every file exactly once with its digest, SHA256SUMS right.
    const releases = pipeline.sandbox.github.releases('octo-org/octo-repo');
    expect(
      releases.filter((r) => r.tag_name === 'v1.0.0'),
      `seed ${seed}`,
    ).toHaveLength(1);
    const assets = releases[0]?.assets ?? [];
    const names = assets.map((a) => a.name).sort();
    expect(names).toEqual([...FILES, 'SHA256SUMS', 'hatch_demo-0.1.0.intoto.jsonl'].sort());
    expect(assets.every((a) => a.state === 'uploaded')).toBe(true);
    const dist = join(signer.workspace, 'dist');
    let sums = '';
    for (const name of [...FILES].sort()) {
      const digest = sha256(await readFile(join(dist, name)));
      expect(assets.find((a) => a.name === name)?.digest).toBe(`sha256:${digest}`);
      sums += `${digest}  ${name}\n`;
    }
    expect(assets.find((a) => a.name === 'SHA256SUMS')?.digest).toBe(`sha256:${sha256(sums)}`);
    for (const index of [pipeline.sandbox.testpypi, pipeline.sandbox.pypi]) {
      const files = index.files('hatch-demo');
      expect(files.map((f) => f.filename).sort(), `seed ${seed}`).toEqual([...FILES].sort());
      for (const file of files)
        expect(`sha256:${file.sha256}`).toBe(assets.find((a) => a.name === file.filename)?.digest);
    }
    return {
      faults: proxies.reduce(
        (n, p) => n + Object.values(p.injected).reduce((a, b) => a + (b ?? 0), 0),
        0,
      ),
      reruns,
    };
  } finally {
    await Promise.all(proxies.map((p) => p.close()));
    await pipeline.close();
  }
}

describe('the pipeline under injected faults', () => {
  let injected = 0;
  afterAll(() => {
    // Seeds that injected nothing would prove nothing.
    expect(injected).toBeGreaterThan(SEEDS);
  });
  it.concurrent.each(Array.from({ length: SEEDS }, (_, i) => i + 1))(
    'seed %i ends complete, or fails clearly and completes on a plain re-run',
    async (seed) => {
      injected += (await runPipeline(seed)).faults;
    },
    120_000,
  );
});
