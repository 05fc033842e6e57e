import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  isRateLimited,
  isSecondaryLimit,
  isTransient
} from "./chunk-742OCXHB.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  ActionError,
  EnvironmentError,
  ServiceError
} from "./chunk-W3DSJ3DT.js";

// src/github/errors.ts
var CONTENTS_WRITE_HINT = `Give the job permission to write releases:

    permissions:
      contents: write`;
function statusOf(error) {
  for (let e = error, depth = 0; e && depth < 3; e = e.cause, depth++) {
    const status = e.status;
    if (typeof status === "number" && e.response !== void 0)
      return status;
  }
  return void 0;
}
function answerOf(error) {
  for (let e = error, depth = 0; e && depth < 3; e = e.cause, depth++) {
    const { status, response, message } = e;
    if (typeof status === "number" && response !== void 0)
      return { status, headers: response.headers, message };
  }
  return {};
}
function isTransientFailure(error) {
  return isTransient(answerOf(error));
}
function isAlreadyExists(error) {
  for (let e = error, depth = 0; e && depth < 3; e = e.cause, depth++) {
    const errors = e?.response?.data?.errors;
    if (e.status === 422)
      return (errors ?? []).some((x) => x.code === "already_exists");
  }
  return false;
}
function githubMessage(error) {
  const data = error?.response?.data;
  const fromBody = data && typeof data === "object" ? data.message : void 0;
  const text = typeof fromBody === "string" ? fromBody : error?.message ?? String(error);
  return text.replace(/\s*-\s*https:\/\/docs\.github\.com\S*$/, "");
}
function resumeAtOf(error) {
  for (let e = error, depth = 0; e && depth < 3; e = e.cause, depth++) {
    const at = e.resumeAt;
    if (at instanceof Date) return at;
  }
  return void 0;
}
function rateLimitFailure(error, what, resumeAt = resumeAtOf(error), progress) {
  const answer = answerOf(error);
  let raw = error;
  while (raw instanceof ActionError && raw.cause !== void 0) raw = raw.cause;
  const when = resumeAt ? `${resumeAt.toISOString().replace(/\.\d+Z$/, "Z")}` : void 0;
  const limit = isSecondaryLimit(answer) ? "GitHub's secondary rate limit" : "GitHub's rate limit";
  const asked = when ? ` GitHub asks to wait until ${when} (${Math.ceil((resumeAt.getTime() - Date.now()) / 1e3)} s from now), longer than this step waits.` : "";
  const failure = new ServiceError(
    `${limit} stopped the action while trying to ${what} (${answer.status ?? 403}: ${quote(githubMessage(raw))}).${asked}${progress ? ` ${progress}.` : ""}`,
    {
      cause: error,
      hint: `Re-run the job ${when ? `after ${when}` : "once the limit resets (GitHub: wait at least a minute)"}: files already on the release are checked and skipped, none is uploaded twice. Many jobs releasing at once share one limit: fewer matrix jobs or a lower \`upload-concurrency\` spread the load.`
    }
  );
  return Object.assign(failure, { resumeAt });
}
function githubFailure(error, what, repository) {
  if (error instanceof ActionError) return error;
  const answer = answerOf(error);
  const status = answer.status;
  const message = quote(githubMessage(error));
  if (status === void 0) {
    return new ServiceError(`Failed to ${what}: GitHub did not answer (${message}).`, {
      cause: error,
      hint: "GitHub may be having trouble (https://www.githubstatus.com); re-run the job: identical files are skipped."
    });
  }
  if (status === 401) {
    return new EnvironmentError(
      `GitHub rejected the token while trying to ${what} (401 Bad credentials).`,
      {
        subject: "github-token",
        cause: error,
        hint: "Leave `github-token` at its default (the workflow token) or pass a valid token."
      }
    );
  }
  if (isRateLimited(answer)) return rateLimitFailure(error, what, resumeAtOf(error));
  if (status === 403) {
    return new EnvironmentError(`The token may not ${what} in ${repository} (403: ${message}).`, {
      subject: "permissions",
      cause: error,
      hint: CONTENTS_WRITE_HINT
    });
  }
  if (status === 404) {
    return new EnvironmentError(`GitHub answered 404 while trying to ${what} in ${repository}.`, {
      subject: "github-token",
      cause: error,
      hint: `Check that the token can see ${repository} and has \`contents: write\` (drafts are only listed for tokens with push access).`
    });
  }
  if (status < 500) {
    return new ServiceError(`GitHub refused to ${what} in ${repository}: ${status} ${message}.`, {
      cause: error,
      hint: "This is GitHub saying no, not a passing fault: check the release and the inputs, then re-run."
    });
  }
  return new ServiceError(`Failed to ${what}: ${status} ${message}`, {
    cause: error,
    hint: "GitHub kept failing (https://www.githubstatus.com); re-run the job: identical files are skipped, so a re-run finishes the release."
  });
}

export {
  statusOf,
  answerOf,
  isTransientFailure,
  isAlreadyExists,
  resumeAtOf,
  rateLimitFailure,
  githubFailure
};
