import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  ChainOfCustodyError
} from "./chunk-W3DSJ3DT.js";

// src/custody/manifest.ts
var MANIFEST_MEDIA_TYPE = "application/vnd.release-action.manifest.v1+json";
var MANIFEST_FILENAME = "release-manifest.json";
var MANIFEST_MAX_BYTES = 4 * 1024 * 1024;
function serializeManifest(manifest) {
  const files = [...manifest.files].sort((a, b) => a.filename < b.filename ? -1 : 1);
  return `${JSON.stringify({ ...manifest, files }, null, 2)}
`;
}
var HEX_64 = /^[0-9a-f]{64}$/;
function parseManifest(text, source) {
  const fail = (why) => {
    throw new ChainOfCustodyError(`Manifest ${quote(source)} is not valid: ${why}.`, {
      subject: source,
      hint: "Manifests are written by `step: collect`; do not edit them. Re-run the collect job."
    });
  };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return fail("it is not JSON");
  }
  if (!isRecord(data) || data.mediaType !== MANIFEST_MEDIA_TYPE) return fail("unknown mediaType");
  for (const key of ["project", "name", "version"]) {
    if (typeof data[key] !== "string" || !data[key]) fail(`"${key}" is missing`);
  }
  if (!isRecord(data.producer)) return fail('"producer" is missing');
  if (!Array.isArray(data.files) || data.files.length === 0) return fail('"files" is empty');
  const seen = /* @__PURE__ */ new Set();
  for (const file of data.files) {
    const why = checkManifestFile(file);
    if (why) fail(why);
    const name = file.filename;
    if (seen.has(name)) fail(`${quote(name)} is listed twice`);
    seen.add(name);
  }
  return data;
}
function checkManifestFile(file) {
  if (!isRecord(file)) return "a file entry is not an object";
  const { filename, kind, size, sha256, blake2b256 } = file;
  if (typeof filename !== "string" || !filename || /[/\\]/.test(filename)) {
    return `a file entry has an invalid filename ${quote(String(filename))}`;
  }
  if (kind !== "wheel" && kind !== "sdist") return `${quote(filename)} has an unknown kind`;
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
    return `${quote(filename)} has an invalid size`;
  }
  if (typeof sha256 !== "string" || !HEX_64.test(sha256)) {
    return `${quote(filename)} has an invalid sha256`;
  }
  if (typeof blake2b256 !== "string" || !HEX_64.test(blake2b256)) {
    return `${quote(filename)} has an invalid blake2b256`;
  }
  return void 0;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function sha256sumLines(files) {
  return files.map((file) => `${file.sha256}  ${file.filename}
`).join("");
}

export {
  MANIFEST_MEDIA_TYPE,
  MANIFEST_FILENAME,
  MANIFEST_MAX_BYTES,
  serializeManifest,
  parseManifest,
  sha256sumLines
};
