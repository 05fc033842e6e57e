import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);

// src/core/text.ts
var MAX_QUOTED_LENGTH = 300;
function quote(value) {
  const shortened = value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}\u2026` : value;
  return JSON.stringify(shortened).replace(
    // JSON.stringify leaves U+2028/2029, DEL, C1 controls and bidi controls as they are.
    /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  );
}
var CONTROL_OR_BIDI = (
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/
);
function plainNameProblem(name) {
  if (!name) return "it is empty";
  if (name === "." || name === "..") return `${quote(name)} names a folder, not a file`;
  if (/[/\\]/.test(name)) return "it holds a path separator";
  if (CONTROL_OR_BIDI.test(name)) return "it holds a control or bidirectional-text character";
  return void 0;
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
  quote,
  plainNameProblem,
  formatBytes
};
