import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  DEFAULT_RETRY_POLICY,
  realSleep,
  retryDelay,
  retryLine
} from "./chunk-742OCXHB.js";
import {
  formatBytes,
  quote
} from "./chunk-QPC3R6K2.js";
import {
  ServiceError
} from "./chunk-W3DSJ3DT.js";

// src/http/transfer.ts
var MIN_BYTES_PER_SECOND = 256 * 1024;
var PROGRESS_INTERVAL_MS = 5e3;
var PROGRESS_MIN_BYTES = 32 * 1024 * 1024;
var TransferBroken = class extends ServiceError {
};
function transferBoundMs(bytes, baseMs) {
  return baseMs + Math.ceil(bytes / MIN_BYTES_PER_SECOND * 1e3);
}
function boundBody(body, bounds, abort) {
  const limit = Math.min(bounds.expectedBytes ?? bounds.maxBytes, bounds.maxBytes);
  const totalMs = transferBoundMs(limit, bounds.baseMs);
  const startedAt = Date.now();
  const report = progressReporter(bounds.what, limit, bounds.progress, startedAt);
  let received = 0;
  let controller;
  const fail = (error) => {
    clearTimeout(idle);
    clearTimeout(overall);
    controller?.error(error);
    abort(error);
  };
  const timeout = (detail) => timeoutError(bounds.what, detail);
  let idle = setTimeout(
    () => fail(timeout(`no data for ${seconds(bounds.idleMs)}`)),
    bounds.idleMs
  );
  const overall = setTimeout(
    () => fail(timeout(`not finished within ${seconds(totalMs)} for ${formatBytes(limit)}`)),
    totalMs
  );
  return body.pipeThrough(
    new TransformStream({
      start(c) {
        controller = c;
      },
      transform(chunk, c) {
        received += chunk.byteLength;
        if (received > limit) return fail(tooLarge(bounds, limit));
        clearTimeout(idle);
        idle = setTimeout(
          () => fail(timeout(`no data for ${seconds(bounds.idleMs)}`)),
          bounds.idleMs
        );
        report(received);
        c.enqueue(chunk);
      },
      flush() {
        clearTimeout(idle);
        clearTimeout(overall);
        if (bounds.expectedBytes !== void 0 && received !== bounds.expectedBytes)
          throw new TransferBroken(
            `Failed to ${bounds.what}: the answer ended after ${received} bytes, but ${bounds.expectedBytes} were listed.`,
            { hint: "The transfer was cut short; re-run the job." }
          );
      }
    })
  );
}
function timeoutError(what, detail) {
  return new TransferBroken(`Failed to ${what}: timed out (${detail}).`, {
    hint: "The link or the service is too slow; re-run the job (finished files are skipped)."
  });
}
function timedOut(what, ms) {
  return timeoutError(what, `not finished within ${seconds(ms)}`);
}
function tooLarge(bounds, limit) {
  const listed = bounds.expectedBytes !== void 0 && bounds.expectedBytes <= bounds.maxBytes;
  return new ServiceError(
    listed ? `Failed to ${bounds.what}: the service sent more than the ${limit} bytes it lists; the download was stopped.` : `Failed to ${bounds.what}: the answer is larger than ${formatBytes(limit)}, the most the action accepts; the download was stopped.`,
    {
      hint: "The service answered something other than the listed file; check the release, then re-run."
    }
  );
}
function progressReporter(what, total, progress, startedAt = Date.now()) {
  let lastAt = startedAt;
  let lastTenth = 0;
  return (done) => {
    if (!progress || total < PROGRESS_MIN_BYTES) return;
    const now = Date.now();
    const tenth = Math.floor(done / total * 10);
    if (tenth === lastTenth && now - lastAt < PROGRESS_INTERVAL_MS) return;
    lastAt = now;
    lastTenth = tenth;
    const rate = done / Math.max(1e-3, (now - startedAt) / 1e3);
    progress(
      `${what}: ${Math.floor(done / total * 100)}% (${formatBytes(done)} of ${formatBytes(total)}, ${formatBytes(rate)}/s)`
    );
  };
}
var seconds = (ms) => `${Math.round(ms / 100) / 10} s`;

// src/http/fetch.ts
async function fetchWithRetry(url, init, what, policy = DEFAULT_RETRY_POLICY, sleep = realSleep, bounds) {
  const startedAt = Date.now();
  for (let retry = 1; ; retry++) {
    let response;
    let failure;
    const request = await init();
    try {
      response = bounds ? await fetchBounded(url, request, policy.timeoutMs, bounds) : await fetch(url, { ...request, signal: AbortSignal.timeout(policy.timeoutMs) });
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
    policy.warn?.(
      retryLine(`Could not ${what}: ${answerText(url, response, failure)}`, retry, policy, delay)
    );
    await sleep(delay);
  }
}
async function fetchBounded(url, init, timeoutMs, bounds) {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException("no answer in time", "TimeoutError")),
    timeoutMs
  );
  try {
    const response = await fetch(url, { ...init, signal: controller.signal });
    if (!response.ok || !response.body) return response;
    const body = boundBody(response.body, bounds, (reason) => controller.abort(reason));
    return new Response(body, { status: response.status, headers: response.headers });
  } finally {
    clearTimeout(timer);
  }
}
function answerText(url, response, failure) {
  if (!response) return `no answer (${describeFetchError(failure)})`;
  const reason = response.statusText ? ` ${quote(response.statusText)}` : "";
  return `${new URL(url).host} answered ${response.status}${reason}`;
}
function describeFetchError(error) {
  if (error instanceof Error) {
    if (error.name === "TimeoutError") return "timed out";
    const cause = error.cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}

// src/http/answer.ts
var MAX_INDEX_PAGE_BYTES = 64 * 1024 * 1024;
var MAX_TOKEN_ANSWER_BYTES = 1024 * 1024;
var MAX_SERVICE_ANSWER_BYTES = 16 * 1024 * 1024;
var EXCERPT_CHARS = 200;
async function readCapped(response, maxBytes) {
  if (!response.body) return { bytes: Buffer.alloc(0), truncated: false };
  const chunks = [];
  let size = 0;
  const reader = response.body.getReader();
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) return { bytes: Buffer.concat(chunks), truncated: false };
    if (size + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - size));
      await reader.cancel().catch(() => void 0);
      return { bytes: Buffer.concat(chunks), truncated: true };
    }
    size += value.byteLength;
    chunks.push(value);
  }
}
async function readBoundedText(response, source) {
  const read = await readCapped(response, source.maxBytes).catch((error) => {
    throw new ServiceError(
      `${source.service} at ${source.url} did not send its whole answer (${describeFetchError(error)}).`,
      { cause: error, hint: source.hint }
    );
  });
  if (read.truncated)
    throw new ServiceError(
      `${source.service} at ${source.url} answered more than ${formatBytes(source.maxBytes)}, the most the action reads from it; the rest was not read.`,
      { hint: source.hint }
    );
  return read.bytes.toString("utf8");
}
async function readJsonObject(response, source) {
  const text = await readBoundedText(response, source);
  const refuse = (detail) => new ServiceError(
    `${source.service} at ${source.url} answered ${detail}: ${excerpt(text, source)}.`,
    { hint: source.hint }
  );
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw refuse(text.trim() ? "something that is not JSON" : "an empty body instead of JSON");
  }
  if (!isObject(body)) throw refuse(`${kindOf(body)} where a JSON object belongs`);
  return { body, wrong: (detail) => refuse(`JSON of the wrong shape (${detail})`) };
}
function excerpt(text, source) {
  if (source.secret && !/^\s*</.test(text))
    return `${formatBytes(Buffer.byteLength(text))}, not shown (it may hold a credential)`;
  return quote(text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}\u2026` : text);
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function kindOf(value) {
  if (value === null) return "null";
  if (value === void 0) return "missing";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "boolean") return String(value);
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
function optionalString(answer, value, where) {
  if (value === void 0 || value === null) return void 0;
  if (typeof value === "string") return value;
  throw answer.wrong(`${where} is ${kindOf(value)}, not a string`);
}

export {
  TransferBroken,
  transferBoundMs,
  boundBody,
  timedOut,
  progressReporter,
  seconds,
  fetchWithRetry,
  describeFetchError,
  MAX_INDEX_PAGE_BYTES,
  MAX_TOKEN_ANSWER_BYTES,
  MAX_SERVICE_ANSWER_BYTES,
  readCapped,
  readBoundedText,
  readJsonObject,
  isObject,
  kindOf,
  optionalString
};
