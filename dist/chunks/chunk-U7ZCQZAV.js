import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);

// src/http/retry.ts
var DEFAULT_RETRY_POLICY = {
  retries: 4,
  baseDelayMs: 1e3,
  maxDelayMs: 6e4,
  secondMs: 1e3,
  timeoutMs: 3e4,
  totalMs: 10 * 6e4
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
    totalMs: Math.max(retryDelayMs * 200, policy.timeoutMs * (policy.retries + 1))
  };
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
  return void 0;
}
function retryDelay(policy, retry, startedAt, answer) {
  if (retry > policy.retries || !isTransient(answer)) return void 0;
  const delay = statedWait(answer, policy) ?? Math.min(policy.baseDelayMs * 2 ** (retry - 1), policy.maxDelayMs);
  if (Date.now() - startedAt + delay > policy.totalMs) return void 0;
  return delay;
}

export {
  DEFAULT_RETRY_POLICY,
  retryPolicyFor,
  realSleep,
  isRateLimited,
  isTransient,
  retryDelay
};
