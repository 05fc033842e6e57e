import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  MAX_TOKEN_ANSWER_BYTES,
  fetchWithRetry,
  kindOf,
  readJsonObject
} from "./chunk-3MYLBHU6.js";
import {
  EnvironmentError,
  ServiceError
} from "./chunk-W3DSJ3DT.js";

// src/github/oidc.ts
import { readFileSync } from "node:fs";
function idTokenPermissionHint(others = []) {
  const lines = ["id-token: write", ...others].map((line) => `      ${line}`).join("\n");
  return `Give the job permission to request an OIDC token:

    permissions:
${lines}

(Pull requests from forks never get OIDC tokens.)`;
}
function requireIdTokenPermission(env, why, others = ["contents: read"]) {
  if (env.idTokenRequestUrl && env.idTokenRequestToken) return;
  if (isForkPullRequest(env)) {
    throw new EnvironmentError(
      `This step needs an OIDC token to ${why}, but this run is for a pull request from a fork: GitHub never gives those an OIDC token, whatever the permissions.`,
      {
        subject: "permissions",
        hint: "Run signing, releasing and publishing only on tag pushes or in the base repository (e.g. `if: github.event_name == 'push'`); pull requests from forks can build and `collect` only."
      }
    );
  }
  throw new EnvironmentError(
    `This step needs an OIDC token to ${why}, but the job has no \`id-token: write\` permission (ACTIONS_ID_TOKEN_REQUEST_URL is not set).`,
    { subject: "permissions", hint: idTokenPermissionHint(others) }
  );
}
function isForkPullRequest(env) {
  if (env.eventName !== "pull_request" || !env.eventPath) return false;
  try {
    const event = JSON.parse(readFileSync(env.eventPath, "utf8"));
    return event.pull_request?.head?.repo?.fork === true;
  } catch {
    return false;
  }
}
async function fetchIdToken(env, audience, mask, policy) {
  requireIdTokenPermission(env, `prove this workflow's identity to ${audience}`, []);
  const url = new URL(env.idTokenRequestUrl);
  url.searchParams.set("audience", audience);
  const response = await fetchWithRetry(
    url.toString(),
    () => ({
      headers: { authorization: `Bearer ${env.idTokenRequestToken}`, accept: "application/json" }
    }),
    `get an OIDC token (audience ${audience})`,
    policy
  );
  const hint = `The runner's token service refused; re-run the job. If it persists, check the job's permissions. ${idTokenPermissionHint()}`;
  if (!response.ok) {
    await response.body?.cancel().catch(() => void 0);
    throw new ServiceError(
      `Failed to get an OIDC token (audience ${audience}): ${response.status} ${response.statusText}`,
      { hint }
    );
  }
  const answer = await readJsonObject(response, {
    service: "The runner's OIDC token service",
    // The request URL is the runner's; its query is not needed to tell which service it is.
    url: `${url.origin}${url.pathname}`,
    maxBytes: MAX_TOKEN_ANSWER_BYTES,
    hint,
    secret: true
  });
  const { value } = answer.body;
  if (typeof value !== "string" || !value)
    throw answer.wrong(
      value === "" ? '"value" is empty' : `"value" is ${kindOf(value)}, not a string`
    );
  mask(value);
  return value;
}
function decodeClaims(token) {
  const notAToken = () => new ServiceError("The OIDC token the runner's token service gave is not a JWT.", {
    hint: `Re-run the job; if it persists, check ACTIONS_ID_TOKEN_REQUEST_URL (it must be the runner's own token service). ${idTokenPermissionHint()}`
  });
  const payload = token.split(".")[1];
  if (!payload) throw notAToken();
  let claims;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    throw notAToken();
  }
  if (typeof claims !== "object" || claims === null || Array.isArray(claims)) throw notAToken();
  return claims;
}

export {
  requireIdTokenPermission,
  fetchIdToken,
  decodeClaims
};
