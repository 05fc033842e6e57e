/**
 * Running a stand-in as a process of its own (`node sandbox/<name>.ts [flags]`): it starts the
 * service, prints one JSON line on stdout with what a client needs (its URL first), and stops
 * on SIGTERM, SIGINT or when its stdin closes (so it never outlives the process that started
 * it). `spawn.ts` is the other end.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** What a stand-in process announces; `url` is its base URL. */
export interface Announcement {
  url: string;
  [key: string]: unknown;
}

/** A started stand-in as its process runs it. */
export interface Served {
  announce: Announcement;
  close(): Promise<void>;
}

/** The flags given on the command line, by the stand-in's own option list; exits 2 on a bad one. */
export function commandLine(
  options: NonNullable<ParseArgsConfig['options']>,
): Record<string, string | string[] | boolean | undefined> {
  try {
    return parseArgs({ args: process.argv.slice(2), options, strict: true }).values as Record<
      string,
      string | string[] | boolean | undefined
    >;
  } catch (error) {
    // A flag it does not know, or one without its value: say which, and that is all.
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
}

/** Starts a stand-in for this process and keeps it until told to stop. */
export async function serveUntilStopped(start: () => Promise<Served>): Promise<void> {
  let served: Served;
  try {
    served = await start();
  } catch (error) {
    process.stderr.write(`the stand-in could not start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    served.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`the stand-in did not stop cleanly: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdin.once('end', stop).once('close', stop).resume();
  process.stdout.write(`${JSON.stringify(served.announce)}\n`);
}

/** A number flag, or why it is not one. */
export function numberFlag(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`--${flag} must be a number ≥ 0, not ${String(value)}`);
  return n;
}
