import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  mapLimit
} from "./chunk-DFNZSLOT.js";
import {
  digestFile,
  sha256Digest
} from "./chunk-3CHWS54E.js";
import {
  ChainOfCustodyError
} from "./chunk-3BWUNFBQ.js";
import {
  quote
} from "./chunk-5NX4E7IW.js";

// src/hash-pool.ts
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
var WORKER_THRESHOLD_BYTES = 32 * 1024 * 1024;
var MAX_WORKERS = 4;
function sha256Files(paths, concurrency, signal) {
  return hashFiles(paths, concurrency, false, signal);
}
function digestFiles(paths, concurrency) {
  return hashFiles(paths, concurrency, true);
}
function workerScript() {
  for (const candidate of ["./hash-worker.js", "../hash-worker.js", "./hash-worker.ts"]) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(url)) return url;
  }
  return void 0;
}
async function hashFiles(paths, concurrency, blake2b, signal) {
  signal?.throwIfAborted();
  const sizes = await mapLimit(paths, concurrency, async (path) => (await stat(path)).size);
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const threads = Math.min(availableParallelism(), MAX_WORKERS, paths.length);
  const script = threads >= 2 && total >= WORKER_THRESHOLD_BYTES ? workerScript() : void 0;
  if (!script) {
    const digests = await mapLimit(paths, concurrency, blake2b ? digestFile : sha256Digest);
    return {
      digests: new Map(paths.map((path, i) => [path, digests[i]])),
      threads: 0
    };
  }
  const queue = paths.map((path, i) => ({ path, size: sizes[i] })).sort((a, b) => b.size - a.size).map((f) => f.path);
  const results = /* @__PURE__ */ new Map();
  signal?.throwIfAborted();
  const workers = Array.from({ length: threads }, () => new Worker(script));
  const aborted = new Promise((_, reject) => {
    signal?.addEventListener(
      "abort",
      () => {
        queue.length = 0;
        reject(signal.reason);
      },
      { once: true }
    );
  });
  aborted.catch(() => void 0);
  try {
    await Promise.race([
      Promise.all(workers.map((worker) => drain(worker, queue, results, blake2b))),
      aborted
    ]);
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return {
    digests: new Map(paths.map((path) => [path, results.get(path)])),
    threads
  };
}
function drain(worker, queue, results, blake2b) {
  return new Promise((resolve, reject) => {
    let id = 0;
    let current;
    const next = () => {
      current = queue.shift();
      if (current === void 0) return resolve();
      const job = { id: ++id, path: current, blake2b };
      worker.postMessage(job);
    };
    worker.on("message", (answer) => {
      if (answer.id !== id || current === void 0) return;
      if (answer.error) {
        queue.length = 0;
        return reject(
          Object.assign(new Error(answer.error.message), {
            code: answer.error.code,
            path: current
          })
        );
      }
      results.set(current, {
        size: answer.size,
        sha256: answer.sha256,
        ...answer.blake2b256 ? { blake2b256: answer.blake2b256 } : {}
      });
      next();
    });
    worker.on("error", reject);
    worker.on("exit", (code) => {
      if (current !== void 0 && !results.has(current))
        reject(new Error(`the hashing thread stopped (exit code ${code})`));
    });
    next();
  });
}

// src/manifest.ts
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
  sha256Files,
  digestFiles,
  MANIFEST_MEDIA_TYPE,
  MANIFEST_FILENAME,
  MANIFEST_MAX_BYTES,
  serializeManifest,
  parseManifest,
  sha256sumLines
};
