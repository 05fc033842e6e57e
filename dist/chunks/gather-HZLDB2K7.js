import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  checkAgainstManifests,
  checkAttribution,
  gatherFromArtifacts,
  globToRegExp,
  manifestsOfThisJob,
  readManifestFile
} from "./chunk-3HA7XPI2.js";
import "./chunk-IIZCUMQI.js";
import "./chunk-KXSCYYGM.js";
import "./chunk-YIME4FDL.js";
import "./chunk-DFNZSLOT.js";
import "./chunk-YBUVEYVE.js";
import "./chunk-5NX4E7IW.js";
import "./chunk-3BWUNFBQ.js";
import "./chunk-OHTIYD5V.js";
export {
  checkAgainstManifests,
  checkAttribution,
  gatherFromArtifacts,
  globToRegExp,
  manifestsOfThisJob,
  readManifestFile
};
