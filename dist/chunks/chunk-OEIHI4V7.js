import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  DEFAULT_ARTIFACT_PATTERN,
  clean
} from "./chunk-QWCXHCAO.js";
import {
  getInput,
  group,
  info,
  notice,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-RFMX6665.js";
import {
  InputError,
  NotImplementedError,
  describeError,
  quote
} from "./chunk-7R35VGQD.js";

// src/inputs.ts
var STEP_NAMES = [
  "prepare",
  "collect",
  "provenance",
  "release",
  "publish",
  "verify",
  "index"
];
var ARTIFACT_NAME_FORBIDDEN = /["\\/:<>|*?\r\n]/;
var ARTIFACT_NAME_MAX_LENGTH = 200;
var actionInputs = {
  get: (name) => getInput(name),
  mask: (secret) => setSecret(secret)
};
function readSettings(source = actionInputs) {
  const step = readStep(source);
  if (step === "collect") return readCollectSettings(source);
  if (step === "provenance") return readProvenanceSettings(source);
  if (step === "verify") return readVerifySettings(source);
  return { step };
}
function readProvenanceSettings(source) {
  const gpgPrivateKey = readSecret(source, "gpg-private-key");
  return {
    step: "provenance",
    from: readChoice(source, "from", ["artifacts", "folder"], "artifacts"),
    packagesDir: readNonEmpty(source, "packages-dir", "dist"),
    artifactPattern: readNonEmpty(source, "artifact-pattern", DEFAULT_ARTIFACT_PATTERN),
    provenanceName: readProvenanceName(source),
    sigstore: readChoice(source, "sigstore", ["auto", "public-good", "github"], "auto"),
    fulcioUrl: readUrl(source, "fulcio-url"),
    rekorUrl: readUrl(source, "rekor-url"),
    tsaUrl: readUrl(source, "tsa-url"),
    githubAttestation: readBoolean(source, "github-attestation", false),
    githubToken: readSecret(source, "github-token"),
    gpgPrivateKey,
    gpgPassphrase: readSecret(source, "gpg-passphrase")
  };
}
function readVerifySettings(source) {
  return {
    step: "verify",
    packagesDir: readNonEmpty(source, "packages-dir", "dist"),
    provenance: readList(source, "provenance"),
    repository: readRepository(source),
    workflow: source.get("workflow").trim() || void 0,
    ref: source.get("ref").trim() || void 0,
    trustedRoot: source.get("trusted-root").trim() || void 0,
    publicKey: source.get("public-key").trim() || void 0
  };
}
function readSecret(source, name) {
  const value = source.get(name);
  if (!value.trim()) return void 0;
  source.mask?.(value);
  for (const line of value.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.length >= 8 && !/^-----(BEGIN|END) /.test(trimmed)) source.mask?.(trimmed);
  }
  return value.trim();
}
function readChoice(source, name, choices, fallback) {
  const raw = source.get(name).trim().toLowerCase();
  if (!raw) return fallback;
  const choice = choices.find((c) => c === raw);
  if (!choice) {
    throw new InputError(`Input "${name}" has an unknown value ${quote(raw)}.`, {
      subject: name,
      hint: `Use one of: ${choices.join(", ")}.`
    });
  }
  return choice;
}
function readList(source, name) {
  return source.get(name).split(/[\n,]/).map((item) => item.trim()).filter(Boolean);
}
function readUrl(source, name) {
  const raw = source.get(name).trim();
  if (!raw) return void 0;
  let url;
  try {
    url = new URL(raw);
  } catch {
    url = void 0;
  }
  const loopback = url && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  if (!url || !(url.protocol === "https:" || url.protocol === "http:" && loopback)) {
    throw new InputError(`Input "${name}" is not an https URL: ${quote(raw)}.`, {
      subject: name,
      hint: `Give the service's base URL, e.g. https://fulcio.example.com, or leave \`${name}\` empty for the default.`
    });
  }
  return raw.replace(/\/+$/, "");
}
function readProvenanceName(source) {
  const raw = source.get("provenance-name").trim();
  if (!raw) return void 0;
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]{0,150}\.intoto\.jsonl$/.test(raw)) {
    throw new InputError(
      `Input "provenance-name" must be a plain file name ending in .intoto.jsonl, not ${quote(raw)}.`,
      {
        subject: "provenance-name",
        hint: "For example `cp311.intoto.jsonl`, or leave it empty for `<project>-<version>.intoto.jsonl`."
      }
    );
  }
  return raw;
}
function readRepository(source) {
  const raw = source.get("repository").trim();
  if (!raw) return void 0;
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(raw)) {
    throw new InputError(`Input "repository" must be owner/name, not ${quote(raw)}.`, {
      subject: "repository",
      hint: "For example `octo-org/octo-repo`."
    });
  }
  return raw;
}
function readStep(source) {
  const raw = source.get("step").trim().toLowerCase();
  if (!raw) {
    throw new InputError('Input "step" is required.', {
      subject: "step",
      hint: `Add \`with: { step: collect }\` (one of: ${STEP_NAMES.join(", ")}).`
    });
  }
  const step = STEP_NAMES.find((name) => name === raw);
  if (!step) {
    throw new InputError(`Input "step" has an unknown value ${quote(raw)}.`, {
      subject: "step",
      hint: `Use one of: ${STEP_NAMES.join(", ")}.`
    });
  }
  return step;
}
function readCollectSettings(source) {
  return {
    step: "collect",
    packagesDir: readNonEmpty(source, "packages-dir", "dist"),
    artifactName: readArtifactName(source),
    expectedVersion: readExpectedVersion(source),
    uploadArtifact: readBoolean(source, "upload-artifact", true)
  };
}
function readNonEmpty(source, name, fallback) {
  const value = source.get(name).trim();
  return value || fallback;
}
function readBoolean(source, name, fallback) {
  const raw = source.get(name).trim();
  if (!raw) return fallback;
  if (["true", "True", "TRUE"].includes(raw)) return true;
  if (["false", "False", "FALSE"].includes(raw)) return false;
  throw new InputError(`Input "${name}" must be true or false, not ${quote(raw)}.`, {
    subject: name,
    hint: `Write \`${name}: true\` or \`${name}: false\`.`
  });
}
function readArtifactName(source) {
  const raw = source.get("artifact-name").trim();
  if (!raw) return void 0;
  if (ARTIFACT_NAME_FORBIDDEN.test(raw) || raw.length > ARTIFACT_NAME_MAX_LENGTH) {
    throw new InputError(`Input "artifact-name" is not a valid artifact name: ${quote(raw)}.`, {
      subject: "artifact-name",
      hint: `Use at most ${ARTIFACT_NAME_MAX_LENGTH} characters and none of " : < > | * ? \\ / or line breaks, or leave it empty for a unique name per job.`
    });
  }
  return raw;
}
function readExpectedVersion(source) {
  const raw = source.get("expected-version").trim();
  if (!raw) return void 0;
  const version = clean(raw.replace(/^refs\/tags\//, "").replace(/^[vV]/, ""));
  if (!version) {
    throw new InputError(`Input "expected-version" is not a PEP 440 version: ${quote(raw)}.`, {
      subject: "expected-version",
      hint: "Pass the release version, e.g. `1.2.3` or the tag `v1.2.3` (a leading v is removed)."
    });
  }
  return version;
}

// src/io.ts
var actionIO = {
  info: (message) => info(message),
  warning: (message) => warning(message),
  result: (message) => notice(message),
  group: (name, fn) => group(name, fn),
  setOutput: (name, value) => setOutput(name, value),
  setSecret: (value) => setSecret(value),
  async summaryTable(heading, rows, note) {
    const [header = [], ...body] = rows;
    summary.addHeading(heading, 3).addTable([
      header.map((data) => ({ data: escapeHtml(data), header: true })),
      ...body.map((row) => row.map(escapeHtml))
    ]);
    if (note) summary.addRaw(`
${escapeHtml(note)}
`, true);
    await summary.write();
  }
};
function consoleIO(write = (line) => console.log(line)) {
  return {
    info: write,
    warning: (message) => write(`warning: ${message}`),
    result: (message) => write(`\u2714 ${message}`),
    group: async (name, fn) => {
      write(`\u2500\u2500 ${name}`);
      return fn();
    },
    setOutput: (name, value) => write(`${name}=${value}`),
    setSecret: () => void 0,
    async summaryTable(heading, rows) {
      write(heading);
      for (const row of rows) write(`  ${row.join("  ")}`);
    }
  };
}
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// src/runner-env.ts
import { tmpdir } from "node:os";
import { resolve } from "node:path";
function readRunnerEnv(env = process.env) {
  const get = (name) => env[name] ?? "";
  const optional = (name) => env[name] || void 0;
  return {
    workspace: resolve(env.GITHUB_WORKSPACE || process.cwd()),
    runnerTemp: resolve(env.RUNNER_TEMP || tmpdir()),
    repository: get("GITHUB_REPOSITORY"),
    serverUrl: env.GITHUB_SERVER_URL || "https://github.com",
    apiUrl: env.GITHUB_API_URL || "https://api.github.com",
    runId: get("GITHUB_RUN_ID"),
    runAttempt: env.GITHUB_RUN_ATTEMPT || "1",
    job: get("GITHUB_JOB"),
    sha: get("GITHUB_SHA"),
    ref: get("GITHUB_REF"),
    eventName: get("GITHUB_EVENT_NAME"),
    workflowRef: get("GITHUB_WORKFLOW_REF"),
    runtimeToken: optional("ACTIONS_RUNTIME_TOKEN"),
    resultsUrl: optional("ACTIONS_RESULTS_URL"),
    idTokenRequestUrl: optional("ACTIONS_ID_TOKEN_REQUEST_URL"),
    idTokenRequestToken: optional("ACTIONS_ID_TOKEN_REQUEST_TOKEN"),
    retryDelayMs: env.RELEASE_ACTION_RETRY_DELAY_MS ? Number(env.RELEASE_ACTION_RETRY_DELAY_MS) : void 0
  };
}

// src/main.ts
async function run() {
  try {
    const settings = readSettings();
    await runStep(settings, readRunnerEnv(), actionIO);
  } catch (error) {
    setFailed(describeError(error));
  }
}
async function runStep(settings, env, io) {
  const { createArtifactStore } = await import("./artifacts-NYOLO64T.js");
  switch (settings.step) {
    case "collect": {
      const { runCollect } = await import("./collect-KMQUCA3W.js");
      await runCollect(settings, env, { io, artifacts: createArtifactStore });
      return;
    }
    case "provenance": {
      const { runProvenance } = await import("./provenance-5YHMCZPJ.js");
      await runProvenance(settings, env, { io, artifacts: createArtifactStore });
      return;
    }
    case "verify": {
      const { runVerify } = await import("./verify-4NA3KNRW.js");
      await runVerify(settings, env, io);
      return;
    }
    default:
      throw new NotImplementedError(
        `Step "${settings.step}" is not implemented in this version of release-action.`,
        {
          subject: "step",
          hint: "Available now: collect, provenance, verify. Pin a release of the action that lists this step in its README."
        }
      );
  }
}

export {
  readSettings,
  consoleIO,
  readRunnerEnv,
  run,
  runStep
};
