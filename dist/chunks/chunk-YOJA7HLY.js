import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  EnvironmentError,
  ServiceError
} from "./chunk-JATCWPVQ.js";

// src/github/errors.ts
var CONTENTS_WRITE_HINT = `Give the job permission to write releases:

    permissions:
      contents: write`;
function statusOf(error) {
  const status = error?.status;
  return typeof status === "number" ? status : void 0;
}
function isAlreadyExists(error) {
  const errors = error?.response?.data?.errors;
  return statusOf(error) === 422 && (errors ?? []).some((e) => e.code === "already_exists");
}
function isTransient(error) {
  const status = statusOf(error);
  if (status === void 0 || status === 500) return true;
  return status === 408 || status === 429 || status >= 502;
}
function githubFailure(error, what, repository) {
  const status = statusOf(error);
  const message = quote(error?.message ?? String(error));
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
  if (status === 403 && /not accessible by integration|permission/i.test(message)) {
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
  return new ServiceError(`Failed to ${what}: ${status ?? "no answer"} ${message}`, {
    cause: error,
    ...status === void 0 ? {} : { status },
    retryable: isTransient(error),
    hint: "Re-run the job: identical files are skipped, so a re-run finishes the release."
  });
}

export {
  statusOf,
  isAlreadyExists,
  isTransient,
  githubFailure
};
