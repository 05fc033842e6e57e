import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  sha256File
} from "./chunk-43E5VB6N.js";

// src/custody/verify-files.ts
import { basename } from "node:path";
async function matchFilesToSubjects(paths, bundles, known = /* @__PURE__ */ new Map()) {
  const verdicts = [];
  for (const path of paths) {
    const filename = basename(path);
    const sha256 = known.get(path) ?? await sha256File(path);
    verdicts.push({ path, filename, sha256, ...judge(filename, sha256, bundles) });
  }
  return verdicts;
}
function judge(filename, sha256, bundles) {
  const named = [];
  for (const bundle of bundles) {
    for (const subject of bundle.statement.subject) {
      if (subject.name !== filename) continue;
      if (subject.digest?.sha256 === sha256) return { coveredBy: bundle.source };
      named.push(`${basename(bundle.source)} records sha256 ${subject.digest?.sha256 ?? "(none)"}`);
    }
  }
  if (named.length > 0)
    return { problem: `sha256 ${sha256} differs from the signed digest: ${named.join("; ")}` };
  return { problem: "no verified provenance lists this file" };
}

export {
  matchFilesToSubjects
};
