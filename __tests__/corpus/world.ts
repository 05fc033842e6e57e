/**
 * What every corpus case shares: a run of dist/index.js as the runner runs it, inside a folder
 * of its own whose every other file is a sentinel (HOME and TMPDIR point into it too), so a
 * write outside the job's workspace and RUNNER_TEMP shows; and the verdict every case ends in:
 * refused with one clear typed error naming the file or input, with a `Fix:` line, or accepted.
 */
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { expect } from 'vitest';
import { runAction, type ActionRun, type RunActionOptions } from '../../sandbox/harness.ts';

/** What a case must end in. `knownGap`: the reason the action does not (yet) do so. */
export type Verdict =
  { refused: RegExp; knownGap?: string } | { accepted: true; knownGap?: string };

/** A job's folders inside a case folder whose other files are sentinels. */
export interface CaseFolder {
  root: string;
  workspace: string;
  runnerTemp: string;
  /** HOME and TMPDIR of the action: outside the action's folders, watched like the rest. */
  env: Record<string, string>;
  /** Files and folders outside workspace and RUNNER_TEMP that were not there at the start. */
  strayWrites(): Promise<string[]>;
  remove(): Promise<void>;
}

/** A fresh case folder with `workspace/`, `temp/`, a sentinel file, HOME and TMPDIR. */
export async function caseFolder(): Promise<CaseFolder> {
  const root = await mkdtemp(join(tmpdir(), 'corpus-'));
  const workspace = join(root, 'workspace');
  const runnerTemp = join(root, 'temp');
  const home = join(root, 'home');
  const tmp = join(root, 'tmp');
  for (const dir of [workspace, runnerTemp, home, tmp]) await mkdir(dir, { recursive: true });
  await writeFile(join(root, 'sentinel.txt'), 'outside the action\n');
  const before = new Set(await listOutside(root, [workspace, runnerTemp]));
  return {
    root,
    workspace,
    runnerTemp,
    env: { HOME: home, TMPDIR: tmp },
    async strayWrites() {
      return (await listOutside(root, [workspace, runnerTemp])).filter((p) => !before.has(p));
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

async function listOutside(root: string, inside: string[]): Promise<string[]> {
  const found: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (inside.includes(path)) continue;
      const info = await stat(path).catch(() => undefined);
      found.push(`${relative(root, path)}:${info?.size ?? '?'}:${info?.mtimeMs ?? '?'}`);
      if (entry.isDirectory()) await walk(path);
    }
  };
  await walk(root);
  return found;
}

/** Runs dist/index.js in `folder` within `timeoutMs`; the run's temp dirs are the folder's. */
export async function runIn(
  folder: CaseFolder,
  options: RunActionOptions & { timeoutMs: number },
): Promise<{ run: ActionRun; ms: number }> {
  const started = Date.now();
  const run = await runAction({
    ...options,
    workspace: folder.workspace,
    runnerTemp: folder.runnerTemp,
    env: { RELEASE_ACTION_RETRY_DELAY_MS: '10', ...folder.env, ...options.env },
  });
  return { run, ms: Date.now() - started };
}

const CRASH = /Unexpected error|RangeError|TypeError|ReferenceError|SyntaxError|\n\s+at .+:\d+:\d+/;

/**
 * Asserts the verdict and the invariants of every case: exit 0 or 1, nothing that reads like a
 * crash, a refusal as one error annotation matching `verdict.refused` and `names` (the file or
 * input) with a `Fix:` line, and no write outside the action's folders.
 */
export async function expectVerdict(
  label: string,
  run: ActionRun,
  folder: CaseFolder,
  verdict: Verdict,
  names?: string | RegExp,
): Promise<void> {
  const log = `${label}\n--- stdout ---\n${run.stdout.slice(-3000)}\n--- stderr ---\n${run.stderr.slice(-2000)}`;
  expect([0, 1], log).toContain(run.exitCode);
  expect(run.stderr, log).not.toMatch(CRASH);
  const errors = run.annotations.filter((a) => a.level === 'error');
  for (const error of errors) expect(error.message, log).not.toMatch(CRASH);
  if ('refused' in verdict) {
    expect(run.exitCode, log).toBe(1);
    expect(errors, log).toHaveLength(1);
    const message = errors[0]?.message ?? '';
    expect(message, log).toMatch(verdict.refused);
    expect(message, log).toMatch(/\nFix: \S/);
    if (names !== undefined)
      expect(message, log).toMatch(typeof names === 'string' ? new RegExp(escape(names)) : names);
  } else {
    expect(run.exitCode, log).toBe(0);
    expect(errors, log).toHaveLength(0);
  }
  expect(await folder.strayWrites(), log).toEqual([]);
}

export const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One request a hostile server saw. */
export interface SeenRequest {
  server: string;
  method: string;
  path: string;
  authorization: string;
  body: string;
}

export type HostileHandler = (req: IncomingMessage, res: ServerResponse, body: string) => unknown;

/** A loopback server answering whatever `handler` says, logging every request. */
export interface HostileServer {
  url: string;
  requests: SeenRequest[];
  handle(handler: HostileHandler): void;
  close(): Promise<void>;
}

/** Starts a hostile server named `name` (the name is in its requests' log). */
export async function startHostile(name: string): Promise<HostileServer> {
  const requests: SeenRequest[] = [];
  let handler: HostileHandler = (_req, res) => {
    res.writeHead(404).end();
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('latin1');
      requests.push({
        server: name,
        method: req.method ?? '',
        path: req.url ?? '',
        authorization: `${req.headers.authorization ?? ''} ${req.headers['x-api-key'] ?? ''}`,
        body: body.slice(0, 100_000),
      });
      Promise.resolve(handler(req, res, body)).catch(() => res.destroy());
    });
  });
  // Drips hold sockets open: close() must not wait for them.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle(next) {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Requests among `requests` that carry any of `secrets` (in a header or the body). */
export function leaks(requests: SeenRequest[], secrets: string[]): SeenRequest[] {
  const present = secrets.filter((s) => s.length >= 8);
  return requests.filter((r) =>
    present.some((s) => r.authorization.includes(s) || r.body.includes(s)),
  );
}
