import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  checkAgainstManifests,
  checkAttribution,
  gatherFromArtifacts,
  globToRegExp,
  manifestsOfThisJob,
  readManifestFile
} from "./chunk-BPRU5YID.js";
import "./chunk-M355GOE4.js";
import "./chunk-CMZXHTQP.js";
import "./chunk-35R7A2X5.js";
import "./chunk-MYNWYLIV.js";
import "./chunk-43E5VB6N.js";
import "./chunk-UPFIIRK2.js";
import "./chunk-2VKNWI6A.js";
import "./chunk-JATCWPVQ.js";
import "./chunk-OHTIYD5V.js";
export {
  checkAgainstManifests,
  checkAttribution,
  gatherFromArtifacts,
  globToRegExp,
  manifestsOfThisJob,
  readManifestFile
};
