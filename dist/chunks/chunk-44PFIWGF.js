import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  parseTrustedRoots,
  toInstance
} from "./chunk-2RB73S4U.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";

// src/verify/github-cli-root.ts
import { spawn } from "node:child_process";
var GH_TRUSTED_ROOT_TIMEOUT_MS = 6e4;
var GH_VERSION_TIMEOUT_MS = 1e4;
var GH_OUTPUT_MAX_BYTES = 4 * 1024 * 1024;
var FIRST_WITH_TRUSTED_ROOT = [2, 53, 0];
var FIRST_WITHOUT_TOKEN = [2, 58, 0];
var CACHE = /* @__PURE__ */ new Map();
function githubRootFromCli(options) {
  return () => {
    const cache = options.cache ?? CACHE;
    const host = ghHost(options.serverUrl);
    let answer = cache.get(host);
    if (!answer) {
      answer = loadFromCli(host, options);
      cache.set(host, answer);
    }
    return answer;
  };
}
function ghHost(serverUrl) {
  const host = new URL(serverUrl).hostname.toLowerCase();
  return host.endsWith(".ghe.com") ? host : "github.com";
}
async function loadFromCli(host, options) {
  const command = options.command ?? "gh";
  const base = options.env ?? process.env;
  const env = {
    ...base,
    GH_HOST: host,
    GH_PROMPT_DISABLED: "1",
    GH_NO_UPDATE_NOTIFIER: "1",
    NO_COLOR: "1"
  };
  const versionOutput = await runGh(command, ["--version"], env, GH_VERSION_TIMEOUT_MS);
  const versionLine = versionOutput.split("\n")[0]?.trim() ?? "";
  const version = parseGhVersion(versionLine);
  if (version && older(version, FIRST_WITH_TRUSTED_ROOT))
    throw new Error(
      `the runner's GitHub CLI is ${quote(versionLine)}, older than gh 2.53, the first with \`gh attestation trusted-root\``
    );
  const needsToken = host !== "github.com" || version && older(version, FIRST_WITHOUT_TOKEN);
  if (needsToken && options.token) env.GH_TOKEN = options.token;
  const timeoutMs = options.timeoutMs ?? GH_TRUSTED_ROOT_TIMEOUT_MS;
  const output = await runGh(command, ["attestation", "trusted-root"], env, timeoutMs);
  const github = githubInstances(output);
  options.info(
    `GitHub's Sigstore trusted root: from the runner's GitHub CLI (${versionLine || "gh, version unknown"}), \`gh attestation trusted-root\` for ${host}`
  );
  return github;
}
function githubInstances(output) {
  let instances;
  try {
    instances = parseTrustedRoots(output).map(toInstance);
  } catch (error) {
    throw new Error(
      `\`gh attestation trusted-root\` printed something that is not Sigstore trusted roots (${error.message}): ${quote(excerpt(output))}`,
      { cause: error }
    );
  }
  const github = instances.filter((instance) => instance.kind === "github");
  if (github.length === 0)
    throw new Error(
      `\`gh attestation trusted-root\` printed ${instances.length} trusted root(s), none of them GitHub's instance (${instances.map((i) => i.label).join(", ")})`
    );
  return github;
}
function parseGhVersion(line) {
  const match = /^gh version (\d+)\.(\d+)\.(\d+)/.exec(line);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : void 0;
}
function older(version, than) {
  for (let i = 0; i < 3; i++) if (version[i] !== than[i]) return version[i] < than[i];
  return false;
}
function runGh(command, args, env, timeoutMs) {
  const what = `\`gh ${args.join(" ")}\``;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env,
      stdio: ["ignore", "pipe", "pipe"],
      windowsHide: true
    });
    const stdout = [];
    const stderr = [];
    let size = 0;
    let settled = false;
    const finish = (error, text = "") => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        child.kill("SIGKILL");
        child.stdout.destroy();
        child.stderr.destroy();
        reject(error);
      } else resolve(text);
    };
    const timer = setTimeout(
      () => finish(new Error(`${what} did not finish within ${timeoutMs / 1e3} s`)),
      timeoutMs
    );
    child.stdout.on("data", (chunk) => {
      size += chunk.length;
      if (size > GH_OUTPUT_MAX_BYTES)
        finish(new Error(`${what} printed more than ${GH_OUTPUT_MAX_BYTES} bytes`));
      else stdout.push(chunk);
    });
    child.stderr.on("data", (chunk) => {
      if (stderr.reduce((n, b) => n + b.length, 0) < 64 * 1024) stderr.push(chunk);
    });
    child.on(
      "error",
      (error) => finish(
        new Error(
          error.code === "ENOENT" ? "the runner has no GitHub CLI (`gh` is not on PATH)" : `${what} could not be run: ${error.message}`
        )
      )
    );
    child.on("close", (code, signal) => {
      if (code === 0) return finish(void 0, Buffer.concat(stdout).toString("utf8"));
      const said = excerpt(Buffer.concat(stderr).toString("utf8"));
      finish(
        new Error(
          `${what} failed (${signal ? `killed by ${signal}` : `exit ${code}`})${said ? `: ${said}` : ""}`
        )
      );
    });
  });
}
function excerpt(text) {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const tail = lines.slice(-3).join(" / ");
  return tail.length > 300 ? `${tail.slice(0, 300)}\u2026` : tail;
}

export {
  GH_TRUSTED_ROOT_TIMEOUT_MS,
  GH_VERSION_TIMEOUT_MS,
  GH_OUTPUT_MAX_BYTES,
  githubRootFromCli,
  ghHost,
  githubInstances,
  parseGhVersion
};
