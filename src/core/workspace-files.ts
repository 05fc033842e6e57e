/**
 * Finding input files safely: every path an input names must stay inside the workspace, and
 * only regular files are read (no symlinks, devices or directories posing as distributions).
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { join, resolve } from 'node:path';
import { DistributionError, InputError } from './errors.ts';
import { plainNameProblem, quote } from './text.ts';

/** More files than this in one folder is not a build output. */
export const MAX_DISTRIBUTION_FILES = 1000;

const DISTRIBUTION_SUFFIXES = ['.whl', '.tar.gz'];
/** Archives that look like distributions but that PyPI no longer takes. */
const REFUSED_SUFFIXES = ['.zip', '.tar.bz2', '.tar.xz', '.tgz', '.egg', '.exe', '.msi', '.rpm'];

/**
 * The path functions the confinement checks use: node:path of this OS by default, and
 * `path.win32` or `path.posix` in tests, so Windows rules (drive letters, `\\`, UNC paths,
 * case-insensitive names) are checked on any machine.
 */
export type PathRules = Pick<typeof nodePath, 'isAbsolute' | 'relative' | 'resolve' | 'sep'>;

/** Whether `child` is `parent` or below it (both absolute), by `paths`' rules. */
export function isInside(parent: string, child: string, paths: PathRules = nodePath): boolean {
  const rel = paths.relative(parent, child);
  // `..` alone or followed by a separator leaves the parent; a name like `..data` does not.
  const escapes = rel === '..' || rel.startsWith(`..${paths.sep}`) || rel.startsWith('../');
  return rel === '' || (!escapes && !paths.isAbsolute(rel));
}

/** The path functions a join of a name into a folder uses. */
export type JoinRules = PathRules & Pick<typeof nodePath, 'join' | 'basename'>;

/** Names Windows keeps for devices, with or without an extension (`NUL`, `con.whl`, `COM1`). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/**
 * Why `name` (of a release asset, a workflow artifact, a listed file: names that come from
 * servers) cannot be one file name inside a folder by `paths`' rules, or undefined when it can.
 * Besides `plainNameProblem`'s rules, on Windows: no `:` (a drive, or an alternate data stream
 * of another file), none of `<>"|?*`, no trailing dot or space (Windows drops them, so two
 * names would be one file) and no device name.
 */
export function fileNameProblem(name: string, paths: JoinRules = nodePath): string | undefined {
  const plain = plainNameProblem(name);
  if (plain) return plain;
  if (paths.sep === '\\') {
    if (/[:<>"|?*]/.test(name)) return 'it holds a character Windows does not allow in file names';
    if (/[. ]$/.test(name)) return 'it ends in a dot or a space, which Windows drops';
    if (WINDOWS_DEVICE.test(name)) return 'it is a device name on Windows';
  }
  return undefined;
}

/**
 * `dir` joined with the file name `name`, by `paths`' rules: undefined when `name` cannot be
 * a file name there (`fileNameProblem`) or the joined path would not be directly in `dir`.
 */
export function joinFileName(
  dir: string,
  name: string,
  paths: JoinRules = nodePath,
): string | undefined {
  if (fileNameProblem(name, paths)) return undefined;
  const path = paths.join(dir, name);
  const inside = isInside(paths.resolve(dir), paths.resolve(path), paths);
  return inside && paths.basename(path) === name ? path : undefined;
}

/**
 * A file an input names (`tag-signers`): relative to the workspace, or absolute anywhere. A
 * path is the workflow author's (or, on a laptop, the maintainer's) own choice, and the file is
 * only ever read as a public key, so an absolute one is not confined to the workspace.
 */
export function inputFilePath(
  value: string,
  workspace: string,
  paths: Pick<JoinRules, 'isAbsolute' | 'join'> = nodePath,
): string {
  return paths.isAbsolute(value) ? value : paths.join(workspace, value);
}

/** Resolves a path input against the workspace, refusing one that points outside it. */
export function workspacePath(
  input: string,
  value: string,
  workspace: string,
  paths: PathRules = nodePath,
): string {
  const path = paths.resolve(workspace, value);
  if (!isInside(paths.resolve(workspace), path, paths)) {
    throw new InputError(`Input "${input}": ${quote(value)} is outside the workspace.`, {
      subject: input,
      hint: `Set \`${input}\` to a folder inside the workspace, e.g. \`dist\`.`,
    });
  }
  return path;
}

/**
 * Resolves a folder input against the workspace and checks it exists, is a directory and
 * (after following links) is still inside the workspace.
 */
export async function resolveWorkspaceDir(
  input: string,
  value: string,
  workspace: string,
): Promise<string> {
  const dir = resolve(workspace, value);
  const fix = `Set \`${input}\` to a folder inside the workspace that holds the built files (default \`dist\`).`;
  let info;
  try {
    info = await stat(dir);
  } catch {
    throw new InputError(`Input "${input}": folder ${quote(value)} does not exist.`, {
      subject: input,
      hint: `Build the distributions first (e.g. \`python -m build\`), or ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`,
    });
  }
  if (!info.isDirectory()) {
    throw new InputError(`Input "${input}": ${quote(value)} is not a folder.`, {
      subject: input,
      hint: fix,
    });
  }
  const [realDir, realWorkspace] = await Promise.all([realpath(dir), realpath(workspace)]);
  if (!isInside(realWorkspace, realDir)) {
    throw new InputError(`Input "${input}": ${quote(value)} is outside the workspace.`, {
      subject: input,
      hint: fix,
    });
  }
  return realDir;
}

/**
 * Lists the wheels and sdists directly in `dir` (build tools write them flat). A candidate
 * that is a link or not a regular file is an error; other files are ignored.
 */
export async function listDistributionFiles(dir: string, input: string): Promise<string[]> {
  const names = (await readdir(dir)).sort();
  const found: string[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    const refused = REFUSED_SUFFIXES.find((suffix) => lower.endsWith(suffix));
    if (refused) {
      throw new DistributionError(
        `${quote(name)} is a ${refused} file; PyPI only takes wheels (.whl) and sdists (.tar.gz).`,
        {
          subject: name,
          hint: `Remove it from \`${input}\`, or build an sdist with \`python -m build --sdist\`.`,
        },
      );
    }
    if (!DISTRIBUTION_SUFFIXES.some((suffix) => lower.endsWith(suffix))) continue;
    const path = join(dir, name);
    const info = await lstat(path).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      throw new DistributionError(
        `${quote(name)} was listed in \`${input}\` and then vanished: something changed the folder while it was read.`,
        {
          subject: name,
          hint: 'Let the build finish writing the folder before this step runs, then re-run the job.',
        },
      );
    });
    if (info.isSymbolicLink() || !info.isFile()) {
      throw new DistributionError(
        `${quote(name)} is ${info.isSymbolicLink() ? 'a symbolic link' : 'not a regular file'}.`,
        {
          subject: name,
          hint: `Put the built file itself in \`${input}\`, not a link or a folder.`,
        },
      );
    }
    found.push(path);
    if (found.length > MAX_DISTRIBUTION_FILES) {
      throw new DistributionError(
        `More than ${MAX_DISTRIBUTION_FILES} distributions in one folder.`,
        {
          subject: input,
          hint: "Point `packages-dir` at the folder with this release's files only.",
        },
      );
    }
  }
  if (found.length === 0) {
    throw new DistributionError(`No wheels (.whl) or sdists (.tar.gz) found in ${quote(dir)}.`, {
      subject: input,
      hint: `Build them first (\`python -m build\`, cibuildwheel), or set \`${input}\` to the folder they are written to.`,
    });
  }
  return found;
}
