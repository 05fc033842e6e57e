import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);

// src/errors.ts
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

// src/text.ts
var MAX_QUOTED_LENGTH = 300;
function quote(value) {
  const shortened = value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}\u2026` : value;
  return JSON.stringify(shortened).replace(
    // JSON.stringify leaves U+2028/2029, DEL, C1 controls and bidi controls as they are.
    /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
function formatBytes(bytes) {
  if (bytes < 1e3) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = -1;
  while (value >= 1e3 && unit < units.length - 1) {
    value /= 1e3;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

export {
  InputError,
  EnvironmentError,
  DistributionError,
  ChainOfCustodyError,
  ServiceError,
  describeError,
  quote,
  formatBytes
};
