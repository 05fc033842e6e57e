import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  mapLimit
} from "./chunk-35R7A2X5.js";
import {
  digestFile,
  sha256Digest
} from "./chunk-43E5VB6N.js";

// src/digests/hash-pool.ts
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
var WORKER_THRESHOLD_BYTES = 32 * 1024 * 1024;
var MAX_WORKERS = 4;
function sha256Files(paths, concurrency) {
  return hashFiles(paths, concurrency, false);
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
async function hashFiles(paths, concurrency, blake2b) {
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
  const workers = Array.from({ length: threads }, () => new Worker(script));
  try {
    await Promise.all(workers.map((worker) => drain(worker, queue, results, blake2b)));
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

export {
  sha256Files,
  digestFiles
};
