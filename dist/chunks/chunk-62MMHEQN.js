import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  isRateLimited,
  isTransient
} from "./chunk-U7ZCQZAV.js";
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
  if (isRateLimited(answer)) {
    return new ServiceError(
      `GitHub's rate limit stopped the action while trying to ${what} (${status}: ${message}).`,
      {
        cause: error,
        hint: "Re-run the job once the limit resets; uploads already finished are skipped. Many jobs releasing at once share one limit: fewer matrix jobs or `upload-concurrency` spread the load."
      }
    );
  }
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
  githubFailure
};
