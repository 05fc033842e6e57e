/**
 * One private copy of the distributions, made before anything looks at them. Inspection,
 * hashing and upload then read that copy, so a file swapped or rewritten in `packages-dir`
 * while collect runs (by a compromised build dependency still running, say) cannot make the
 * action inspect one file and record or upload another.
 */
import { constants } from 'node:fs';
import { mkdir, mkdtemp, open } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DistributionError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import { fileNameProblem, joinFileName } from '../core/workspace-files.ts';

/**
 * Copies each of `paths` into a new private folder under `root` (mode 0700), opening the
 * source without following links; returns the copies' paths in the same order.
 */
export async function copyToPrivateFolder(
  root: string,
  paths: readonly string[],
): Promise<string[]> {
  await mkdir(root, { recursive: true });
  const folder = await mkdtemp(join(root, 'staging-'));
  const copies: string[] = [];
  for (const path of paths) {
    const target = joinFileName(folder, basename(path));
    if (!target) throw notAFileName(path);
    // O_NONBLOCK: a FIFO swapped in would otherwise block the open until a writer came.
    const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
    const source = await open(path, flags).catch(() => {
      throw swapped(path);
    });
    try {
      if (!(await source.stat()).isFile()) throw swapped(path);
      const sink = await open(target, 'wx', 0o400);
      await pipeline(source.createReadStream({ autoClose: false }), sink.createWriteStream());
    } finally {
      await source.close();
    }
    copies.push(target);
  }
  return copies;
}

function swapped(path: string): DistributionError {
  const name = basename(path);
  return new DistributionError(`${quote(name)} changed into a link or folder while being read.`, {
    subject: name,
    hint: 'Nothing may change packages-dir while collect runs: stop background processes from the build first.',
  });
}

/** A listed name that cannot be a file name in the copy (a guard: listed names are). */
function notAFileName(path: string): DistributionError {
  const name = basename(path);
  return new DistributionError(
    `${quote(name)} cannot be copied under its own name: ${fileNameProblem(name) ?? 'it leaves the folder'}.`,
    { subject: name, hint: 'Rename the file to a plain wheel or sdist name.' },
  );
}
