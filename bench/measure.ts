/**
 * Timing and peak memory of whole commands with GNU time, run alternately with their peer so
 * that machine noise hits both alike; figures are medians with min and max.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Sample {
  wallSeconds: number;
  maxRssKb: number;
}

export interface Command {
  file: string;
  args: string[];
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** Runs a command under /usr/bin/time; asynchronous, so loopback servers in this process answer. */
export async function measure(command: Command): Promise<Sample> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-time-'));
  const out = join(dir, 'time');
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        '/usr/bin/time',
        ['-f', '%e %M', '-o', out, command.file, ...command.args],
        { env: command.env ?? process.env, cwd: command.cwd, maxBuffer: 64 * 1024 * 1024 },
        (error, _stdout, stderr) =>
          error
            ? reject(
                new Error(
                  `${command.file} ${command.args.join(' ')} failed: ${error.message}\n${stderr.slice(-2000)}`,
                ),
              )
            : resolve(),
      );
    });
    const [wall, rss] = (await readFile(out, 'utf8')).trim().split('\n').pop()!.split(' ');
    return { wallSeconds: Number(wall), maxRssKb: Number(rss) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface Stats {
  median: number;
  min: number;
  max: number;
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

/** Runs `ours` and `peer` alternately `runs` times each. */
export async function sideBySide(
  runs: number,
  ours: () => Promise<Sample>,
  peer: () => Promise<Sample>,
): Promise<{ ours: Sample[]; peer: Sample[] }> {
  const result = { ours: [] as Sample[], peer: [] as Sample[] };
  for (let i = 0; i < runs; i++) {
    result.ours.push(await ours());
    result.peer.push(await peer());
  }
  return result;
}
