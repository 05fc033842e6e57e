#!/usr/bin/env node
import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  installProxy,
  runStep
} from "./chunks/chunk-UWOHQR63.js";
import {
  cellText,
  consoleIO
} from "./chunks/chunk-6N7IW525.js";
import {
  ACTION_INPUTS,
  STEP_NAMES,
  inputNamesOfStep,
  nearestName,
  readSettings
} from "./chunks/chunk-QCTR3FJ2.js";
import "./chunks/chunk-AFO7ECMN.js";
import "./chunks/chunk-MNULP7LO.js";
import "./chunks/chunk-DD5KWBM2.js";
import "./chunks/chunk-GWEJQHBX.js";
import {
  readRunnerEnv
} from "./chunks/chunk-5PYYBJ6L.js";
import "./chunks/chunk-UPFIIRK2.js";
import "./chunks/chunk-742OCXHB.js";
import {
  quote
} from "./chunks/chunk-QPC3R6K2.js";
import {
  InputError,
  describeError
} from "./chunks/chunk-W3DSJ3DT.js";
import "./chunks/chunk-OHTIYD5V.js";

// src/cli.ts
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// src/config/step-inputs.ts
function inputsOfStep(step) {
  const read = inputNamesOfStep(step);
  return ACTION_INPUTS.filter((input) => read.has(input.name));
}
function stepsReading(name, steps) {
  return steps.filter((step) => inputsOfStep(step).some((input) => input.name === name));
}
function wrap(text, width, indent) {
  const lines = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.join(`
${indent}`);
}
function shownDefault(input) {
  if (input.default.includes("${{")) return "GITHUB_TOKEN from the environment";
  return input.default === "" ? "" : input.default;
}
function stepHelp(step, summary, extras = []) {
  const indent = "      ";
  const entry = (option, text) => `  ${option}
${indent}${wrap(text, 88, indent)}`;
  const inputs = inputsOfStep(step).map((input) => {
    const fallback = shownDefault(input);
    return entry(
      `--${input.name}`,
      `${input.description}${fallback ? ` (default: ${fallback})` : ""}`
    );
  });
  return [
    `Usage: release-action ${step} [--<input> <value>]...`,
    "",
    summary,
    "",
    "Inputs (as in action.yml; descriptions name the steps each applies to):",
    ...inputs,
    ...extras.length > 0 ? ["", "Command-line options:"] : [],
    ...extras.map(([option, text]) => entry(option, text)),
    ""
  ].join("\n");
}

// src/config/command-line.ts
var UsageError = class extends InputError {
};
var ALIASES = { asc: "public-key" };
var FLAGS = { verify: ["json"] };
function parseStep(raw) {
  const step = STEP_NAMES.find((name) => name === raw);
  if (step) return step;
  const nearest = nearestName(raw ?? "", STEP_NAMES);
  throw new UsageError(`Unknown step ${quote(raw ?? "")}.`, {
    subject: "step",
    hint: `${nearest ? `Did you mean \`${nearest}\`? ` : ""}Steps: ${STEP_NAMES.join(", ")}; \`release-action --help\` explains them.`
  });
}
function parseCommandLine(args) {
  const step = parseStep(args[0]);
  const rest = args.slice(1);
  const line = { step, values: /* @__PURE__ */ new Map(), help: false, json: false };
  if (rest.includes("--help") || rest.includes("-h")) return { ...line, help: true };
  const known = inputsOfStep(step).map((input) => input.name);
  const flags = FLAGS[step] ?? [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? "";
    if (!arg.startsWith("--") || arg === "--") {
      throw new UsageError(`Unexpected argument ${quote(arg)}.`, {
        hint: "Write inputs as --name value (or --name=value)."
      });
    }
    const eq = arg.indexOf("=");
    const given = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const name = ALIASES[given] ?? given;
    if (flags.includes(name)) {
      if (eq > 0) throw new UsageError(`Option --${name} takes no value.`, { subject: name });
      line.json = true;
      continue;
    }
    checkOption(step, name, given, known, flags);
    const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
    if (value === void 0 || eq < 0 && value.startsWith("--")) {
      throw new UsageError(`Option --${given} needs a value.`, {
        subject: name,
        hint: `Write --${given} <value>, or --${given}=<value> for a value starting with --.`
      });
    }
    if (line.values.has(name)) {
      throw new UsageError(`Option --${given} is given twice.`, {
        subject: name,
        hint: "Give it once; list inputs take comma-separated values."
      });
    }
    line.values.set(name, value);
  }
  return line;
}
function checkOption(step, name, given, known, flags) {
  if (known.includes(name)) return;
  const elsewhere = stepsReading(name, STEP_NAMES);
  if (elsewhere.length > 0) {
    throw new UsageError(`Option --${given} is not an input of ${step}.`, {
      subject: name,
      hint: `It is read by ${elsewhere.join(", ")}; \`release-action ${step} --help\` lists the inputs of ${step}.`
    });
  }
  const nearest = nearestName(name, [...known, ...flags, ...Object.keys(ALIASES)]);
  throw new UsageError(`Unknown option --${given} for ${step}.`, {
    subject: name,
    hint: `${nearest ? `Did you mean --${nearest}? ` : ""}\`release-action ${step} --help\` lists its inputs.`
  });
}
function commandLineInputs(line, env) {
  const fallback = { "github-token": env.GITHUB_TOKEN };
  return {
    get: (name) => name === "step" ? line.step : line.values.get(name) ?? fallback[name] ?? ""
  };
}

// src/cli.ts
var SUMMARIES = {
  prepare: "resolve the tag, check the checkout is its commit, give SOURCE_DATE_EPOCH",
  collect: "check the wheels and sdists in a folder, record their digests in a manifest",
  provenance: "sign the recorded digests into SLSA provenance with Sigstore (needs a runner's OIDC token)",
  release: "upload to the tag's draft GitHub release (needs GITHUB_TOKEN, GITHUB_REPOSITORY)",
  publish: "upload to PyPI with trusted publishing (in a GitHub job) or --password",
  verify: "check files against provenance bundles (and .asc signatures against a public key)",
  index: "write a PEP 503 simple index of the project's GitHub releases",
  sign: "on the maintainer's machine: verify the draft and add .asc signatures with local gpg"
};
var SIGN_HELP = `Usage: release-action sign --tag <tag> [--repository <owner/name>] [--local-user <key>]
                         [--trusted-root <file>] [--workflow <file>]

On the maintainer's machine: downloads the assets of the tag's draft release, verifies every
distribution against the provenance (signature, this repository's workflow and ids, built from
the tag's current commit) and refuses if anything fails; then signs each distribution and the
provenance with your local gpg (its agent, so pinentry and smartcards work) and uploads the
<file>.asc signatures to the draft. A <file>.asc already on the draft is checked first against
the signing key's public key: a file it verifies is not signed again (a re-run asks for no
passphrase or smartcard touch), and one by another key or that does not verify is refused
before anything is signed. A published immutable release is refused.

  --tag           the release tag, e.g. v1.2.3 (required)
  --repository    owner/name (default: GITHUB_REPOSITORY)
  --local-user    the gpg key to sign with (default: gpg's default key)
  --trusted-root  a Sigstore trusted root JSON (private Sigstore instances)
  --workflow      also require provenance signed by this workflow, e.g. release.yml

Needs GITHUB_TOKEN with write access to the repository's releases (drafts are private), e.g.
  GITHUB_TOKEN=$(gh auth token) release-action sign --repository octo-org/octo-repo --tag v1.2.3

Environment:
  GITHUB_API_URL     the GitHub API to use (default: https://api.github.com); GitHub Enterprise
                     Server: https://HOSTNAME/api/v3, with GITHUB_SERVER_URL=https://HOSTNAME
  GITHUB_SERVER_URL  the server whose workflow must have signed (default: https://github.com)
The repository and owner ids the provenance's certificates must carry are asked from
GITHUB_API_URL (or taken from GITHUB_REPOSITORY_ID and GITHUB_REPOSITORY_OWNER_ID when both are
set for the same repository); sign has no --repository-id.
Consumers check the signatures with: release-action verify --asc maintainer.asc, or gpg --verify.
`;
var HELP = `release-action: release Python projects with a signed chain of custody.

Usage: release-action <step> [--<input> <value>]...
       release-action <step> --help     (that step's inputs, descriptions and defaults)
       release-action demo              (from a clone of the repository)

Steps (inputs as in action.yml):
${Object.entries(SUMMARIES).map(([step, text]) => `  ${step.padEnd(10)}  ${text}`).join("\n")}

Examples:
  release-action collect --packages-dir dist --upload-artifact false
  release-action collect --packages-dir dist --expected-version v1.2.3 --upload-artifact false
  release-action verify --packages-dir downloads --repository octo-org/octo-repo
  release-action verify --packages-dir downloads --repository octo-org/octo-repo \\
      --workflow release.yml --ref refs/tags/v1.2.3 --asc maintainer.asc --json
  GITHUB_TOKEN=... GITHUB_REPOSITORY=octo-org/octo-repo release-action index --index-dir site

verify --json prints one JSON object per file on stdout (file, sha256, verified, detail);
everything else goes to stderr.

Exit codes: 0 the step succeeded; 1 it failed (a bad input value, a file that failed
verification, a service error); 2 the command line was wrong (unknown step or option, an
option without its value).
`;
var VERIFY_OPTIONS = [
  ["--json", "print one JSON object per file on stdout: {file, sha256, verified, detail}."],
  ["--asc <key>", "the same as --public-key."]
];
function runDemo() {
  const script = join(dirname(fileURLToPath(import.meta.url)), "..", "scripts", "demo.ts");
  if (!existsSync(script)) {
    process.stderr.write(
      "error: the demo runs from a clone of the repository: `npm ci && npm run demo`.\n"
    );
    return 1;
  }
  return spawnSync(process.execPath, [script], { stdio: "inherit" }).status ?? 1;
}
function jsonVerdicts() {
  const human = consoleIO((line) => process.stderr.write(`${line}
`));
  let rows = [];
  let verified = /* @__PURE__ */ new Set();
  return {
    io: {
      ...human,
      setOutput: (name, value) => {
        if (name === "verified") verified = new Set(JSON.parse(value));
      },
      async summaryTable(heading, table) {
        rows = table.slice(1).map((row) => row.map(cellText));
        await human.summaryTable(heading, table);
      }
    },
    print() {
      for (const [file = "", sha256 = "", detail = ""] of rows) {
        const verdict = { file, sha256, verified: verified.has(file), detail };
        process.stdout.write(`${JSON.stringify(verdict)}
`);
      }
    }
  };
}
async function main(args) {
  if (args.length === 0 || args[0] === "--help" || args[0] === "-h" || args[0] === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  if (args[0] === "demo") return runDemo();
  if (args[0] === "sign" && (args.includes("--help") || args.includes("-h"))) {
    process.stdout.write(SIGN_HELP);
    return 0;
  }
  let json;
  try {
    const line = parseCommandLine(args);
    if (line.help) {
      const extras = line.step === "verify" ? VERIFY_OPTIONS : [];
      process.stdout.write(stepHelp(line.step, `${line.step}: ${SUMMARIES[line.step]}.`, extras));
      return 0;
    }
    const settings = readSettings(commandLineInputs(line, process.env));
    json = line.json ? jsonVerdicts() : void 0;
    const io = json?.io ?? consoleIO();
    const proxy = installProxy();
    if (proxy) io.info(proxy);
    await runStep(settings, readRunnerEnv(), io);
    return 0;
  } catch (error) {
    process.stderr.write(`error: ${describeError(error)}
`);
    return error instanceof UsageError ? 2 : 1;
  } finally {
    json?.print();
  }
}
process.exitCode = await main(process.argv.slice(2));
