/** Turns GitHub API failures into the action's errors, with the fix for the common ones. */
import { EnvironmentError, ServiceError } from '../core/errors.ts';
import { quote } from '../core/text.ts';

export const CONTENTS_WRITE_HINT = `Give the job permission to write releases:

    permissions:
      contents: write`;

export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown })?.status;
  return typeof status === 'number' ? status : undefined;
}

export function isAlreadyExists(error: unknown): boolean {
  const errors = (error as { response?: { data?: { errors?: Array<{ code?: string }> } } })
    ?.response?.data?.errors;
  return statusOf(error) === 422 && (errors ?? []).some((e) => e.code === 'already_exists');
}

/** Network failures, timeouts and 5xx: worth another attempt. */
export function isTransient(error: unknown): boolean {
  const status = statusOf(error);
  if (status === undefined || status === 500) return true;
  return status === 408 || status === 429 || status >= 502;
}

export function githubFailure(error: unknown, what: string, repository: string): Error {
  const status = statusOf(error);
  const message = quote((error as Error)?.message ?? String(error));
  if (status === 401) {
    return new EnvironmentError(
      `GitHub rejected the token while trying to ${what} (401 Bad credentials).`,
      {
        subject: 'github-token',
        cause: error,
        hint: 'Leave `github-token` at its default (the workflow token) or pass a valid token.',
      },
    );
  }
  if (status === 403 && /not accessible by integration|permission/i.test(message)) {
    return new EnvironmentError(`The token may not ${what} in ${repository} (403: ${message}).`, {
      subject: 'permissions',
      cause: error,
      hint: CONTENTS_WRITE_HINT,
    });
  }
  if (status === 404) {
    return new EnvironmentError(`GitHub answered 404 while trying to ${what} in ${repository}.`, {
      subject: 'github-token',
      cause: error,
      hint: `Check that the token can see ${repository} and has \`contents: write\` (drafts are only listed for tokens with push access).`,
    });
  }
  return new ServiceError(`Failed to ${what}: ${status ?? 'no answer'} ${message}`, {
    cause: error,
    ...(status === undefined ? {} : { status }),
    retryable: isTransient(error),
    hint: 'Re-run the job: identical files are skipped, so a re-run finishes the release.',
  });
}
