/**
 * The differential oracle: what Debian's CPython (`zipfile`, `tarfile`) and pip's unpacking
 * see in archives, read by `cpython-members.py` in one Python process for many files.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parseDistributionFilename } from '../../src/distributions/filenames.ts';
import { inspectSdistArchive } from '../../src/distributions/sdist-archive.ts';
import { inspectWheelArchive, type ArchiveMember } from '../../src/distributions/wheel-archive.ts';
import { DistributionError } from '../../src/core/errors.ts';

export const PYTHON = '/usr/bin/python3';
const SCRIPT = join(import.meta.dirname, 'cpython-members.py');

type Listing = [string, number, string][] | { error: string };
export interface OracleView {
  stdlib: Listing;
  pip: Listing;
}

/** What CPython and pip see in each of `paths`. */
export async function oracle(paths: string[]): Promise<Record<string, OracleView>> {
  if (paths.length === 0) return {};
  const { stdout } = await promisify(execFile)(PYTHON, [SCRIPT, ...paths], {
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, PIP_CONFIG_FILE: '/dev/null' },
  });
  return JSON.parse(stdout) as Record<string, OracleView>;
}

/** The action's view: its members, or its typed refusal. Any other error is rethrown. */
export async function actionView(
  path: string,
  filename = path.split('/').pop() as string,
): Promise<ArchiveMember[] | DistributionError> {
  try {
    const parsed = parseDistributionFilename(filename);
    const inspected =
      parsed.kind === 'wheel'
        ? await inspectWheelArchive(path, parsed)
        : await inspectSdistArchive(path, parsed);
    return inspected.members;
  } catch (error) {
    if (error instanceof DistributionError) return error;
    throw error;
  }
}

/** Members as `name size sha256` lines, sorted: the form both views are compared in. */
export function asLines(members: ArchiveMember[] | [string, number, string][]): string[] {
  return members
    .map((m) => (Array.isArray(m) ? m.join(' ') : `${m.name} ${m.size} ${m.sha256}`))
    .sort();
}

/**
 * Why the oracle disagrees with an archive the action accepted, or undefined: CPython must
 * read it without error and list the same files with the same bytes, and pip must unpack
 * exactly those files. `sdist` says pip strips the top folder.
 */
export function disagreement(
  ours: ArchiveMember[],
  view: OracleView,
  sdist = false,
): string | undefined {
  for (const [who, listing] of Object.entries(view)) {
    if (!Array.isArray(listing)) return `${who} failed: ${listing.error}`;
    // pip unpacks an sdist without its top folder.
    const strip = sdist && who === 'pip';
    const expected = asLines(
      strip ? ours.map((m) => ({ ...m, name: m.name.split('/').slice(1).join('/') })) : ours,
    ).join('\n');
    const seen = asLines(listing).join('\n');
    if (seen !== expected) return `${who} sees\n${seen}\nthe action sees\n${expected}`;
  }
  return undefined;
}
