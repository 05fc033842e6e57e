import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  ServiceError
} from "./chunk-JATCWPVQ.js";

// src/http/fetch.ts
var DEFAULT_RETRY_POLICY = {
  retries: 4,
  baseDelayMs: 1e3,
  maxDelayMs: 6e4,
  timeoutMs: 3e4
};
function retryPolicyFor(retryDelayMs, timeoutMs) {
  const policy = { ...DEFAULT_RETRY_POLICY };
  if (timeoutMs !== void 0 && Number.isFinite(timeoutMs)) policy.timeoutMs = timeoutMs;
  if (retryDelayMs === void 0 || !Number.isFinite(retryDelayMs)) return policy;
  return { ...policy, baseDelayMs: retryDelayMs, maxDelayMs: retryDelayMs * 8 };
}
var RETRYABLE_STATUS = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);
function isRetryableStatus(status) {
  return RETRYABLE_STATUS.has(status) || status >= 500 && status !== 501;
}
var realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function backoffDelay(attempt, policy, retryAfter) {
  const seconds = retryAfter ? Number(retryAfter) : NaN;
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1e3, policy.maxDelayMs);
  if (retryAfter) {
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.min(Math.max(0, date - Date.now()), policy.maxDelayMs);
  }
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}
async function fetchWithRetry(url, init, what, policy = DEFAULT_RETRY_POLICY, sleep = realSleep) {
  for (let attempt = 0; ; attempt++) {
    let response;
    let failure;
    try {
      response = await fetch(url, { ...init(), signal: AbortSignal.timeout(policy.timeoutMs) });
    } catch (error) {
      failure = error;
    }
    const retryable = response === void 0 || isRetryableStatus(response.status);
    if (!retryable || attempt >= policy.retries) {
      if (response) return response;
      throw new ServiceError(`Failed to ${what}: ${describeFetchError(failure)}`, {
        cause: failure,
        retryable: true,
        hint: `The service did not answer after ${policy.retries + 1} attempts; re-run the job.`
      });
    }
    const delay = backoffDelay(attempt + 1, policy, response?.headers.get("retry-after"));
    await response?.body?.cancel().catch(() => void 0);
    await sleep(delay);
  }
}
function describeFetchError(error) {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return "timed out";
    const cause = error.cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}

export {
  retryPolicyFor,
  isRetryableStatus,
  backoffDelay,
  fetchWithRetry
};
