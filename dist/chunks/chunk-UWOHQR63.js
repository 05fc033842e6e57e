import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  actionIO
} from "./chunk-6N7IW525.js";
import {
  readSettings
} from "./chunk-QCTR3FJ2.js";
import {
  DEFAULT_SIGNING_TIMING
} from "./chunk-MNULP7LO.js";
import {
  require_http
} from "./chunk-DD5KWBM2.js";
import {
  error,
  info
} from "./chunk-GWEJQHBX.js";
import {
  readRunnerEnv
} from "./chunk-5PYYBJ6L.js";
import {
  realSleep,
  retryPolicyFor
} from "./chunk-742OCXHB.js";
import {
  ActionError,
  EnvironmentError,
  InputError,
  describeError
} from "./chunk-W3DSJ3DT.js";
import {
  __toESM
} from "./chunk-OHTIYD5V.js";

// src/http/proxy.ts
var http = __toESM(require_http(), 1);
function readProxySettings(env = process.env) {
  const pick = (name) => (env[name] ?? env[name.toUpperCase()] ?? "").trim() || void 0;
  return {
    httpsProxy: withScheme(pick("https_proxy")),
    httpProxy: withScheme(pick("http_proxy")),
    noProxy: (pick("no_proxy") ?? "").split(/[\s,]+/).map((entry) => entry.trim().toLowerCase()).filter(Boolean)
  };
}
function withScheme(value) {
  if (!value) return void 0;
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  try {
    new URL(url);
  } catch {
    throw new EnvironmentError(
      `The proxy variable holds ${JSON.stringify(redact(url))}, which is not a URL.`,
      {
        subject: "https_proxy",
        hint: "Set https_proxy/http_proxy to the proxy URL, e.g. http://proxy.corp.example:3128."
      }
    );
  }
  return url;
}
var LOOPBACK = ["localhost", "127.0.0.1", "127.0.0.0-127.255.255.255", "::1", "[::1]"];
function nodeNoProxy(settings) {
  const entries = new Set(LOOPBACK);
  for (const entry of settings.noProxy) {
    if (entry === "*") return "*";
    const bare = entry.replace(/^\*?\./, "");
    entries.add(bare);
    if (!/:\d+$/.test(bare)) entries.add(`.${bare}`);
  }
  return [...entries].join(",");
}
function redact(proxy) {
  try {
    const url = new URL(proxy);
    if (url.username || url.password) {
      url.username = "***";
      url.password = "";
    }
    return url.href.replace(/\/$/, "");
  } catch {
    return "(unparseable)";
  }
}
function installProxy(env = process.env) {
  const settings = readProxySettings(env);
  if (!settings.httpsProxy && !settings.httpProxy) return void 0;
  const proxyEnv = { NO_PROXY: nodeNoProxy(settings) };
  if (settings.httpsProxy) proxyEnv.HTTPS_PROXY = settings.httpsProxy;
  if (settings.httpProxy) proxyEnv.HTTP_PROXY = settings.httpProxy;
  const setGlobal = http.setGlobalProxyFromEnv;
  if (typeof setGlobal !== "function") {
    if (env.NODE_USE_ENV_PROXY === "1") return describe(settings, "NODE_USE_ENV_PROXY");
    throw new EnvironmentError(
      `A proxy is set (${redact(settings.httpsProxy ?? settings.httpProxy ?? "")}) but Node ${process.version} cannot route every request through it.`,
      {
        subject: "https_proxy",
        hint: "Use a runner whose node24 is 24.14 or newer, or set NODE_USE_ENV_PROXY=1 in the job environment."
      }
    );
  }
  setGlobal(proxyEnv);
  return describe(settings, "proxy");
}
function describe(settings, how) {
  const parts = [
    settings.httpsProxy ? `https through ${redact(settings.httpsProxy)}` : "https direct",
    settings.httpProxy ? `http through ${redact(settings.httpProxy)}` : "http direct"
  ];
  const bypass = settings.noProxy.length > 0 ? settings.noProxy.join(",") : "none";
  return `Proxy (${how}): ${parts.join(", ")}; no_proxy: ${bypass}; loopback direct.`;
}

// src/main.ts
var GITHUB_REQUEST_TIMEOUT_MS = 12e4;
async function run() {
  try {
    const proxy = installProxy();
    if (proxy) info(proxy);
    const settings = readSettings();
    await runStep(settings, readRunnerEnv(), actionIO);
  } catch (error2) {
    const subject = error2 instanceof ActionError ? error2.subject : void 0;
    error(describeError(error2), subject ? { title: `release-action: ${subject}` } : {});
    process.exitCode = 1;
  }
}
async function runStep(settings, env, io) {
  const policy = {
    ...retryPolicyFor(env.retryDelayMs, env.timeoutMs),
    warn: (line) => io.warning(line)
  };
  const signing = {
    ...DEFAULT_SIGNING_TIMING,
    ...env.retryDelayMs === void 0 ? {} : { minRetryDelayMs: env.retryDelayMs },
    ...env.timeoutMs === void 0 ? {} : { timeoutMs: env.timeoutMs }
  };
  const github = {
    token: "githubToken" in settings ? settings.githubToken : void 0,
    apiUrl: env.apiUrl,
    ...env.githubUploadUrl ? { uploadUrl: env.githubUploadUrl } : {},
    repository: env.repository,
    policy: { ...policy, timeoutMs: env.timeoutMs ?? GITHUB_REQUEST_TIMEOUT_MS },
    sleep: realSleep,
    log: (message) => io.info(message),
    // Each retry is one warning line: the reason and what comes next.
    warn: (message) => io.warning(message)
  };
  const releases = async () => (await import("./releases-client-7MVAIGZP.js")).createReleaseClient(github);
  const gitData = async (repository) => (await import("./git-data-3X2YO45H.js")).createGitData({ ...github, repository });
  const artifacts = async () => (await import("./artifacts-2HPT2FRQ.js")).createArtifactStore(env, policy);
  switch (settings.step) {
    case "collect": {
      const { runCollect } = await import("./collect-7D7B5RDZ.js");
      await runCollect(settings, env, { io, artifacts });
      return;
    }
    case "provenance": {
      const { runProvenance } = await import("./provenance-ZCDKAFXI.js");
      await runProvenance(settings, env, {
        io,
        artifacts,
        policy,
        signing,
        git: await gitData(env.repository)
      });
      return;
    }
    case "release": {
      const { runRelease } = await import("./release-SNXRQSVM.js");
      await runRelease(settings, env, {
        io,
        releases: await releases(),
        policy: github.policy,
        sleep: realSleep
      });
      return;
    }
    case "publish": {
      const { runPublish } = await import("./publish-6YMJTFZM.js");
      await runPublish(settings, env, {
        io,
        artifacts,
        releases,
        policy,
        signing,
        sleep: realSleep,
        git: await gitData(env.repository)
      });
      return;
    }
    case "prepare": {
      const [{ runPrepare }, { createTagClient }] = await Promise.all([
        import("./prepare-WQZEPZ4J.js"),
        import("./tags-6274G7AB.js")
      ]);
      await runPrepare(settings, env, {
        io,
        tags: createTagClient(github),
        git: await gitData(env.repository),
        releases: await releases(),
        policy
      });
      return;
    }
    case "sign": {
      if (process.env.GITHUB_ACTIONS === "true")
        throw new InputError("`sign` runs on the maintainer\u2019s machine, not in a workflow.", {
          subject: "step",
          hint: "Run `release-action sign --tag <tag>` locally; in CI use `gpg-private-key` on `step: provenance`."
        });
      const [{ runSign }, { createReleaseClient }] = await Promise.all([
        import("./sign-QD2MM7OU.js"),
        import("./releases-client-7MVAIGZP.js")
      ]);
      await runSign(settings, env, {
        io,
        releases: (token, repository) => createReleaseClient({ ...github, token, repository }),
        git: await gitData(settings.repository ?? env.repository)
      });
      return;
    }
    case "verify": {
      const { runVerify } = await import("./verify-MMHTJDBN.js");
      await runVerify(settings, env, {
        io,
        git: await gitData(settings.repository ?? env.repository)
      });
      return;
    }
    case "index": {
      const { runIndex } = await import("./steps-O3ULRO6Q.js");
      await runIndex(settings, env, { io, releases: await releases() });
      return;
    }
  }
}

export {
  installProxy,
  run,
  runStep
};
