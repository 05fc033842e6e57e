import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  ServiceError
} from "./chunk-W3DSJ3DT.js";

// src/github/shapes.ts
var RELEASE_FIELDS = {
  id: "count",
  tag_name: "string",
  draft: "boolean",
  prerelease: "boolean",
  immutable: "boolean?",
  html_url: "string",
  upload_url: "string"
};
var ASSET_FIELDS = {
  id: "count",
  name: "string",
  state: "string",
  size: "count",
  digest: "string|null",
  browser_download_url: "string"
};
var HINT = "Something between the runner and GitHub (a proxy, a captive portal, a wrong GITHUB_API_URL) answered instead of the GitHub API; check it, then re-run.";
function typeOf(value) {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}
function fits(value, type) {
  switch (type) {
    case "count":
      return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
    case "string|null":
      return value === null || value === void 0 || typeof value === "string";
    case "boolean?":
      return value === void 0 || typeof value === "boolean";
    default:
      return typeof value === type;
  }
}
function glimpse(value) {
  const text = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  const short = text.replace(/\s+/g, " ");
  return JSON.stringify(short.length > 80 ? `${short.slice(0, 80)}\u2026` : short);
}
function describe(value) {
  return value === null || value === void 0 ? "null" : `${typeOf(value)} ${glimpse(value)}`;
}
function check(value, fields, what, kind) {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw shapeError(what, `${describe(value)} instead of ${kind}`);
  const record = value;
  const wrong = Object.entries(fields).filter(([key, type]) => !fits(record[key], type)).map(([key, type]) => `\`${key}\` is ${describe(record[key])}, not ${type}`);
  if (wrong.length > 0) throw shapeError(what, `${kind} whose ${wrong.join(", ")}`);
  return value;
}
function shapeError(what, answered) {
  return new ServiceError(`Failed to ${what}: GitHub answered ${answered}.`, { hint: HINT });
}
function checkList(value, what, item) {
  if (!Array.isArray(value)) throw shapeError(what, `${describe(value)} instead of a list`);
  return value.map(item);
}
function checkRelease(value, what) {
  return check(value, RELEASE_FIELDS, what, "a release");
}
function checkObject(value, what) {
  return check(value, {}, what, "an object");
}
function checkAsset(value, what) {
  return check(value, ASSET_FIELDS, what, "an asset");
}

export {
  checkList,
  checkRelease,
  checkObject,
  checkAsset
};
