import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  checkAgainstManifests,
  checkAttribution,
  gatherFromArtifacts,
  globToRegExp,
  manifestsOfThisJob,
  readManifestFile
} from "./chunk-23ZB5YSY.js";
import "./chunk-IIZCUMQI.js";
import "./chunk-XULSOZ5H.js";
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
