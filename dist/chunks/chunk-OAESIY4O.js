import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  EnvironmentError
} from "./chunk-W3DSJ3DT.js";

// src/github/git-head.ts
import { readFile, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
var SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
async function gitDir(workspace) {
  const dotGit = join(workspace, ".git");
  const info = await stat(dotGit).catch(() => void 0);
  if (info?.isDirectory()) return dotGit;
  if (info?.isFile()) {
    const pointer = /^gitdir:\s*(.+)$/m.exec(await readFile(dotGit, "utf8"));
    if (pointer?.[1]) return resolve(workspace, pointer[1].trim());
  }
  throw new EnvironmentError("The workspace has no git checkout (.git is missing).", {
    subject: "checkout",
    hint: "Check out the tag first: `- uses: actions/checkout@v5` with `ref: ${{ inputs.tag }}` for a backfill."
  });
}
async function readHeadCommit(workspace) {
  const dir = await gitDir(workspace);
  const head = (await readFile(join(dir, "HEAD"), "utf8")).trim();
  if (SHA.test(head)) return head;
  const ref = /^ref:\s*(\S+)$/.exec(head)?.[1];
  if (!ref || ref.includes(".."))
    throw new EnvironmentError(
      `.git/HEAD is not understood: ${JSON.stringify(head.slice(0, 80))}.`,
      { hint: "Use actions/checkout." }
    );
  const loose = await readFile(join(dir, ref), "utf8").catch(() => void 0);
  if (loose && SHA.test(loose.trim())) return loose.trim();
  const packed = await readFile(join(dir, "packed-refs"), "utf8").catch(() => "");
  for (const line of packed.split("\n")) {
    const [sha, name] = line.trim().split(" ");
    if (name === ref && sha && SHA.test(sha)) return sha;
  }
  throw new EnvironmentError(`The checked-out branch ${ref} has no commit.`, {
    hint: "Use actions/checkout with the tag as `ref`."
  });
}

export {
  readHeadCommit
};
