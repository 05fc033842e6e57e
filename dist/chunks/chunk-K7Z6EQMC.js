import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  DEFAULT_RETRY_POLICY,
  realSleep,
  retryDelay
} from "./chunk-U7ZCQZAV.js";
import {
  ServiceError
} from "./chunk-W3DSJ3DT.js";

// src/http/fetch.ts
async function fetchWithRetry(url, init, what, policy = DEFAULT_RETRY_POLICY, sleep = realSleep) {
  const startedAt = Date.now();
  for (let retry = 1; ; retry++) {
    let response;
    let failure;
    try {
      response = await fetch(url, { ...init(), signal: AbortSignal.timeout(policy.timeoutMs) });
    } catch (error) {
      failure = error;
    }
    const answer = { status: response?.status, headers: response?.headers };
    const delay = retryDelay(policy, retry, startedAt, answer);
    if (delay === void 0) {
      if (response) return response;
      throw new ServiceError(`Failed to ${what}: no answer (${describeFetchError(failure)}).`, {
        cause: failure,
        hint: `The service did not answer after ${retry} attempt(s); check its status page, then re-run the job.`
      });
    }
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
  fetchWithRetry,
  describeFetchError
};
