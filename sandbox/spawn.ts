/**
 * Starts a stand-in as a child process (`node sandbox/<name>.ts`) and hands back the same
 * shape its in-process start does (`url`, `close()`), plus whatever else it announced. A
 * benchmark can then keep the stand-ins' CPU off the process it measures.
 */
import { spawn } from 'node:child_process';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Announcement } from './process.ts';

/** The stand-ins that run as processes, by file name. */
export type StandInName = 'artifact-service' | 'github' | 'oidc-issuer' | 'sigstore' | 'warehouse';

/** A stand-in running in a child process. */
export type SpawnedStandIn<T extends Announcement = Announcement> = T & {
  pid: number;
  /** Stops the process (SIGTERM) and waits for it to exit. */
  close(): Promise<void>;
};

const STARTUP_MS = 30_000;

/** Starts `sandbox/<name>.ts` with `args`; resolves once it announced its URL. */
export function spawnStandIn<T extends Announcement = Announcement>(
  name: StandInName,
  args: string[] = [],
): Promise<SpawnedStandIn<T>> {
  return spawnAnnouncer<T>(join(import.meta.dirname, `${name}.ts`), args);
}

/**
 * Starts any script that speaks the stand-ins' protocol (`process.ts`: one JSON line, then
 * serve until stopped), e.g. a benchmark's own network shaper.
 */
export async function spawnAnnouncer<T extends Announcement = Announcement>(
  script: string,
  args: string[] = [],
): Promise<SpawnedStandIn<T>> {
  const name = basename(script, '.ts');
  const child = spawn(process.execPath, [script, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const announced = new Promise<T>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => {
      reject(new Error(`the ${name} stand-in did not start within ${STARTUP_MS} ms: ${stderr}`));
    }, STARTUP_MS);
    lines.once('line', (line) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as T);
      } catch {
        reject(new Error(`the ${name} stand-in announced no JSON: ${line}`));
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new Error(`the ${name} stand-in exited (${signal ?? code}) before starting: ${stderr}`),
      );
    });
    child.once('error', reject);
  });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  try {
    const announcement = await announced;
    // Keep reading, so that a chatty stand-in never blocks on a full pipe.
    child.stdout.resume();
    return { ...announcement, pid: child.pid as number, close };
  } catch (error) {
    await close();
    throw error;
  }
}
