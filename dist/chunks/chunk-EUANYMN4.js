import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  PYPI_METADATA_VERSIONS,
  normalizeProjectName
} from "./chunk-S7NFOUJH.js";
import {
  knownAudience
} from "./chunk-QCTR3FJ2.js";
import {
  MAX_INDEX_PAGE_BYTES,
  fetchWithRetry,
  isObject,
  kindOf,
  optionalString,
  readBoundedText,
  readJsonObject
} from "./chunk-3MYLBHU6.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  DistributionError,
  ServiceError
} from "./chunk-W3DSJ3DT.js";

// src/pypi/simple-api.ts
var ACCEPT = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.1";
var HINT = "Check that the index serves its simple API there (devpi: `<index URL>+simple/`; set `simple-url` when it is elsewhere), then re-run the job.";
function simpleApiBase(uploadUrl, simpleUrl) {
  if (simpleUrl) return simpleUrl;
  const url = new URL(uploadUrl);
  if (url.pathname.endsWith("/legacy/")) {
    if (url.hostname === "upload.pypi.org") url.hostname = "pypi.org";
    url.pathname = url.pathname.replace(/legacy\/$/, "simple/");
  } else {
    url.pathname = `${url.pathname}simple/`;
  }
  url.search = "";
  return url.href;
}
function fileAddress(raw, page) {
  if (typeof raw !== "string" || raw === "") return void 0;
  try {
    const url = new URL(raw.replace(/&amp;/g, "&"), page);
    if (url.protocol !== "https:" && url.protocol !== "http:") return void 0;
    url.hash = "";
    return url.href;
  } catch {
    return void 0;
  }
}
var withAddress = (url) => url ? { url } : {};
async function readSimplePage(base, project, policy) {
  const url = `${base}${normalizeProjectName(project)}/`;
  const response = await fetchWithRetry(
    url,
    () => ({ headers: { accept: ACCEPT } }),
    `read ${url}`,
    policy
  );
  if (response.status === 404) return void 0;
  if (!response.ok)
    throw new ServiceError(`Failed to read ${url}: ${response.status}`, { hint: HINT });
  const source = {
    service: "The index's simple API",
    url,
    maxBytes: MAX_INDEX_PAGE_BYTES,
    hint: HINT
  };
  const type = response.headers.get("content-type") ?? "";
  return type.includes("application/vnd.pypi.simple.v1+json") ? fromJson(await readJsonObject(response, source), url) : fromHtml(await readBoundedText(response, source), url);
}
async function simpleReleaseFiles(uploadUrl, project, version, policy, simpleUrl) {
  const files = await readSimplePage(simpleApiBase(uploadUrl, simpleUrl), project, policy);
  const stem = normalizeProjectName(project).replace(/-/g, "_");
  return (files ?? []).filter((f) => ofRelease(f.filename, stem, version));
}
function ofRelease(filename, stem, version) {
  const [name = "", fileVersion = ""] = filename.replace(/\.tar\.gz$/, "").split("-");
  return name.replace(/[-_.]+/g, "_").toLowerCase() === stem && fileVersion === version;
}
var packagetype = (filename) => filename.endsWith(".whl") ? "bdist_wheel" : "sdist";
function fromJson(answer, page) {
  const { files } = answer.body;
  if (!Array.isArray(files)) throw answer.wrong(`"files" is ${kindOf(files)}, not a list`);
  return files.map((file, i) => {
    const where = `"files" item ${i}`;
    if (!isObject(file)) throw answer.wrong(`${where} is ${kindOf(file)}, not an object`);
    const filename = optionalString(answer, file.filename, `${where} "filename"`);
    if (!filename) throw answer.wrong(`${where} has no "filename"`);
    const hashes = file.hashes ?? {};
    if (!isObject(hashes))
      throw answer.wrong(`${where} "hashes" is ${kindOf(hashes)}, not an object`);
    const uploaded = optionalString(answer, file["upload-time"], `${where} "upload-time"`);
    return {
      filename,
      sha256: optionalString(answer, hashes.sha256, `${where} "hashes" "sha256"`) ?? "",
      packagetype: packagetype(filename),
      uploadTime: new Date(uploaded ?? NaN),
      ...withAddress(fileAddress(file.url, page))
    };
  });
}
function fromHtml(html, page) {
  const files = [];
  for (const match of html.matchAll(/<a\s[^>]*href="([^"]*)"[^>]*>([^<]*)<\/a>/gi)) {
    const href = match[1] ?? "";
    const filename = (match[2] ?? "").trim();
    const sha256 = /#sha256=([0-9a-f]{64})/i.exec(href)?.[1]?.toLowerCase() ?? "";
    files.push({
      filename,
      sha256,
      packagetype: packagetype(filename),
      uploadTime: /* @__PURE__ */ new Date(NaN),
      ...withAddress(fileAddress(href, page))
    });
  }
  return files;
}

// src/pypi/index-api.ts
function jsonApiBase(uploadUrl) {
  const url = new URL(uploadUrl);
  if (url.hostname === "upload.pypi.org") return "https://pypi.org";
  return url.origin;
}
async function releaseFiles(uploadUrl, project, version, policy, simpleUrl) {
  if (simpleUrl) return simpleReleaseFiles(uploadUrl, project, version, policy, simpleUrl);
  const url = `${jsonApiBase(uploadUrl)}/pypi/${encodeURIComponent(project)}/${encodeURIComponent(version)}/json`;
  const response = await fetchWithRetry(
    url,
    () => ({ headers: { accept: "application/json" } }),
    `read ${url}`,
    policy
  );
  if (response.status === 404) {
    if (knownAudience(uploadUrl) !== void 0) return [];
    return simpleReleaseFiles(uploadUrl, project, version, policy);
  }
  if (!response.ok) {
    throw new ServiceError(`Failed to read ${url}: ${response.status}`, {
      hint: "Re-run the job."
    });
  }
  const answer = await readJsonObject(response, {
    service: "The index's JSON API",
    url,
    maxBytes: MAX_INDEX_PAGE_BYTES,
    hint: "Check `repository-url` (it must be the upload URL of a Warehouse-like index) and re-run the job."
  });
  const { urls } = answer.body;
  if (!Array.isArray(urls)) throw answer.wrong(`"urls" is ${kindOf(urls)}, not a list`);
  return urls.map((file, i) => {
    const where = `"urls" item ${i}`;
    if (!isObject(file)) throw answer.wrong(`${where} is ${kindOf(file)}, not an object`);
    const filename = optionalString(answer, file.filename, `${where} "filename"`);
    if (!filename) throw answer.wrong(`${where} has no "filename"`);
    const digests = file.digests ?? {};
    if (!isObject(digests))
      throw answer.wrong(`${where} "digests" is ${kindOf(digests)}, not an object`);
    const uploaded = optionalString(
      answer,
      file.upload_time_iso_8601,
      `${where} "upload_time_iso_8601"`
    );
    return {
      filename,
      sha256: optionalString(answer, digests.sha256, `${where} "digests" "sha256"`) ?? "",
      packagetype: optionalString(answer, file.packagetype, `${where} "packagetype"`) ?? "",
      uploadTime: new Date(uploaded ?? 0),
      ...withAddress(fileAddress(file.url, url))
    };
  });
}
async function projectExists(uploadUrl, project, policy, simpleUrl) {
  const fail = (what, cause) => {
    throw new ServiceError(
      `Could not establish whether ${project} exists on ${uploadUrl}: ${what} (${cause instanceof Error ? cause.message : String(cause)}).`,
      {
        hint: "Re-run the job once the index answers. For an index that serves its simple API elsewhere, set `simple-url`."
      }
    );
  };
  if (!simpleUrl && knownAudience(uploadUrl) !== void 0) {
    const url = `${jsonApiBase(uploadUrl)}/pypi/${encodeURIComponent(project)}/json`;
    const response = await fetchWithRetry(
      url,
      () => ({ headers: { accept: "application/json" } }),
      `read ${url}`,
      policy
    ).catch((error) => fail(`reading ${url} failed`, error));
    await response.body?.cancel().catch(() => void 0);
    if (response.ok) return true;
    if (response.status !== 404) fail(`${url} answered`, response.status);
  }
  const base = simpleApiBase(uploadUrl, simpleUrl);
  const page = await readSimplePage(base, project, policy).catch(
    (error) => fail(`its simple API (${base}) did not answer as one`, error)
  );
  return page !== void 0;
}

// src/pypi/precheck.ts
var MAX_RELEASE_AGE_DAYS = 14;
var INDEX_METADATA_VERSIONS = PYPI_METADATA_VERSIONS;
function planIndexUploads(indexName, files, existing, skipExisting, now) {
  const byName = new Map(existing.map((f) => [f.filename, f]));
  const decisions = files.map((file) => {
    const there = byName.get(file.filename);
    if (!there) return { file, action: "upload" };
    if (there.sha256 === file.sha256) return { file, action: "already there" };
    if (skipExisting) return { file, action: "conflict", indexSha256: there.sha256 };
    throw conflictError(indexName, [{ file, indexSha256: there.sha256 }], false);
  });
  const uploads = decisions.filter((d) => d.action === "upload");
  if (uploads.length === 0) return decisions;
  for (const { file } of uploads) {
    if (!INDEX_METADATA_VERSIONS.includes(file.metadataVersion)) {
      throw new DistributionError(
        `${quote(file.filename)} has Metadata-Version ${file.metadataVersion}, which ${indexName} does not accept yet.`,
        {
          subject: file.filename,
          hint: `Build with a backend version that writes Metadata-Version ${INDEX_METADATA_VERSIONS.at(-1)} or lower.`
        }
      );
    }
  }
  const { oldest } = releaseAge(existing);
  if (oldest && now.getTime() - oldest.getTime() > MAX_RELEASE_AGE_DAYS * 864e5) {
    throw new DistributionError(
      `The release on ${indexName} was made on ${oldest.toISOString().slice(0, 10)}, more than ${MAX_RELEASE_AGE_DAYS} days ago: it takes no new files (${uploads.map((u) => quote(u.file.filename)).join(", ")}).`,
      {
        subject: uploads[0]?.file.filename,
        hint: "Publish the new files as a new version (e.g. a .post1 release)."
      }
    );
  }
  const existingSdist = existing.find((f) => f.packagetype === "sdist");
  const newSdist = uploads.find((u) => u.file.kind === "sdist");
  if (existingSdist && newSdist) {
    throw new DistributionError(
      `${indexName} already has the sdist ${quote(existingSdist.filename)} for this release; ${quote(newSdist.file.filename)} would be a second one.`,
      {
        subject: newSdist.file.filename,
        hint: "A release has one sdist: publish only the new wheels (a backfill builds no sdist)."
      }
    );
  }
  return decisions;
}
function releaseAge(existing) {
  let oldest;
  const undated = [];
  for (const file of existing) {
    if (Number.isNaN(file.uploadTime.getTime())) undated.push(file.filename);
    else if (!oldest || file.uploadTime < oldest) oldest = file.uploadTime;
  }
  return { oldest, undated };
}
function undatedReleaseWarning(indexName, existing) {
  const { undated } = releaseAge(existing);
  if (undated.length === 0) return void 0;
  return `${indexName} lists ${undated.length} file(s) of this release without an upload time (${undated.map(quote).join(", ")}; its simple page is PEP 503 HTML, or PEP 691 JSON without PEP 700's upload-time), so whether the release is older than ${MAX_RELEASE_AGE_DAYS} days could not be established. PyPI takes no new files for such a release; if this index has that rule, the upload may be refused.`;
}
function conflictError(indexName, conflicts, othersUploaded) {
  const list = conflicts.map(
    (c) => `${quote(c.file.filename)} (index sha256 ${c.indexSha256}, this file ${c.file.sha256})`
  ).join("; ");
  const what = conflicts.length === 1 ? "is" : "are";
  return new DistributionError(
    `Conflict: ${list} ${what} already on ${indexName} with different contents.${othersUploaded ? " The index's file was left in place and the other files were published; the release on the index is not the one that was signed." : ""}`,
    {
      subject: conflicts[0]?.file.filename,
      hint: othersUploaded ? "A filename can never be reused on PyPI: publish a new version (e.g. a .post1 release) so that the index holds the files you built." : "A filename can never be reused on PyPI. Publish a new version; `skip-existing: true` publishes the other files first but still reports the conflict."
    }
  );
}

export {
  simpleApiBase,
  jsonApiBase,
  releaseFiles,
  projectExists,
  MAX_RELEASE_AGE_DAYS,
  planIndexUploads,
  releaseAge,
  undatedReleaseWarning,
  conflictError
};
