import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  clean,
  eq,
  valid
} from "./chunk-AFO7ECMN.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  DistributionError
} from "./chunk-W3DSJ3DT.js";

// src/distributions/filenames.ts
var MAX_FILENAME_LENGTH = 255;
var PROJECT_NAME = /^([A-Z0-9]|[A-Z0-9][A-Z0-9._-]*[A-Z0-9])$/i;
var TAG = /^[A-Za-z0-9_]+$/;
var WHEEL_HINT = "Wheels are named {name}-{version}(-{build})?-{python}-{abi}-{platform}.whl (PEP 427): rebuild instead of renaming.";
var SDIST_HINT = "Build the sdist with `python -m build --sdist`: PyPI takes sdists named {name}-{version}.tar.gz (PEP 625).";
function normalizeProjectName(name) {
  return name.replace(/[-_.]+/g, "-").toLowerCase();
}
function isValidProjectName(name) {
  return PROJECT_NAME.test(name);
}
function canonicalVersion(version, subject = version) {
  const [release = "", local] = version.split("+", 2);
  const canonical = valid(version) === null ? null : clean(release);
  if (canonical === null) {
    throw new DistributionError(`${quote(subject)}: ${quote(version)} is not a PEP 440 version.`, {
      subject,
      hint: "Use a PEP 440 version such as 1.2.3, 1.2.3rc1 or 1.2.3.post1 (https://peps.python.org/pep-0440/)."
    });
  }
  return local === void 0 ? canonical : `${canonical}+${canonicalLocal(local)}`;
}
function canonicalLocal(local) {
  return local.toLowerCase().split(/[-_.]/).map((segment) => /^\d+$/.test(segment) ? segment.replace(/^0+(?=\d)/, "") : segment).join(".");
}
function versionsEqual(a, b) {
  return valid(a) !== null && valid(b) !== null && eq(a, b);
}
function invalid(filename, why, hint) {
  return new DistributionError(`${quote(filename)} is not a valid distribution filename: ${why}.`, {
    subject: filename,
    hint
  });
}
function checkCharacters(filename, hint) {
  if (filename.length > MAX_FILENAME_LENGTH || !/^[\x21-\x7e]+$/.test(filename)) {
    throw invalid(filename, "it is too long or has non-ASCII, blank or control characters", hint);
  }
}
function expandTags(filename, set, what) {
  const tags = set.split(".");
  if (tags.some((tag) => !TAG.test(tag)))
    throw invalid(filename, `the ${what} tag ${quote(set)} is malformed`, WHEEL_HINT);
  return tags;
}
function parseWheelFilename(filename) {
  checkCharacters(filename, WHEEL_HINT);
  if (!filename.endsWith(".whl")) throw invalid(filename, "it does not end in .whl", WHEEL_HINT);
  const parts = filename.slice(0, -".whl".length).split("-");
  if (parts.length !== 5 && parts.length !== 6)
    throw invalid(filename, `it has ${parts.length} dash-separated parts, not 5 or 6`, WHEEL_HINT);
  const [name = "", version = ""] = parts;
  if (!/^[\w.]+$/.test(name) || name.includes("__") || !isValidProjectName(name))
    throw invalid(filename, `the name part ${quote(name)} is not a distribution name`, WHEEL_HINT);
  if (valid(version) === null)
    throw invalid(filename, `the version ${quote(version)} is not PEP 440`, WHEEL_HINT);
  const build = parts.length === 6 ? parts[2] : void 0;
  if (build !== void 0 && !/^\d[\w.]*$/.test(build))
    throw invalid(filename, `the build tag ${quote(build)} must start with a digit`, WHEEL_HINT);
  const [python = "", abi = "", platform = ""] = parts.slice(-3);
  return {
    kind: "wheel",
    filename,
    name,
    project: normalizeProjectName(name),
    version,
    ...build === void 0 ? {} : { build },
    pythonTags: expandTags(filename, python, "python"),
    abiTags: expandTags(filename, abi, "ABI"),
    platformTags: expandTags(filename, platform, "platform")
  };
}
function parseSdistFilename(filename) {
  checkCharacters(filename, SDIST_HINT);
  if (!filename.endsWith(".tar.gz"))
    throw invalid(filename, "PyPI only accepts sdists as .tar.gz", SDIST_HINT);
  const stem = filename.slice(0, -".tar.gz".length);
  for (let dash = stem.lastIndexOf("-"); dash > 0; dash = stem.lastIndexOf("-", dash - 1)) {
    const name = stem.slice(0, dash);
    const version = stem.slice(dash + 1);
    if (/^v?\d/i.test(version) && valid(version) !== null && isValidProjectName(name))
      return { kind: "sdist", filename, name, project: normalizeProjectName(name), version };
  }
  throw invalid(
    filename,
    "it does not split into {name}-{version} with a PEP 440 version",
    SDIST_HINT
  );
}
var NOT_TAR_GZ = [".zip", ".tar.bz2", ".tar.xz", ".tar.zst", ".tar", ".tgz", ".tbz"];
function parseDistributionFilename(filename) {
  if (filename.endsWith(".whl")) return parseWheelFilename(filename);
  if (filename.endsWith(".tar.gz")) return parseSdistFilename(filename);
  const lower = filename.toLowerCase();
  if (NOT_TAR_GZ.some((suffix) => lower.endsWith(suffix)))
    throw invalid(filename, "PyPI only accepts sdists as .tar.gz", SDIST_HINT);
  if (lower.endsWith(".egg"))
    throw invalid(
      filename,
      "PyPI no longer accepts eggs, only wheels and .tar.gz sdists",
      "Build a wheel instead: `python -m build`."
    );
  throw invalid(
    filename,
    "only wheels (.whl) and sdists (.tar.gz) are distributions",
    "Remove other files from `packages-dir`."
  );
}

// src/pypi/rules/metadata-versions.ts
var FIELD_INTRODUCED = {
  "supported-platform": "1.1",
  "download-url": "1.1",
  classifier: "1.1",
  requires: "1.1",
  provides: "1.1",
  obsoletes: "1.1",
  maintainer: "1.2",
  "maintainer-email": "1.2",
  "requires-dist": "1.2",
  "requires-python": "1.2",
  "requires-external": "1.2",
  "project-url": "1.2",
  "provides-dist": "1.2",
  "obsoletes-dist": "1.2",
  "description-content-type": "2.1",
  "provides-extra": "2.1",
  dynamic: "2.2",
  "license-expression": "2.4",
  "license-file": "2.4",
  "import-name": "2.5",
  "import-namespace": "2.5"
};
var SPEC_METADATA_VERSIONS = [
  "1.0",
  "1.1",
  "1.2",
  "2.1",
  "2.2",
  "2.3",
  "2.4",
  "2.5",
  "2.6"
];
var PYPI_METADATA_VERSIONS = SPEC_METADATA_VERSIONS.filter(
  (v) => v !== "2.6"
);
function compareMetadataVersions(a, b) {
  const [am = 0, an = 0] = a.split(".").map(Number);
  const [bm = 0, bn = 0] = b.split(".").map(Number);
  return am - bm || an - bn;
}

export {
  normalizeProjectName,
  isValidProjectName,
  canonicalVersion,
  versionsEqual,
  parseDistributionFilename,
  FIELD_INTRODUCED,
  SPEC_METADATA_VERSIONS,
  PYPI_METADATA_VERSIONS,
  compareMetadataVersions
};
