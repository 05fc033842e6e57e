import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);

// src/config/artifact-name.ts
import { createHash } from "node:crypto";
var ARTIFACT_NAME_PREFIX = "release-dists-";
var DEFAULT_ARTIFACT_PATTERN = `${ARTIFACT_NAME_PREFIX}*`;
function jobBackendId(runtimeToken) {
  return runtimeIds(runtimeToken)?.job;
}
function runtimeIds(runtimeToken) {
  const payload = runtimeToken?.split(".")[1];
  if (!payload) return void 0;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    if (typeof claims.scp !== "string") return void 0;
    for (const scope of claims.scp.split(" ")) {
      const parts = scope.split(":");
      if (parts[0] === "Actions.Results" && parts.length === 3 && parts[1] && parts[2]) {
        return { run: parts[1], job: parts[2] };
      }
    }
  } catch {
    return void 0;
  }
  return void 0;
}
function defaultArtifactName(env, filenames) {
  const source = jobBackendId(env.runtimeToken) ?? [env.runId, env.runAttempt, env.job, ...[...filenames].sort()].join("\n");
  const digest = createHash("sha256").update(source).digest("hex").slice(0, 12);
  const job = env.job.replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 60) || "job";
  return `${ARTIFACT_NAME_PREFIX}${job}-${digest}`;
}
function jobNameDigest(jobBackendId2) {
  return createHash("sha256").update(jobBackendId2).digest("hex").slice(0, 12);
}

export {
  ARTIFACT_NAME_PREFIX,
  DEFAULT_ARTIFACT_PATTERN,
  jobBackendId,
  runtimeIds,
  defaultArtifactName,
  jobNameDigest
};
