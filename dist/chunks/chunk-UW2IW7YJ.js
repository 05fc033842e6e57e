import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  require_dist as require_dist2
} from "./chunk-5WLAUJRA.js";
import {
  require_dist
} from "./chunk-J2I7U6DC.js";
import {
  InputError,
  ServiceError
} from "./chunk-JATCWPVQ.js";
import {
  quote
} from "./chunk-2VKNWI6A.js";
import {
  __toESM
} from "./chunk-OHTIYD5V.js";

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
    const { getTrustedRoot } = (await import("./dist-XWSCKFBS.js")).default;
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
  loadTrustMaterial
};
