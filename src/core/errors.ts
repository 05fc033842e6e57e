/**
 * Named errors with a hint for the user. `main.ts` is the only place that turns one into a
 * failed step; everything else throws.
 */

export interface ActionErrorOptions {
  /** What the user can do about it; printed after the message. */
  hint?: string;
  /** The file or input the error is about: `main.ts` titles the failure's annotation with it. */
  subject?: string;
  cause?: unknown;
}

export class ActionError extends Error {
  readonly hint: string | undefined;
  readonly subject: string | undefined;

  constructor(message: string, options: ActionErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.subject = options.subject;
  }
}

/** An action input is missing, malformed or contradicts another input. */
export class InputError extends ActionError {}

/** The runner environment lacks something the step needs (permissions, variables). */
export class EnvironmentError extends ActionError {}

/** A wheel or sdist is malformed, hostile, or inconsistent with the others. */
export class DistributionError extends ActionError {}

/** A file's bytes differ from the digest recorded for it earlier in the chain of custody. */
export class ChainOfCustodyError extends ActionError {}

/** A remote service (artifacts, GitHub, Sigstore, an index) failed or refused. */
export class ServiceError extends ActionError {}

/** Renders any thrown value as the one message a user sees. */
export function describeError(error: unknown): string {
  if (error instanceof ActionError) {
    return error.hint ? `${error.message}\nFix: ${error.hint}` : error.message;
  }
  if (error instanceof Error) return `Unexpected error: ${error.message}`;
  return `Unexpected error: ${String(error)}`;
}
