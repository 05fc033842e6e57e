/**
 * The loopback sandbox the tests and `npm run demo` run against: stand-ins for the services a
 * release touches, each on its own 127.0.0.1 port, composed here. Start one per test file and
 * hand each simulated job its runner variables with `runnerEnv()`. `spawnStandIn` runs one
 * stand-in as a process of its own instead (benchmarks: off the measured process).
 */
import {
  startArtifactService,
  type ArtifactService,
  type ArtifactServiceOptions,
} from './artifact-service.ts';
import { startGitHub, type GitHubSandbox } from './github.ts';
import { runnerEnvFor, type JobRef } from './harness.ts';
import { startOidcIssuer, type JobIdentity, type OidcIssuer } from './oidc-issuer.ts';
import { startSigstore, type SigstoreSandbox } from './sigstore.ts';
import { startWarehouse, type Warehouse } from './warehouse.ts';

export { makeRuntimeToken, type ArtifactRecord } from './artifact-service.ts';
export { runAction, runnerEnvFor, type ActionRun, type JobRef } from './harness.ts';
export { spawnStandIn, type SpawnedStandIn, type StandInName } from './spawn.ts';

export interface SandboxOptions {
  artifacts?: ArtifactServiceOptions;
  github?: { latencyMs?: number; enterprise?: boolean };
  /** GHES mode: the server the Fulcio stand-ins write into certificates (default github.com). */
  serverUrl?: string;
}

export interface Sandbox {
  /** GitHub's Actions results service (workflow artifacts). */
  artifacts: ArtifactService;
  /** GitHub's OIDC token service for jobs with `id-token: write`. */
  oidc: OidcIssuer;
  /** Fulcio, Rekor and a timestamp authority, with their trusted root (public-good). */
  sigstore: SigstoreSandbox;
  /** GitHub's own Sigstore instance (private repositories): Fulcio and a TSA, no log. */
  githubSigstore: SigstoreSandbox;
  /** GitHub's REST API. */
  github: GitHubSandbox;
  /** Two Warehouse-like indexes, as TestPyPI and PyPI. */
  testpypi: Warehouse;
  pypi: Warehouse;
  /**
   * Variables a job with `id-token: write` gets on top of `runnerEnv()`, plus the service URLs
   * the steps are pointed at (GITHUB_API_URL).
   */
  idTokenEnv(identity?: Partial<JobIdentity>): Record<string, string>;
  /**
   * Variables the runner gives one job of the workflow run: `GITHUB_RUN_ID`, `GITHUB_JOB`,
   * `GITHUB_RUN_ATTEMPT`, `ACTIONS_RUNTIME_TOKEN`, `ACTIONS_RESULTS_URL`. Pass them as
   * `runAction({ env })`, or set them on `process.env` to use a client in-process.
   */
  runnerEnv(job?: JobRef): Record<string, string>;
  /** Stops every service and removes what they stored. */
  close(): Promise<void>;
}

interface Closable {
  close(): Promise<void>;
}

/** Starts every stand-in; if one fails to start, the ones already started are stopped. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const started: Closable[] = [];
  const start = async <T extends Closable>(service: Promise<T>): Promise<T> => {
    const value = await service;
    started.push(value);
    return value;
  };
  try {
    const artifacts = await start(startArtifactService(options.artifacts));
    const oidc = await start(startOidcIssuer());
    const server = options.serverUrl ? { serverUrl: options.serverUrl } : {};
    const sigstore = await start(
      startSigstore({ verifyToken: (token) => oidc.verify(token), ...server }),
    );
    const githubSigstore = await start(
      startSigstore({ verifyToken: (token) => oidc.verify(token), instance: 'github', ...server }),
    );
    const github = await start(startGitHub(options.github));
    const indexOptions = {
      verifyToken: (token: string) => oidc.verify(token),
      trustedRoot: sigstore.trustedRoot,
    };
    const testpypi = await start(startWarehouse({ name: 'testpypi', ...indexOptions }));
    const pypi = await start(startWarehouse({ name: 'pypi', ...indexOptions }));
    const sandbox: Sandbox = {
      artifacts,
      oidc,
      sigstore,
      githubSigstore,
      github,
      testpypi,
      pypi,
      idTokenEnv: (identity) => ({ ...oidc.requestEnv(identity), GITHUB_API_URL: github.url }),
      runnerEnv: (job) => runnerEnvFor(sandbox, job),
      close: () => closeAll(started),
    };
    return sandbox;
  } catch (error) {
    await closeAll(started);
    throw error;
  }
}

// Newest first, and every one even when another fails, so no port or temp dir is left behind.
async function closeAll(services: Closable[]): Promise<void> {
  const results = await Promise.allSettled([...services].reverse().map((s) => s.close()));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}
