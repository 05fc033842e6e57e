import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  PYPI_METADATA_VERSIONS
} from "./chunk-S7NFOUJH.js";
import {
  fetchWithRetry
} from "./chunk-EOKYU754.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  DistributionError,
  ServiceError
} from "./chunk-W3DSJ3DT.js";

// src/pypi/index-api.ts
function jsonApiBase(uploadUrl) {
  const url = new URL(uploadUrl);
  if (url.hostname === "upload.pypi.org") return "https://pypi.org";
  return url.origin;
}
async function releaseFiles(uploadUrl, project, version, policy) {
  const url = `${jsonApiBase(uploadUrl)}/pypi/${encodeURIComponent(project)}/${encodeURIComponent(version)}/json`;
  const response = await fetchWithRetry(
    url,
    () => ({ headers: { accept: "application/json" } }),
    `read ${url}`,
    policy
  );
  if (response.status === 404) return [];
  if (!response.ok) {
    throw new ServiceError(`Failed to read ${url}: ${response.status}`, {
      hint: "Re-run the job."
    });
  }
  const body = await response.json();
  return (body.urls ?? []).map((file) => ({
    filename: String(file.filename),
    sha256: String(file.digests?.sha256 ?? ""),
    packagetype: String(file.packagetype ?? ""),
    uploadTime: new Date(file.upload_time_iso_8601 ?? 0)
  }));
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
    if (skipExisting) return { file, action: "skip existing" };
    throw new DistributionError(
      `${quote(file.filename)} is already on ${indexName} with different contents (index sha256 ${there.sha256}, this file ${file.sha256}).`,
      {
        subject: file.filename,
        hint: "A filename can never be reused on PyPI. Publish a new version, or set `skip-existing: true` to leave the index's file in place."
      }
    );
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
  const oldest = existing.reduce(
    (min, f) => !min || f.uploadTime < min ? f.uploadTime : min,
    void 0
  );
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

export {
  jsonApiBase,
  releaseFiles,
  MAX_RELEASE_AGE_DAYS,
  planIndexUploads
};
