import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  require_dist as require_dist2
} from "./chunk-KPI7MNMU.js";
import {
  require_dist
} from "./chunk-J2I7U6DC.js";
import {
  sha256File
} from "./chunk-YKX6PGQK.js";
import {
  InputError,
  ServiceError,
  quote
} from "./chunk-HRHCSYZH.js";
import {
  __toESM
} from "./chunk-OHTIYD5V.js";

// src/verify/files.ts
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

// src/verify/trust.ts
var import_protobuf_specs = __toESM(require_dist(), 1);
var import_verify = __toESM(require_dist2(), 1);
import { readFile } from "node:fs/promises";
async function loadTrustMaterial(trustedRootPath, cacheDir) {
  if (!trustedRootPath) return (0, import_verify.toTrustMaterial)(await publicGoodRoot(cacheDir));
  let root;
  try {
    root = import_protobuf_specs.TrustedRoot.fromJSON(JSON.parse(await readFile(trustedRootPath, "utf8")));
  } catch (error) {
    throw new InputError(
      `Input "trusted-root": ${quote(trustedRootPath)} is not a Sigstore trusted root JSON file.`,
      {
        subject: "trusted-root",
        cause: error,
        hint: "Pass the trusted_root.json of your Sigstore instance, or leave it empty for the public-good root."
      }
    );
  }
  return (0, import_verify.toTrustMaterial)(root);
}
async function publicGoodRoot(cacheDir) {
  try {
    const { getTrustedRoot } = (await import("./dist-KLVG7HXK.js")).default;
    return await getTrustedRoot({ cachePath: cacheDir });
  } catch (error) {
    throw new ServiceError(
      `Failed to fetch Sigstore's public-good trusted root through TUF: ${error.message}`,
      {
        cause: error,
        retryable: true,
        hint: "Check network access to https://tuf-repo-cdn.sigstore.dev, or pass `trusted-root` with a local copy."
      }
    );
  }
}

export {
  matchFilesToSubjects,
  loadTrustMaterial
};
