import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  describeFetchError
} from "./chunk-JQEQKVIT.js";
import {
  formatBytes,
  quote
} from "./chunk-QPC3R6K2.js";
import {
  ServiceError
} from "./chunk-W3DSJ3DT.js";

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
  MAX_INDEX_PAGE_BYTES,
  MAX_TOKEN_ANSWER_BYTES,
  MAX_SERVICE_ANSWER_BYTES,
  readBoundedText,
  readJsonObject,
  isObject,
  kindOf,
  optionalString
};
