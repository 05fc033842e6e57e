import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);

// src/core/errors.ts
var ActionError = class extends Error {
  code = "ACTION_ERROR";
  hint;
  subject;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.subject = options.subject;
  }
  /** Whether repeating the same operation may succeed (network faults, throttling). */
  static isRetryable(error) {
    return error instanceof ServiceError && error.retryable;
  }
};
var InputError = class extends ActionError {
  code = "INPUT_INVALID";
};
var EnvironmentError = class extends ActionError {
  code = "ENVIRONMENT";
};
var DistributionError = class extends ActionError {
  code = "DISTRIBUTION_INVALID";
};
var ChainOfCustodyError = class extends ActionError {
  code = "CHAIN_OF_CUSTODY";
};
var ServiceError = class extends ActionError {
  code = "SERVICE";
  retryable;
  status;
  constructor(message, options) {
    super(message, options);
    this.retryable = options.retryable ?? false;
    this.status = options.status;
  }
};
function describeError(error) {
  if (error instanceof ActionError) {
    return error.hint ? `${error.message}
Fix: ${error.hint}` : error.message;
  }
  if (error instanceof Error) return `Unexpected error: ${error.message}`;
  return `Unexpected error: ${String(error)}`;
}

export {
  InputError,
  EnvironmentError,
  DistributionError,
  ChainOfCustodyError,
  ServiceError,
  describeError
};
