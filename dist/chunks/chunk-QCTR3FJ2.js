import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  clean
} from "./chunk-AFO7ECMN.js";
import {
  getInput,
  setSecret
} from "./chunk-GWEJQHBX.js";
import {
  DEFAULT_ARTIFACT_PATTERN
} from "./chunk-UPFIIRK2.js";
import {
  plainNameProblem,
  quote
} from "./chunk-QPC3R6K2.js";
import {
  InputError
} from "./chunk-W3DSJ3DT.js";

// src/config/action-inputs.ts
var ACTION_INPUTS = [
  {
    "name": "step",
    "description": "Which step to run: prepare (first in each build job), collect (in each build job), provenance (sign what collect recorded), release (the draft GitHub release), publish (to PyPI, in the protected environment), verify (check files against provenance), index (a PEP 503 simple index of the project's GitHub releases).",
    "default": "",
    "required": true
  },
  {
    "name": "packages-dir",
    "description": "collect: folder (inside the workspace) holding the built wheels (*.whl) and sdist (*.tar.gz); only files directly in it are taken. provenance: with `from: folder` the files to sign, with `from: artifacts` where the checked files and the provenance are written. release: the files to upload. publish: with `from: folder` the files to upload, otherwise where they are gathered. verify: the files to check.",
    "default": "dist",
    "required": false
  },
  {
    "name": "artifact-name",
    "description": "collect: name of the workflow artifact to upload. Empty (the default) gives a name unique to each job, `release-dists-<job id>-<hash of the job's backend id>`, so a matrix of any size never collides.",
    "default": "",
    "required": false
  },
  {
    "name": "expected-version",
    "description": "collect: the version every file must carry, e.g. `v1.2.3` from the tag (a leading `v` is removed; compared after PEP 440 normalization). Empty skips the check.",
    "default": "",
    "required": false
  },
  {
    "name": "upload-artifact",
    "description": "collect: upload the files and their manifest as a workflow artifact. Set to false to only check and record digests (e.g. when provenance and release run in the same job).",
    "default": "true",
    "required": false
  },
  {
    "name": "index-rules",
    "description": "collect and publish: whose upload rules every file must pass before anything is uploaded or signed. `pypi` (PyPI's filename, metadata, classifier, license, description, platform tag and size rules, with PyPI's own messages) or `testpypi` (the same rules); `none` for a private index, whose own rules the action cannot know.",
    "default": "pypi",
    "required": false
  },
  {
    "name": "from",
    "description": "provenance and publish: where the distributions come from. provenance: `artifacts` (default; every workflow artifact matching `artifact-pattern`, fan-in) or `folder` (`packages-dir`, checked against the manifests `collect` wrote in this job). publish: `release` (default; the assets of the tag's draft release, what the reviewer saw), `artifacts` or `folder`.",
    "default": "",
    "required": false
  },
  {
    "name": "artifact-pattern",
    "description": "provenance and publish (`from: artifacts`): which workflow artifacts to gather (`*` and `?` wildcards). The default matches every artifact `collect` names by default.",
    "default": "release-dists-*",
    "required": false
  },
  {
    "name": "provenance-name",
    "description": "provenance: file name of the signed provenance, ending in `.intoto.jsonl`. Empty gives `<project>-<version>.intoto.jsonl`; a backfill names its own, e.g. `cp311.intoto.jsonl`.",
    "default": "",
    "required": false
  },
  {
    "name": "sigstore",
    "description": "provenance: which Sigstore instance signs: `auto` (public-good Fulcio + Rekor for public repositories, GitHub's Fulcio + timestamp authority for private ones), `public-good`, or `github`.",
    "default": "auto",
    "required": false
  },
  {
    "name": "fulcio-url",
    "description": "provenance and publish (PEP 740 attestations): Fulcio base URL, overriding the instance's (private Sigstore, GitHub Enterprise).",
    "default": "",
    "required": false
  },
  {
    "name": "rekor-url",
    "description": "provenance and publish (PEP 740 attestations): Rekor base URL, overriding the instance's.",
    "default": "",
    "required": false
  },
  {
    "name": "tsa-url",
    "description": "provenance: timestamp authority base URL, overriding the instance's.",
    "default": "",
    "required": false
  },
  {
    "name": "github-attestation",
    "description": "provenance: also store the bundle with GitHub's attestations API so `gh attestation verify` finds it (needs `attestations: write`).",
    "default": "false",
    "required": false
  },
  {
    "name": "github-token",
    "description": "prepare, provenance (with github-attestation or on a dispatch run), release, publish, verify (to look up the tag and repository ids), index and sign: token for GitHub's API. Defaults to the workflow token; the release job needs `permissions: contents: write`.",
    "default": "${{ github.token }}",
    "required": false
  },
  {
    "name": "gpg-private-key",
    "description": "provenance: armored OpenPGP private key (v4; EdDSA or RSA). When given, a detached `<file>.asc` is written for every distribution and the provenance. Pass it from a secret.",
    "default": "",
    "required": false
  },
  {
    "name": "gpg-passphrase",
    "description": "provenance: passphrase of `gpg-private-key`, from a secret.",
    "default": "",
    "required": false
  },
  {
    "name": "provenance",
    "description": "verify: provenance files (newline- or comma-separated, relative to the workspace). Empty takes every `*.intoto.jsonl` in `packages-dir`.",
    "default": "",
    "required": false
  },
  {
    "name": "repository",
    "description": "verify and sign: `owner/name` of the repository whose workflow must have signed. Empty means this workflow's repository.",
    "default": "",
    "required": false
  },
  {
    "name": "workflow",
    "description": "verify, publish and sign: the workflow that must have signed, e.g. `release.yml` or `.github/workflows/release.yml`. Empty accepts any workflow of `repository` (verify) or of this repository (publish).",
    "default": "",
    "required": false
  },
  {
    "name": "ref",
    "description": "verify: the git ref the signing run must have built, e.g. `refs/tags/v1.2.3`.",
    "default": "",
    "required": false
  },
  {
    "name": "trusted-root",
    "description": "verify, publish and sign: path of a Sigstore trusted root file, one JSON root or several as JSON lines (`gh attestation trusted-root` prints the public-good and GitHub's roots so; GitHub's instance signs private repositories). Empty uses Sigstore's public-good root, fetched through TUF, or the copy embedded in the action when TUF cannot be reached; and, for a bundle from GitHub's instance, GitHub's root as the runner's `gh attestation trusted-root` prints it (gh 2.53 or newer, as on GitHub-hosted runners), refusing the bundle when gh cannot give it.",
    "default": "",
    "required": false
  },
  {
    "name": "server-url",
    "description": "verify: the GitHub server whose workflow signed, e.g. `https://ghes.example.com`; the expected OIDC issuer follows from it (github.com and `*.ghe.com`: GitHub's token service, GitHub Enterprise Server: `https://HOSTNAME/_services/token`). Empty uses this run's `GITHUB_SERVER_URL`, else github.com.",
    "default": "",
    "required": false
  },
  {
    "name": "public-key",
    "description": "verify and publish: armored OpenPGP public key, or a path to one, to check each file's `.asc` signature with. publish refuses, before the token exchange, unless every distribution has a `<file>.asc` that verifies with it (`release-action sign` makes them); not with `from: artifacts`, which holds no `.asc`. Empty skips GPG checks.",
    "default": "",
    "required": false
  },
  {
    "name": "tag",
    "description": "prepare, release, publish and sign: the tag to release. Empty takes it from GITHUB_REF on a tag push (`refs/tags/v1.2.3`). provenance: the tag a `workflow_dispatch` run builds (empty takes the `tag` dispatch input); the statement records it and the checked-out commit.",
    "default": "",
    "required": false
  },
  {
    "name": "release-name",
    "description": "release: title of a newly created release. Empty lets GitHub use the tag.",
    "default": "",
    "required": false
  },
  {
    "name": "body",
    "description": "release: release notes of a newly created release (Markdown).",
    "default": "",
    "required": false
  },
  {
    "name": "body-path",
    "description": "release: file (inside the workspace) holding the release notes; not with `body`.",
    "default": "",
    "required": false
  },
  {
    "name": "generate-release-notes",
    "description": "release: let GitHub generate the notes of a newly created release.",
    "default": "false",
    "required": false
  },
  {
    "name": "prerelease",
    "description": "release: mark a newly created release as a prerelease.",
    "default": "false",
    "required": false
  },
  {
    "name": "make-latest",
    "description": "release: with publish-release, whether the release becomes the latest: `true`, `false` or `legacy`. Empty leaves GitHub's default.",
    "default": "",
    "required": false
  },
  {
    "name": "overwrite",
    "description": "release: replace an asset that exists with different contents. Off, such a conflict is an error naming the file and both digests, and nothing is uploaded.",
    "default": "false",
    "required": false
  },
  {
    "name": "publish-release",
    "description": "release: publish the draft after every upload succeeded. Off (the default), the release stays a draft for a person to review.",
    "default": "false",
    "required": false
  },
  {
    "name": "upload-concurrency",
    "description": "release: how many assets upload at once; publish: how many files upload at once per index (1 to 16).",
    "default": "8",
    "required": false
  },
  {
    "name": "repository-url",
    "description": "publish: upload URLs of the indexes, one per line, uploaded in order (e.g. https://test.pypi.org/legacy/ then https://upload.pypi.org/legacy/). Each gets its own token and attestations. prepare (with `project`): the indexes to check.",
    "default": "https://upload.pypi.org/legacy/",
    "required": false
  },
  {
    "name": "simple-url",
    "description": "publish, prepare: the simple API root (PEP 503 / PEP 691) of each `repository-url`, one per line in the same order, for an index whose pages are not where the action looks (devpi uploads to https://host/<user>/<index>/ and serves https://host/<user>/<index>/+simple/). When set, that index's files are read there only, before and after the upload; empty reads PyPI's JSON API, then the simple API next to the upload URL (`.../legacy/` -> `.../simple/`, else `<upload URL>simple/`).",
    "default": "",
    "required": false
  },
  {
    "name": "password",
    "description": "publish: an API token for indexes without trusted publishing (from a secret). Empty uses trusted publishing (OIDC), which needs `id-token: write`.",
    "default": "",
    "required": false
  },
  {
    "name": "user",
    "description": "publish: the user name sent with `password` (PyPI API tokens use `__token__`; devpi or Artifactory may want a user name). Trusted publishing always uses `__token__`.",
    "default": "__token__",
    "required": false
  },
  {
    "name": "oidc-audience",
    "description": "publish: the OIDC audience for trusted publishing to every `repository-url` that is not PyPI or TestPyPI (those get `pypi` and `testpypi`). Required for such an index, and never `pypi` or `testpypi`: another index must not receive a token PyPI would accept.",
    "default": "",
    "required": false
  },
  {
    "name": "require-provenance",
    "description": "publish: refuse any distribution not covered by verified provenance from this repository. Set to false only for projects that do not sign (a warning instead).",
    "default": "true",
    "required": false
  },
  {
    "name": "environment",
    "description": "publish: the deployment environment the job must run in (checked in its OIDC token), so that a person approved. Empty disables the check.",
    "default": "publish",
    "required": false
  },
  {
    "name": "attestations",
    "description": "publish: sign and send PEP 740 publish attestations (with trusted publishing, public repositories).",
    "default": "true",
    "required": false
  },
  {
    "name": "skip-existing",
    "description": "publish: when the index already has a file of the same name with other contents, leave it in place and publish the other files, then fail reporting the conflict (it never ends green). Identical files are always recognised.",
    "default": "false",
    "required": false
  },
  {
    "name": "project",
    "description": "prepare: the project's name on the index; with it, a backfill checks up front that the index release is within PyPI's 14-day window (on each `repository-url`).",
    "default": "",
    "required": false
  },
  {
    "name": "tag-signers",
    "description": 'prepare: the keys allowed to sign release tags, one a line: armored OpenPGP public keys, SSH allowed_signers lines (`you@example.com namespaces="git" ssh-ed25519 AAAA\u2026`) or public key lines, or paths to files holding them. When given, the annotated tag\'s signature over the tag object is checked before anything is built, and an unsigned, lightweight or otherwise signed tag stops the run. verify: the same check of the tag named by `ref`.',
    "default": "",
    "required": false
  },
  {
    "name": "repository-id",
    "description": "verify: GitHub's numeric id of `repository`, compared with the certificate's (a deleted name registered again by someone else has another id). Empty takes the running repository's, or asks GitHub's API.",
    "default": "",
    "required": false
  },
  {
    "name": "local-user",
    "description": "sign (command line only, `release-action sign`): the gpg key that signs, as gpg's `--local-user`. Empty uses gpg's default key.",
    "default": "",
    "required": false
  },
  {
    "name": "index-dir",
    "description": "index: folder (inside the workspace) the simple index is written to, e.g. for GitHub Pages.",
    "default": "simple",
    "required": false
  },
  {
    "name": "dry-run",
    "description": "publish: do every check, including the trusted-publishing token exchange (the token is dropped), but sign and upload nothing.",
    "default": "false",
    "required": false
  }
];

// src/config/input-names.ts
var FOREIGN = {
  // pypa/gh-action-pypi-publish
  repository_url: "write `repository-url` (the upload URL, e.g. https://test.pypi.org/legacy/)",
  packages_dir: "write `packages-dir`; note that `step: publish` uploads the draft release's assets by default (`from: release`), not a folder",
  skip_existing: "write `skip-existing`",
  verify_metadata: "remove it: every step always checks the metadata, with the same parser as the upload",
  "verify-metadata": "remove it: every step always checks the metadata, with the same parser as the upload",
  verbose: "remove it: every request that fails is reported with the index's answer",
  print_hash: "remove it: `collect` records every sha256 (output `hashes`, the job summary)",
  "print-hash": "remove it: `collect` records every sha256 (output `hashes`, the job summary)",
  // softprops/action-gh-release
  files: "build into a folder and run `step: collect` in each build job, then `step: release` (its `packages-dir`, default `dist`)",
  tag_name: "write `tag`",
  name: "write `release-name`",
  body_path: "write `body-path`",
  draft: "remove it: the release is always a draft; `publish-release: true` publishes it after every upload succeeded",
  overwrite_files: "write `overwrite`",
  make_latest: "write `make-latest`",
  generate_release_notes: "write `generate-release-notes`",
  token: "write `github-token`",
  target_commitish: "remove it: the release is for the tag, whose commit `step: prepare` checks against the checkout",
  fail_on_unmatched_files: "remove it: a missing or unexpected file always fails (`collect` checks the folder)",
  preserve_order: "remove it: `upload-concurrency: 1` uploads one asset at a time",
  append_body: "remove it: `body`/`body-path` are the notes of a new draft, which later jobs leave as they are; edit the draft's notes while reviewing it",
  discussion_category_name: `remove it: the release is a draft a person reviews; tick "Create a discussion" in GitHub's form when publishing it`,
  working_directory: "write the folder as `packages-dir` (relative to the workspace, or absolute inside it)"
};
var ELSEWHERE = {
  repository: "softprops/action-gh-release's `repository` (a release in another repository) is not supported: `release` and `publish` work on the repository running the workflow, with its token, so run the workflow there"
};
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
function nearestName(name, known) {
  const dashed = name.toLowerCase().replace(/_/g, "-");
  if (known.includes(dashed)) return dashed;
  let best;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(dashed, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(dashed.length / 3)) ? best : void 0;
}
function adviceFor(name, known) {
  const foreign = FOREIGN[name];
  if (foreign) return foreign;
  const nearest = nearestName(name, known);
  return nearest ? `did you mean \`${nearest}\`?` : `inputs are: ${known.join(", ")}`;
}
function givenInputNames(env) {
  return Object.keys(env).filter((key) => key.startsWith("INPUT_") && key.length > "INPUT_".length).map((key) => key.slice("INPUT_".length).toLowerCase());
}
function checkInputNames(given, known) {
  const knownSet = new Set(known.map((name) => name.toLowerCase()));
  const unknown = [...new Set(given)].filter((name) => !knownSet.has(name)).sort();
  if (unknown.length === 0) return;
  const list = unknown.map((name) => `"${name}"`).join(", ");
  throw new InputError(
    `${unknown.length === 1 ? "Input" : "Inputs"} ${list} ${unknown.length === 1 ? "is" : "are"} not ${unknown.length === 1 ? "an input" : "inputs"} of this action; nothing was done.`,
    {
      subject: unknown[0],
      hint: unknown.map((name) => `${name}: ${adviceFor(name, known)}.`).join(" ")
    }
  );
}
function unreadInputsError(step, unread, readers) {
  const list = unread.map((name) => `"${name}"`).join(", ");
  const one = unread.length === 1;
  return new InputError(
    `${one ? "Input" : "Inputs"} ${list} ${one ? "is" : "are"} not read by \`step: ${step}\`, which would ignore ${one ? "it" : "them"}; nothing was done.`,
    {
      subject: unread[0],
      hint: unread.map((name) => {
        const by = readers(name);
        const where = by.length > 0 ? `read by ${by.map((s) => s === "sign" ? "the command line's `sign`" : `\`step: ${s}\``).join(", ")}` : "read by no step";
        const meant = ELSEWHERE[name];
        return `${name}: ${where}; ${meant ?? `remove it from this step, or move it to a step that reads it`}.`;
      }).join(" ")
    }
  );
}

// src/config/index-audience.ts
var KNOWN_INDEX_AUDIENCES = {
  "upload.pypi.org": "pypi",
  "test.pypi.org": "testpypi"
};
function knownAudience(uploadUrl) {
  return Object.hasOwn(KNOWN_INDEX_AUDIENCES, new URL(uploadUrl).hostname) ? KNOWN_INDEX_AUDIENCES[new URL(uploadUrl).hostname] : void 0;
}
function isReservedAudience(audience) {
  return Object.values(KNOWN_INDEX_AUDIENCES).includes(audience.trim().toLowerCase());
}

// src/config/inputs.ts
var STEP_NAMES = [
  "prepare",
  "collect",
  "provenance",
  "release",
  "publish",
  "verify",
  "index",
  "sign"
];
var ARTIFACT_NAME_FORBIDDEN = /["\\/:<>|*?\r\n]/;
var ARTIFACT_NAME_MAX_LENGTH = 200;
var INDEX_RULES = ["pypi", "testpypi", "none"];
var MAX_UPLOAD_CONCURRENCY = 16;
var actionInputs = {
  get: (name) => getInput(name),
  mask: (secret) => setSecret(secret),
  names: () => givenInputNames(process.env)
};
function readSettings(source = actionInputs) {
  if (source.names) {
    checkInputNames(
      source.names(),
      ACTION_INPUTS.map((input) => input.name)
    );
  }
  const step = readStep(source);
  if (source.names) refuseUnreadInputs(step, source);
  if (step === "collect") return readCollectSettings(source);
  if (step === "provenance") return readProvenanceSettings(source);
  if (step === "verify") return readVerifySettings(source);
  if (step === "release") return readReleaseSettings(source);
  if (step === "publish") return readPublishSettings(source);
  if (step === "prepare") return readPrepareSettings(source);
  if (step === "sign") return readSignSettings(source);
  return {
    step: "index",
    indexDir: readNonEmpty(source, "index-dir", "simple"),
    githubToken: readSecret(source, "github-token")
  };
}
function inputNamesOfStep(step) {
  const read = /* @__PURE__ */ new Set();
  try {
    readSettings({
      get: (name) => {
        read.add(name);
        return name === "step" ? step : "";
      }
    });
  } catch {
  }
  read.delete("step");
  return read;
}
function refuseUnreadInputs(step, source) {
  const read = inputNamesOfStep(step);
  const unread = ACTION_INPUTS.filter((input) => {
    if (input.name === "step" || read.has(input.name) || input.default.includes("${{"))
      return false;
    const value = source.get(input.name).trim();
    return value !== "" && value !== input.default.trim();
  }).map((input) => input.name);
  if (unread.length === 0) return;
  const readers = (name) => STEP_NAMES.filter((s) => inputNamesOfStep(s).has(name));
  throw unreadInputsError(step, unread, readers);
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
  const password = readSecret(source, "password");
  const repositoryUrls = urls.length > 0 ? urls : [DEFAULT_REPOSITORY_URL];
  const oidcAudience = readOidcAudience(source, password ? [] : repositoryUrls);
  const from = readChoice(source, "from", ["release", "artifacts", "folder"], "release");
  const publicKey = source.get("public-key").trim() || void 0;
  if (publicKey && from === "artifacts") {
    throw new InputError(
      'Input "public-key" checks the maintainer\'s .asc signatures, and workflow artifacts (`from: artifacts`) hold none.',
      {
        subject: "public-key",
        hint: "Publish `from: release` (the draft holds the .asc files that `release-action sign` uploaded), or `from: folder` with the .asc files next to the distributions."
      }
    );
  }
  return {
    step: "publish",
    from,
    packagesDir: readNonEmpty(source, "packages-dir", "dist"),
    artifactPattern: readNonEmpty(source, "artifact-pattern", DEFAULT_ARTIFACT_PATTERN),
    tag: readTag(source),
    githubToken: readSecret(source, "github-token"),
    repositoryUrls,
    simpleUrls: readSimpleUrls(source, repositoryUrls),
    password,
    user: readUser(source),
    oidcAudience,
    requireProvenance: readBoolean(source, "require-provenance", true),
    environment: environment.trim() || void 0,
    attestations: readBoolean(source, "attestations", true),
    skipExisting: readBoolean(source, "skip-existing", false),
    indexRules: readChoice(source, "index-rules", INDEX_RULES, "pypi"),
    dryRun: readBoolean(source, "dry-run", false),
    trustedRoot: source.get("trusted-root").trim() || void 0,
    workflow: source.get("workflow").trim() || void 0,
    fulcioUrl: readUrl(source, "fulcio-url"),
    rekorUrl: readUrl(source, "rekor-url"),
    uploadConcurrency: readInteger(source, "upload-concurrency", 8, 1, MAX_UPLOAD_CONCURRENCY),
    publicKey
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
    simpleUrls: readSimpleUrls(source, urls),
    tagSigners: readKeyList(source, "tag-signers")
  };
}
function readOidcAudience(source, trustedUrls) {
  const raw = source.get("oidc-audience").trim();
  if (raw && (!/^[\x21-\x7e]{1,255}$/.test(raw) || isReservedAudience(raw))) {
    throw new InputError(
      `Input "oidc-audience" cannot be ${quote(raw)}: ${isReservedAudience(raw) ? "it is PyPI's or TestPyPI's audience, and a token for it lets whoever receives it upload to your project there" : "an audience is one word of printable characters"}.`,
      {
        subject: "oidc-audience",
        hint: "Give the audience your own index announces at /_/oidc/audience (its operator's documentation names it); PyPI and TestPyPI URLs get their audiences without it."
      }
    );
  }
  const unknown = trustedUrls.filter((url) => knownAudience(url) === void 0);
  if (!raw && unknown.length > 0) {
    throw new InputError(
      `Input "oidc-audience" is required for trusted publishing to ${unknown.map(quote).join(", ")}: only PyPI and TestPyPI have a known audience, and asking the index for one would let any index obtain a token for PyPI's.`,
      {
        subject: "oidc-audience",
        hint: "Set `oidc-audience` to the audience that index documents (it applies to every `repository-url` that is not PyPI or TestPyPI), or pass an API token as `password`."
      }
    );
  }
  return raw || void 0;
}
function readUser(source) {
  const raw = source.get("user").trim();
  if (!raw) return "__token__";
  if (raw.includes(":") || !/^[\x21-\x7e]+$/.test(raw)) {
    throw new InputError(`Input "user" is not a valid user name: ${quote(raw)}.`, {
      subject: "user",
      hint: "Give the index user name without spaces or colons, or leave `user` empty for `__token__` (PyPI API tokens and trusted publishing)."
    });
  }
  return raw;
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
function readSimpleUrls(source, uploadUrls) {
  const urls = readList(source, "simple-url");
  if (urls.length === 0) return {};
  for (const raw of urls)
    if (!serviceUrl(raw)?.pathname.endsWith("/"))
      throw new InputError(`Input "simple-url" has an invalid simple API URL: ${quote(raw)}.`, {
        subject: "simple-url",
        hint: "Give https URLs ending in a slash, one per `repository-url`, e.g. https://devpi.example.com/ci/prod/+simple/."
      });
  if (urls.length !== uploadUrls.length)
    throw new InputError(
      `Input "simple-url" has ${urls.length} URL(s) but "repository-url" has ${uploadUrls.length}: give one simple API URL per upload URL, in the same order.`,
      {
        subject: "simple-url",
        hint: "List the simple API root of every index in `repository-url` order, or leave `simple-url` empty to read the JSON API and guess the simple API."
      }
    );
  return Object.fromEntries(uploadUrls.map((upload, i) => [upload, urls[i]]));
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
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(
      `Input "${name}" must be a whole decimal number from ${min} to ${max}, not ${quote(raw)}.`,
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
    serverUrl: readServerUrl(source),
    publicKey: source.get("public-key").trim() || void 0,
    repositoryId: readNumericId(source, "repository-id"),
    tagSigners: readKeyList(source, "tag-signers"),
    githubToken: readSecret(source, "github-token")
  };
}
function readSignSettings(source) {
  const tag = readTag(source);
  const githubToken = readSecret(source, "github-token");
  const repository = readRepository(source) ?? (source.get("GITHUB_REPOSITORY").trim() || void 0);
  const localUser = source.get("local-user").trim() || void 0;
  const trustedRoot = source.get("trusted-root").trim() || void 0;
  const workflow = source.get("workflow").trim() || void 0;
  if (!tag || !githubToken || !repository) {
    const missing = !tag ? "--tag" : !githubToken ? "GITHUB_TOKEN" : "--repository";
    throw new InputError(`\`sign\` needs ${missing}.`, {
      subject: !tag ? "tag" : !githubToken ? "github-token" : "repository",
      hint: "GITHUB_TOKEN=$(gh auth token) release-action sign --repository octo-org/octo-repo --tag v1.2.3"
    });
  }
  return {
    step: "sign",
    tag,
    githubToken,
    repository,
    localUser,
    trustedRoot,
    workflow
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
function readServerUrl(source) {
  const raw = source.get("server-url").trim();
  if (!raw) return void 0;
  let url;
  try {
    url = new URL(raw);
  } catch {
    url = void 0;
  }
  if (!url || url.protocol !== "https:" || url.pathname.replace(/\/$/, "") !== "") {
    throw new InputError(
      `Input "server-url" must be a GitHub server's https origin, not ${quote(raw)}.`,
      {
        subject: "server-url",
        hint: "Use e.g. https://github.com, https://octo.ghe.com or https://ghes.example.com."
      }
    );
  }
  return url.origin;
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
    uploadArtifact: readBoolean(source, "upload-artifact", true),
    indexRules: readChoice(source, "index-rules", INDEX_RULES, "pypi")
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
  const problem = plainNameProblem(raw);
  if (problem || ARTIFACT_NAME_FORBIDDEN.test(raw) || raw.length > ARTIFACT_NAME_MAX_LENGTH) {
    const why = problem ? ` (${problem})` : "";
    throw new InputError(
      `Input "artifact-name" is not a valid artifact name: ${quote(raw)}${why}.`,
      {
        subject: "artifact-name",
        hint: `Use at most ${ARTIFACT_NAME_MAX_LENGTH} characters, not \`.\` or \`..\`, and none of " : < > | * ? \\ / or control characters, or leave it empty for a unique name per job.`
      }
    );
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
  ACTION_INPUTS,
  nearestName,
  knownAudience,
  isReservedAudience,
  STEP_NAMES,
  readSettings,
  inputNamesOfStep,
  resolveTag,
  checkTag
};
