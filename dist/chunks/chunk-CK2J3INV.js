import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  plainNameProblem,
  quote
} from "./chunk-QPC3R6K2.js";
import {
  DistributionError,
  InputError
} from "./chunk-W3DSJ3DT.js";

// src/core/workspace-files.ts
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import * as nodePath from "node:path";
import { join, resolve } from "node:path";
var MAX_DISTRIBUTION_FILES = 1e3;
var DISTRIBUTION_SUFFIXES = [".whl", ".tar.gz"];
var REFUSED_SUFFIXES = [".zip", ".tar.bz2", ".tar.xz", ".tgz", ".egg", ".exe", ".msi", ".rpm"];
function isInside(parent, child, paths = nodePath) {
  const rel = paths.relative(parent, child);
  const escapes = rel === ".." || rel.startsWith(`..${paths.sep}`) || rel.startsWith("../");
  return rel === "" || !escapes && !paths.isAbsolute(rel);
}
var WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
function fileNameProblem(name, paths = nodePath) {
  const plain = plainNameProblem(name);
  if (plain) return plain;
  if (paths.sep === "\\") {
    if (/[:<>"|?*]/.test(name)) return "it holds a character Windows does not allow in file names";
    if (/[. ]$/.test(name)) return "it ends in a dot or a space, which Windows drops";
    if (WINDOWS_DEVICE.test(name)) return "it is a device name on Windows";
  }
  return void 0;
}
function joinFileName(dir, name, paths = nodePath) {
  if (fileNameProblem(name, paths)) return void 0;
  const path = paths.join(dir, name);
  const inside = isInside(paths.resolve(dir), paths.resolve(path), paths);
  return inside && paths.basename(path) === name ? path : void 0;
}
function inputFilePath(value, workspace, paths = nodePath) {
  return paths.isAbsolute(value) ? value : paths.join(workspace, value);
}
function workspacePath(input, value, workspace, paths = nodePath) {
  const path = paths.resolve(workspace, value);
  if (!isInside(paths.resolve(workspace), path, paths)) {
    throw new InputError(`Input "${input}": ${quote(value)} is outside the workspace.`, {
      subject: input,
      hint: `Set \`${input}\` to a folder inside the workspace, e.g. \`dist\`.`
    });
  }
  return path;
}
async function resolveWorkspaceDir(input, value, workspace) {
  const dir = resolve(workspace, value);
  const fix = `Set \`${input}\` to a folder inside the workspace that holds the built files (default \`dist\`).`;
  let info;
  try {
    info = await stat(dir);
  } catch {
    throw new InputError(`Input "${input}": folder ${quote(value)} does not exist.`, {
      subject: input,
      hint: `Build the distributions first (e.g. \`python -m build\`), or ${fix.charAt(0).toLowerCase()}${fix.slice(1)}`
    });
  }
  if (!info.isDirectory()) {
    throw new InputError(`Input "${input}": ${quote(value)} is not a folder.`, {
      subject: input,
      hint: fix
    });
  }
  const [realDir, realWorkspace] = await Promise.all([realpath(dir), realpath(workspace)]);
  if (!isInside(realWorkspace, realDir)) {
    throw new InputError(`Input "${input}": ${quote(value)} is outside the workspace.`, {
      subject: input,
      hint: fix
    });
  }
  return realDir;
}
async function listDistributionFiles(dir, input) {
  const names = (await readdir(dir)).sort();
  const found = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    const refused = REFUSED_SUFFIXES.find((suffix) => lower.endsWith(suffix));
    if (refused) {
      throw new DistributionError(
        `${quote(name)} is a ${refused} file; PyPI only takes wheels (.whl) and sdists (.tar.gz).`,
        {
          subject: name,
          hint: `Remove it from \`${input}\`, or build an sdist with \`python -m build --sdist\`.`
        }
      );
    }
    if (!DISTRIBUTION_SUFFIXES.some((suffix) => lower.endsWith(suffix))) continue;
    const path = join(dir, name);
    const info = await lstat(path).catch((error) => {
      if (error.code !== "ENOENT") throw error;
      throw new DistributionError(
        `${quote(name)} was listed in \`${input}\` and then vanished: something changed the folder while it was read.`,
        {
          subject: name,
          hint: "Let the build finish writing the folder before this step runs, then re-run the job."
        }
      );
    });
    if (info.isSymbolicLink() || !info.isFile()) {
      throw new DistributionError(
        `${quote(name)} is ${info.isSymbolicLink() ? "a symbolic link" : "not a regular file"}.`,
        {
          subject: name,
          hint: `Put the built file itself in \`${input}\`, not a link or a folder.`
        }
      );
    }
    found.push(path);
    if (found.length > MAX_DISTRIBUTION_FILES) {
      throw new DistributionError(
        `More than ${MAX_DISTRIBUTION_FILES} distributions in one folder.`,
        {
          subject: input,
          hint: "Point `packages-dir` at the folder with this release's files only."
        }
      );
    }
  }
  if (found.length === 0) {
    throw new DistributionError(`No wheels (.whl) or sdists (.tar.gz) found in ${quote(dir)}.`, {
      subject: input,
      hint: `Build them first (\`python -m build\`, cibuildwheel), or set \`${input}\` to the folder they are written to.`
    });
  }
  return found;
}

export {
  fileNameProblem,
  joinFileName,
  inputFilePath,
  workspacePath,
  resolveWorkspaceDir,
  listDistributionFiles
};
