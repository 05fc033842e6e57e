/**
 * Turns every failure of a GitHub call (Octokit's RequestError, a fetch answer, no answer at
 * all) into the action's typed error with the fix. The GitHub clients call this at the
 * adapter: no caller translates, and no GitHub failure reaches a user as "Unexpected error".
 */
import { ActionError, EnvironmentError, ServiceError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import { isRateLimited, isSecondaryLimit, isTransient, type Answer } from '../http/retry.ts';

export const CONTENTS_WRITE_HINT = `Give the job permission to write releases:

    permissions:
      contents: write`;

/** The HTTP status behind an error, looking through a translated error to its cause. */
export function statusOf(error: unknown): number | undefined {
  for (let e = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const status = (e as { status?: unknown }).status;
    if (typeof status === 'number' && (e as { response?: unknown }).response !== undefined)
      return status;
  }
  return undefined;
}

/** The answer a failed call got, for the retry policy; `status` undefined when none came. */
export function answerOf(error: unknown): Answer {
  for (let e = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const { status, response, message } = e as {
      status?: unknown;
      response?: { headers?: Answer['headers'] };
      message?: string;
    };
    if (typeof status === 'number' && response !== undefined)
      return { status, headers: response.headers, message };
  }
  return {};
}

/** A network failure, timeout, 5xx or rate limit: another attempt may succeed. */
export function isTransientFailure(error: unknown): boolean {
  return isTransient(answerOf(error));
}

/** GitHub's 422 for a name (asset, tag) that is taken. */
export function isAlreadyExists(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const errors = (e as { response?: { data?: { errors?: Array<{ code?: string }> } } })?.response
      ?.data?.errors;
    if ((e as { status?: unknown }).status === 422)
      return (errors ?? []).some((x) => x.code === 'already_exists');
  }
  return false;
}

/** GitHub's own message for a failed call (Octokit appends the docs URL; dropped). */
function githubMessage(error: unknown): string {
  const data = (error as { response?: { data?: unknown } })?.response?.data;
  const fromBody =
    data && typeof data === 'object' ? (data as { message?: unknown }).message : undefined;
  const text =
    typeof fromBody === 'string' ? fromBody : ((error as Error)?.message ?? String(error));
  return text.replace(/\s*-\s*https:\/\/docs\.github\.com\S*$/, '');
}

/** The time a rate-limited call may be tried again, as noted on the error (or its cause). */
export function resumeAtOf(error: unknown): Date | undefined {
  for (let e = error, depth = 0; e && depth < 3; e = (e as { cause?: unknown }).cause, depth++) {
    const at = (e as { resumeAt?: unknown }).resumeAt;
    if (at instanceof Date) return at;
  }
  return undefined;
}

/**
 * The action's error when GitHub's rate limit stopped `what`: says when a re-run gets through
 * (`resumeAt`, from GitHub's `retry-after` or reset time) and that a re-run repeats nothing.
 * `progress` says how far the step got ("312 of 600 files are on the release").
 */
export function rateLimitFailure(
  error: unknown,
  what: string,
  resumeAt: Date | undefined = resumeAtOf(error),
  progress?: string,
): ServiceError {
  const answer = answerOf(error);
  // GitHub's own words are on the first error in the chain that carries its answer.
  let raw = error;
  while (raw instanceof ActionError && raw.cause !== undefined) raw = raw.cause;
  const when = resumeAt ? `${resumeAt.toISOString().replace(/\.\d+Z$/, 'Z')}` : undefined;
  const limit = isSecondaryLimit(answer) ? "GitHub's secondary rate limit" : "GitHub's rate limit";
  const asked = when
    ? ` GitHub asks to wait until ${when} (${Math.ceil((resumeAt!.getTime() - Date.now()) / 1000)} s from now), longer than this step waits.`
    : '';
  const failure = new ServiceError(
    `${limit} stopped the action while trying to ${what} (${answer.status ?? 403}: ${quote(githubMessage(raw))}).${asked}${progress ? ` ${progress}.` : ''}`,
    {
      cause: error,
      hint: `Re-run the job ${when ? `after ${when}` : 'once the limit resets (GitHub: wait at least a minute)'}: files already on the release are checked and skipped, none is uploaded twice. Many jobs releasing at once share one limit: fewer matrix jobs or a lower \`upload-concurrency\` spread the load.`,
    },
  );
  // Kept on the error, so a caller adding its progress keeps the time too.
  return Object.assign(failure, { resumeAt });
}

/**
 * The action's error for a failed GitHub call: `what` says what was attempted ("list
 * releases"), `repository` where. An error already translated passes through unchanged.
 */
export function githubFailure(error: unknown, what: string, repository: string): ActionError {
  if (error instanceof ActionError) return error;
  const answer = answerOf(error);
  const status = answer.status;
  const message = quote(githubMessage(error));
  if (status === undefined) {
    return new ServiceError(`Failed to ${what}: GitHub did not answer (${message}).`, {
      cause: error,
      hint: 'GitHub may be having trouble (https://www.githubstatus.com); re-run the job: identical files are skipped.',
    });
  }
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
  if (isRateLimited(answer)) return rateLimitFailure(error, what, resumeAtOf(error));
  if (status === 403) {
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
  if (status < 500) {
    return new ServiceError(`GitHub refused to ${what} in ${repository}: ${status} ${message}.`, {
      cause: error,
      hint: 'This is GitHub saying no, not a passing fault: check the release and the inputs, then re-run.',
    });
  }
  return new ServiceError(`Failed to ${what}: ${status} ${message}`, {
    cause: error,
    hint: 'GitHub kept failing (https://www.githubstatus.com); re-run the job: identical files are skipped, so a re-run finishes the release.',
  });
}
