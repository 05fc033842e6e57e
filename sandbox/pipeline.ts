/**
 * Simulated jobs of one workflow run against the sandbox: each job gets its own workspace and
 * RUNNER_TEMP, and runs dist/index.js through the harness exactly as a runner would.
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAction, startSandbox, type ActionRun, type Sandbox } from './index.ts';
import type { ArtifactServiceOptions } from './artifact-service.ts';
import type { JobIdentity } from './oidc-issuer.ts';
import { RUN_DEFAULTS } from './harness.ts';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'dists');
export const HATCH_WHEEL = 'hatch_demo-0.1.0-py3-none-any.whl';
export const HATCH_PLATFORM_WHEEL =
  'hatch_demo-0.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl';
export const HATCH_SDIST = 'hatch_demo-0.1.0.tar.gz';

export interface Job {
  name: string;
  workspace: string;
  runnerTemp: string;
  run(
    inputs: Record<string, string>,
    options?: {
      idToken?: boolean | Partial<JobIdentity>;
      env?: Record<string, string | undefined>;
      /** Run node under this command (benchmarks: /usr/bin/time). */
      wrapper?: string[];
      /** The event payload (default: a push of the tag). */
      event?: Record<string, unknown>;
      timeoutMs?: number;
    },
  ): Promise<ActionRun>;
}

export interface Pipeline {
  sandbox: Sandbox;
  root: string;
  /** Both Sigstore instances' trusted roots, as JSON lines (what verify and publish take). */
  trustedRootPath: string;
  /** The public-good root alone: what PyPI verifies attestations with. */
  publicGoodRootPath: string;
  /**
   * A job whose `dist/` holds copies of the given fixtures; `runAttempt` > 1 is that job in a
   * re-run of the workflow run (a new job backend id, the same run).
   */
  job(name: string, fixtures?: string[], matrix?: string, runAttempt?: number): Promise<Job>;
  close(): Promise<void>;
}

/** `root`: where jobs' workspaces go (default: a temp dir removed by close()). */
export async function startPipeline(
  options: {
    root?: string;
    githubLatencyMs?: number;
    enterprise?: string;
    artifacts?: ArtifactServiceOptions;
  } = {},
): Promise<Pipeline> {
  // enterprise: GHES mode, the server's URL (no attestations API, certificates name the server).
  const sandbox = await startSandbox({
    github: {
      ...(options.githubLatencyMs ? { latencyMs: options.githubLatencyMs } : {}),
      ...(options.enterprise ? { enterprise: true } : {}),
    },
    ...(options.enterprise ? { serverUrl: options.enterprise } : {}),
    ...(options.artifacts ? { artifacts: options.artifacts } : {}),
  });
  // The tag every default job runs for exists on GitHub, pointing at the run's commit.
  sandbox.github.createTag(RUN_DEFAULTS.repository, {
    tag: RUN_DEFAULTS.ref.slice('refs/tags/'.length),
    commit: RUN_DEFAULTS.sha,
    date: new Date('2026-11-01T12:00:00Z'),
    annotated: true,
  });
  const root = options.root ?? (await mkdtemp(join(tmpdir(), 'pipeline-')));
  const keep = options.root !== undefined;
  await mkdir(root, { recursive: true });
  // Both instances' roots as JSON lines, the form `gh attestation trusted-root` prints.
  const trustedRootPath = join(root, 'trusted-root.jsonl');
  await writeFile(
    trustedRootPath,
    [sandbox.sigstore.trustedRoot, sandbox.githubSigstore.trustedRoot]
      .map((r) => JSON.stringify(r))
      .join('\n'),
  );
  const publicGoodRootPath = join(root, 'trusted-root-public-good.json');
  await writeFile(publicGoodRootPath, JSON.stringify(sandbox.sigstore.trustedRoot));
  let count = 0;
  return {
    sandbox,
    root,
    trustedRootPath,
    publicGoodRootPath,
    async job(name, fixtures = [], matrix, runAttempt) {
      const base = join(root, `${name}-${count++}`);
      const workspace = join(base, 'workspace');
      const runnerTemp = join(base, 'temp');
      await mkdir(join(workspace, 'dist'), { recursive: true });
      await mkdir(runnerTemp, { recursive: true });
      for (const fixture of fixtures)
        await cp(join(FIXTURES, fixture), join(workspace, 'dist', fixture));
      const jobEnv = sandbox.runnerEnv({
        job: name,
        ...(matrix ? { matrix } : {}),
        ...(runAttempt ? { runAttempt } : {}),
      });
      return {
        name,
        workspace,
        runnerTemp,
        run: (inputs, options = {}) => {
          const identity = typeof options.idToken === 'object' ? options.idToken : {};
          const idEnv = options.idToken
            ? sandbox.idTokenEnv(identity)
            : { GITHUB_API_URL: sandbox.github.url };
          return runAction({
            inputs,
            workspace,
            runnerTemp,
            env: {
              ...jobEnv,
              ...idEnv,
              RELEASE_ACTION_RETRY_DELAY_MS: '20',
              // A loopback stand-in's upload host cannot be derived from its API URL.
              RELEASE_ACTION_GITHUB_UPLOAD_URL: sandbox.github.uploadUrl,
              ...options.env,
            },
            githubToken: sandbox.github.token(['contents:write', 'attestations:write']),
            ...(options.wrapper ? { wrapper: options.wrapper } : {}),
            ...(options.event ? { event: options.event } : {}),
            ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
          });
        },
      };
    },
    async close() {
      await sandbox.close();
      if (!keep) await rm(root, { recursive: true, force: true });
    },
  };
}

/** Inputs that point `provenance` at the Sigstore stand-ins. */
export function sigstoreInputs(pipeline: Pipeline): Record<string, string> {
  return {
    'fulcio-url': pipeline.sandbox.sigstore.url,
    'rekor-url': pipeline.sandbox.sigstore.url,
  };
}

/** The first error annotation's message, for assertions. */
export function errorOf(run: ActionRun): string {
  return (
    run.annotations.find((a) => a.level === 'error')?.message ??
    `(no error; exit ${run.exitCode})\n${run.stdout}\n${run.stderr}`
  );
}
