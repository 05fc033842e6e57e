import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);

// src/core/errors.ts
var ActionError = class extends Error {
  hint;
  subject;
  constructor(message, options = {}) {
    super(message, options.cause === void 0 ? void 0 : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
    this.subject = options.subject;
  }
};
var InputError = class extends ActionError {
};
var EnvironmentError = class extends ActionError {
};
var DistributionError = class extends ActionError {
};
var ChainOfCustodyError = class extends ActionError {
};
var ServiceError = class extends ActionError {
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
  ActionError,
  InputError,
  EnvironmentError,
  DistributionError,
  ChainOfCustodyError,
  ServiceError,
  describeError
};
