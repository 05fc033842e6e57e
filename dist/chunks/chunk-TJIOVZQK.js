import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  getInput,
  setSecret
} from "./chunk-DXZHM2GX.js";
import {
  clean
} from "./chunk-JCMT7PSU.js";
import {
  DEFAULT_ARTIFACT_PATTERN
} from "./chunk-UPFIIRK2.js";
import {
  InputError
} from "./chunk-JATCWPVQ.js";
import {
  quote
} from "./chunk-2VKNWI6A.js";

// src/config/inputs.ts
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
var MAX_UPLOAD_CONCURRENCY = 16;
var actionInputs = {
  get: (name) => getInput(name),
  mask: (secret) => setSecret(secret)
};
function readSettings(source = actionInputs) {
  const step = readStep(source);
  if (step === "collect") return readCollectSettings(source);
  if (step === "provenance") return readProvenanceSettings(source);
  if (step === "verify") return readVerifySettings(source);
  if (step === "release") return readReleaseSettings(source);
  if (step === "publish") return readPublishSettings(source);
  if (step === "prepare") return readPrepareSettings(source);
  return {
    step: "index",
    indexDir: readNonEmpty(source, "index-dir", "simple"),
    githubToken: readSecret(source, "github-token")
  };
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
    gpgPassphrase: readSecret(source, "gpg-passphrase"),
    tag: readTag(source)
  };
}
function readReleaseSettings(source) {
  const body = source.get("body").trim() || void 0;
  const bodyPath = source.get("body-path").trim() || void 0;
  if (body && bodyPath) {
    throw new InputError('Inputs "body" and "body-path" cannot both be set.', {
      subject: "body-path",
      hint: "Give the release notes either inline (`body`) or as a file (`body-path`)."
    });
  }
  const makeLatest = source.get("make-latest").trim() ? readChoice(source, "make-latest", ["true", "false", "legacy"], "legacy") : void 0;
  return {
    step: "release",
    tag: readTag(source),
    packagesDir: readNonEmpty(source, "packages-dir", "dist"),
    githubToken: readSecret(source, "github-token"),
    releaseName: source.get("release-name").trim() || void 0,
    body,
    bodyPath,
    generateReleaseNotes: readBoolean(source, "generate-release-notes", false),
    prerelease: readBoolean(source, "prerelease", false),
    makeLatest,
    overwrite: readBoolean(source, "overwrite", false),
    publishRelease: readBoolean(source, "publish-release", false),
    uploadConcurrency: readInteger(source, "upload-concurrency", 8, 1, MAX_UPLOAD_CONCURRENCY)
  };
}
var DEFAULT_REPOSITORY_URL = "https://upload.pypi.org/legacy/";
function readPublishSettings(source) {
  const urls = readList(source, "repository-url");
  for (const url of urls) checkUploadUrl(url);
  const environment = source.get("environment");
  return {
    step: "publish",
    from: readChoice(source, "from", ["release", "artifacts", "folder"], "release"),
    packagesDir: readNonEmpty(source, "packages-dir", "dist"),
    artifactPattern: readNonEmpty(source, "artifact-pattern", DEFAULT_ARTIFACT_PATTERN),
    tag: readTag(source),
    githubToken: readSecret(source, "github-token"),
    repositoryUrls: urls.length > 0 ? urls : [DEFAULT_REPOSITORY_URL],
    password: readSecret(source, "password"),
    requireProvenance: readBoolean(source, "require-provenance", true),
    environment: environment.trim() || void 0,
    attestations: readBoolean(source, "attestations", true),
    skipExisting: readBoolean(source, "skip-existing", false),
    dryRun: readBoolean(source, "dry-run", false),
    trustedRoot: source.get("trusted-root").trim() || void 0,
    workflow: source.get("workflow").trim() || void 0,
    fulcioUrl: readUrl(source, "fulcio-url"),
    rekorUrl: readUrl(source, "rekor-url"),
    uploadConcurrency: readInteger(source, "upload-concurrency", 8, 1, MAX_UPLOAD_CONCURRENCY)
  };
}
function readPrepareSettings(source) {
  const urls = readList(source, "repository-url");
  for (const url of urls) checkUploadUrl(url);
  const project = source.get("project").trim();
  if (project && !/^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/.test(project)) {
    throw new InputError(`Input "project" is not a valid project name: ${quote(project)}.`, {
      subject: "project",
      hint: "Give the name as on PyPI, e.g. `hatch-demo`."
    });
  }
  return {
    step: "prepare",
    tag: readTag(source),
    githubToken: readSecret(source, "github-token"),
    project: project || void 0,
    repositoryUrls: urls,
    tagSigners: readKeyList(source, "tag-signers")
  };
}
function serviceUrl(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    return void 0;
  }
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
  return url.protocol === "https:" || url.protocol === "http:" && loopback ? url : void 0;
}
function checkUploadUrl(raw) {
  if (!serviceUrl(raw)?.pathname.endsWith("/")) {
    throw new InputError(`Input "repository-url" has an invalid upload URL: ${quote(raw)}.`, {
      subject: "repository-url",
      hint: "Give https upload URLs ending in a slash, one per line, in upload order, e.g. https://test.pypi.org/legacy/ then https://upload.pypi.org/legacy/."
    });
  }
}
function readTag(source) {
  const raw = source.get("tag").trim().replace(/^refs\/tags\//, "");
  if (!raw) return void 0;
  return checkTag(raw, "tag");
}
function resolveTag(settingTag, ref) {
  if (settingTag) return settingTag;
  if (ref.startsWith("refs/tags/"))
    return checkTag(ref.slice("refs/tags/".length), `GITHUB_REF (${ref})`);
  throw new InputError(
    `No tag to release: input "tag" is empty and this run is not for a tag (GITHUB_REF is ${quote(ref || "(unset)")}).`,
    {
      subject: "tag",
      hint: 'Run the workflow on a tag push (`on: push: tags: ["v*"]`) or pass `tag: v1.2.3`.'
    }
  );
}
function checkTag(tag, input) {
  const bad = !/^[A-Za-z0-9][A-Za-z0-9._+/-]*$/.test(tag) || tag.length > 200 || tag.includes("..") || tag.includes("//") || tag.endsWith(".") || tag.endsWith("/") || tag.endsWith(".lock");
  if (bad) {
    throw new InputError(
      `${input === "tag" ? 'Input "tag"' : input} is not a usable tag name: ${quote(tag)}.`,
      {
        subject: "tag",
        hint: "Use a plain release tag such as `v1.2.3` (letters, digits, . _ + - /)."
      }
    );
  }
  return tag;
}
function readInteger(source, name, fallback, min, max) {
  const raw = source.get(name).trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(
      `Input "${name}" must be a whole number from ${min} to ${max}, not ${quote(raw)}.`,
      {
        subject: name,
        hint: `Leave it empty for ${fallback}.`
      }
    );
  }
  return value;
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
    publicKey: source.get("public-key").trim() || void 0,
    repositoryId: readNumericId(source, "repository-id"),
    tagSigners: readKeyList(source, "tag-signers"),
    githubToken: readSecret(source, "github-token")
  };
}
function readNumericId(source, name) {
  const raw = source.get(name).trim();
  if (!raw) return void 0;
  if (!/^[1-9][0-9]{0,19}$/.test(raw)) {
    throw new InputError(`Input "${name}" must be GitHub's numeric id, not ${quote(raw)}.`, {
      subject: name,
      hint: "Read it with `gh api repos/OWNER/REPO --jq .id`."
    });
  }
  return raw;
}
function readKeyList(source, name) {
  const raw = source.get(name);
  const blocks = raw.match(/-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*?-----END PGP PUBLIC KEY BLOCK-----/g) ?? [];
  const rest = raw.replace(/-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*?-----END PGP PUBLIC KEY BLOCK-----/g, "").split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  return [...blocks, ...rest];
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
  if (!serviceUrl(raw)) {
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

export {
  readSettings,
  resolveTag,
  checkTag
};
