import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);

// src/http/retry.ts
var DEFAULT_RETRY_POLICY = {
  retries: 4,
  baseDelayMs: 1e3,
  maxDelayMs: 6e4,
  secondMs: 1e3,
  timeoutMs: 3e4,
  totalMs: 10 * 6e4,
  longestWaitMs: 10 * 6e4
};
function retryPolicyFor(retryDelayMs, timeoutMs) {
  const policy = { ...DEFAULT_RETRY_POLICY };
  if (timeoutMs !== void 0 && Number.isFinite(timeoutMs)) policy.timeoutMs = timeoutMs;
  if (retryDelayMs === void 0 || !Number.isFinite(retryDelayMs)) return policy;
  return {
    ...policy,
    baseDelayMs: retryDelayMs,
    maxDelayMs: retryDelayMs * 8,
    secondMs: retryDelayMs,
    totalMs: Math.max(retryDelayMs * 200, policy.timeoutMs * (policy.retries + 1)),
    // Scaled like a second the service asks for, so a stand-in with a faster clock draws the
    // line where GitHub's real clock would.
    longestWaitMs: policy.longestWaitMs / 1e3 * retryDelayMs
  };
}
function retryLine(what, retry, policy, delayMs) {
  const wait = delayMs < 1e3 ? `${Math.round(delayMs)} ms` : `${Math.round(delayMs / 100) / 10} s`;
  return `${what}; attempt ${retry + 1} of ${policy.retries + 1} in ${wait}.`;
}
var realSleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
function header(answer, name) {
  const { headers } = answer;
  if (!headers) return void 0;
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return value === void 0 || value === null ? void 0 : String(value);
}
function isRateLimited(answer) {
  if (answer.status === 429) return true;
  if (answer.status !== 403) return false;
  return header(answer, "x-ratelimit-remaining") === "0" || header(answer, "retry-after") !== void 0 || /\bsecondary rate\b/i.test(answer.message ?? "");
}
function isTransient(answer) {
  const { status } = answer;
  if (status === void 0) return true;
  if (status === 408 || isRateLimited(answer)) return true;
  return status >= 500 && status !== 501;
}
function isSecondaryLimit(answer) {
  return answer.status === 403 && /\bsecondary rate\b/i.test(answer.message ?? "");
}
function statedWait(answer, policy) {
  const retryAfter = header(answer, "retry-after");
  if (retryAfter !== void 0) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * policy.secondMs;
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now()) / 1e3 * policy.secondMs;
  }
  const reset = Number(header(answer, "x-ratelimit-reset"));
  if (header(answer, "x-ratelimit-remaining") === "0" && Number.isFinite(reset))
    return Math.max(1, reset - Date.now() / 1e3) * policy.secondMs;
  if (isRateLimited(answer) && /\bsecondary rate\b/i.test(answer.message ?? ""))
    return SECONDARY_LIMIT_WAIT_SECONDS * policy.secondMs;
  return void 0;
}
var SECONDARY_LIMIT_WAIT_SECONDS = 60;
function retryDelay(policy, retry, startedAt, answer) {
  if (retry > policy.retries || !isTransient(answer)) return void 0;
  const backoff = Math.min(policy.baseDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
  const stated = statedWait(answer, policy);
  const delay = stated ?? (isSecondaryLimit(answer) ? Math.max(60 * policy.secondMs, backoff) : backoff);
  if (delay > policy.longestWaitMs) return void 0;
  if (Date.now() - startedAt + delay > policy.totalMs) return void 0;
  return delay;
}
function resumeAt(answer, policy) {
  if (!isRateLimited(answer)) return void 0;
  const wait = statedWait(answer, policy);
  return wait === void 0 ? void 0 : new Date(Date.now() + wait);
}

export {
  DEFAULT_RETRY_POLICY,
  retryPolicyFor,
  retryLine,
  realSleep,
  isRateLimited,
  isTransient,
  isSecondaryLimit,
  retryDelay,
  resumeAt
};
