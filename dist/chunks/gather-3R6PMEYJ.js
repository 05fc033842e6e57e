import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  checkAgainstManifests,
  checkAttribution,
  gatherFromArtifacts,
  globToRegExp,
  manifestsOfThisJob,
  readManifestFile
} from "./chunk-76FO77D6.js";
import "./chunk-324XPLJK.js";
import "./chunk-CMZXHTQP.js";
import "./chunk-NTDATABM.js";
import "./chunk-35R7A2X5.js";
import "./chunk-43E5VB6N.js";
import "./chunk-UPFIIRK2.js";
import "./chunk-JATCWPVQ.js";
import "./chunk-2VKNWI6A.js";
import "./chunk-OHTIYD5V.js";
export {
  checkAgainstManifests,
  checkAttribution,
  gatherFromArtifacts,
  globToRegExp,
  manifestsOfThisJob,
  readManifestFile
};
