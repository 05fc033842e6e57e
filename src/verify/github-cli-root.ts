/**
 * GitHub's Sigstore trusted root from the GitHub CLI on the runner, for bundles of GitHub's
 * instance (private repositories) when no `trusted-root` is given. GitHub publishes that root
 * only through its own TUF repository (tuf-repo.github.com), whose root of trust ships inside
 * `gh`; `gh attestation trusted-root` (gh 2.53 and later) refreshes it through TUF and prints
 * one compact JSON trusted root per line: the public-good root, then GitHub's.
 *
 * What gh needs: no token for github.com from gh 2.58 on (before, it asked for one without
 * using it); on GHE.com it looks up the tenancy's trust domain with a token. GHES hosts are
 * refused by gh, and GitHub's instance is github.com's: GH_HOST is github.com there.
 *
 * Fail closed: gh missing, too old, failing, slow or printing anything but trusted roots
 * throws with what went wrong; the caller refuses the bundle with the fix.
 */
import { spawn } from 'node:child_process';
import { quote } from '../core/text.ts';
import { parseTrustedRoots, toInstance, type SigstoreInstance } from './trust.ts';

/** Two TUF refreshes (public-good and GitHub's) over the network. */
export const GH_TRUSTED_ROOT_TIMEOUT_MS = 60_000;
export const GH_VERSION_TIMEOUT_MS = 10_000;
/** Trusted roots are tens of kilobytes; anything far larger is not one. */
export const GH_OUTPUT_MAX_BYTES = 4 * 1024 * 1024;
/** The first gh with `gh attestation trusted-root`. */
const FIRST_WITH_TRUSTED_ROOT: Version = [2, 53, 0];
/** The first gh that runs `gh attestation trusted-root` without a token on github.com. */
const FIRST_WITHOUT_TOKEN: Version = [2, 58, 0];

type Version = [number, number, number];

export interface GitHubCliRootOptions {
  /** The GitHub server the signing workflow ran on (github.com, GHE.com or GHES). */
  serverUrl: string;
  /** Given to gh as GH_TOKEN only where it needs one; never logged. */
  token?: string | undefined;
  /** The one line saying where GitHub's root came from. */
  info: (line: string) => void;
  /** Tests: the command, the environment gh runs in, the time limit, the cache. */
  command?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  cache?: Map<string, Promise<SigstoreInstance[]>>;
}

/** One answer per host and process: publish verifies many bundles, gh runs once. */
const CACHE = new Map<string, Promise<SigstoreInstance[]>>();

/** A loader for `TrustSet.githubRoot`: GitHub's instance as the runner's `gh` prints it. */
export function githubRootFromCli(
  options: GitHubCliRootOptions,
): () => Promise<SigstoreInstance[]> {
  return () => {
    const cache = options.cache ?? CACHE;
    const host = ghHost(options.serverUrl);
    let answer = cache.get(host);
    if (!answer) {
      answer = loadFromCli(host, options);
      cache.set(host, answer);
    }
    return answer;
  };
}

/** github.com, or a GHE.com tenancy (its own trust domain); a GHES's bundles are github.com's. */
export function ghHost(serverUrl: string): string {
  const host = new URL(serverUrl).hostname.toLowerCase();
  return host.endsWith('.ghe.com') ? host : 'github.com';
}

async function loadFromCli(
  host: string,
  options: GitHubCliRootOptions,
): Promise<SigstoreInstance[]> {
  const command = options.command ?? 'gh';
  const base = options.env ?? process.env;
  const env: NodeJS.ProcessEnv = {
    ...base,
    GH_HOST: host,
    GH_PROMPT_DISABLED: '1',
    GH_NO_UPDATE_NOTIFIER: '1',
    NO_COLOR: '1',
  };
  const versionOutput = await runGh(command, ['--version'], env, GH_VERSION_TIMEOUT_MS);
  const versionLine = versionOutput.split('\n')[0]?.trim() ?? '';
  const version = parseGhVersion(versionLine);
  if (version && older(version, FIRST_WITH_TRUSTED_ROOT))
    throw new Error(
      `the runner's GitHub CLI is ${quote(versionLine)}, older than gh 2.53, the first with \`gh attestation trusted-root\``,
    );
  const needsToken = host !== 'github.com' || (version && older(version, FIRST_WITHOUT_TOKEN));
  if (needsToken && options.token) env.GH_TOKEN = options.token;
  const timeoutMs = options.timeoutMs ?? GH_TRUSTED_ROOT_TIMEOUT_MS;
  const output = await runGh(command, ['attestation', 'trusted-root'], env, timeoutMs);
  const github = githubInstances(output);
  options.info(
    `GitHub's Sigstore trusted root: from the runner's GitHub CLI (${versionLine || 'gh, version unknown'}), \`gh attestation trusted-root\` for ${host}`,
  );
  return github;
}

/** The roots of GitHub's instance among the JSON lines gh printed; throws for anything else. */
export function githubInstances(output: string): SigstoreInstance[] {
  let instances: SigstoreInstance[];
  try {
    instances = parseTrustedRoots(output).map(toInstance);
  } catch (error) {
    throw new Error(
      `\`gh attestation trusted-root\` printed something that is not Sigstore trusted roots (${(error as Error).message}): ${quote(excerpt(output))}`,
      { cause: error },
    );
  }
  const github = instances.filter((instance) => instance.kind === 'github');
  if (github.length === 0)
    throw new Error(
      `\`gh attestation trusted-root\` printed ${instances.length} trusted root(s), none of them GitHub's instance (${instances.map((i) => i.label).join(', ')})`,
    );
  return github;
}

/** `gh version 2.60.1 (2024-10-25)` -> [2, 60, 1]; undefined for a build without a number. */
export function parseGhVersion(line: string): Version | undefined {
  const match = /^gh version (\d+)\.(\d+)\.(\d+)/.exec(line);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

function older(version: Version, than: Version): boolean {
  for (let i = 0; i < 3; i++) if (version[i] !== than[i]) return version[i]! < than[i]!;
  return false;
}

/**
 * Runs gh without a shell or stdin; its standard output, or an error saying what went wrong.
 * On timeout it is killed and the answer given at once, whatever holds its pipes open.
 */
function runGh(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<string> {
  const what = `\`gh ${args.join(' ')}\``;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (error: Error | undefined, text = ''): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        child.kill('SIGKILL');
        child.stdout.destroy();
        child.stderr.destroy();
        reject(error);
      } else resolve(text);
    };
    const timer = setTimeout(
      () => finish(new Error(`${what} did not finish within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > GH_OUTPUT_MAX_BYTES)
        finish(new Error(`${what} printed more than ${GH_OUTPUT_MAX_BYTES} bytes`));
      else stdout.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.reduce((n, b) => n + b.length, 0) < 64 * 1024) stderr.push(chunk);
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      finish(
        new Error(
          error.code === 'ENOENT'
            ? 'the runner has no GitHub CLI (`gh` is not on PATH)'
            : `${what} could not be run: ${error.message}`,
        ),
      ),
    );
    child.on('close', (code, signal) => {
      if (code === 0) return finish(undefined, Buffer.concat(stdout).toString('utf8'));
      const said = excerpt(Buffer.concat(stderr).toString('utf8'));
      finish(
        new Error(
          `${what} failed (${signal ? `killed by ${signal}` : `exit ${code}`})${said ? `: ${said}` : ''}`,
        ),
      );
    });
  });
}

/** The last non-empty lines of what a program said, bounded. */
function excerpt(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const tail = lines.slice(-3).join(' / ');
  return tail.length > 300 ? `${tail.slice(0, 300)}…` : tail;
}
