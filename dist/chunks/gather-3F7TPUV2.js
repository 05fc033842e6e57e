import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  checkAgainstManifests,
  checkAttribution,
  gatherFromArtifacts,
  globToRegExp,
  manifestsOfThisJob,
  readManifestFile
} from "./chunk-IRFH4GJY.js";
import "./chunk-73KD7FCS.js";
import "./chunk-MYQJRFGH.js";
import "./chunk-DFNZSLOT.js";
import "./chunk-3CHWS54E.js";
import "./chunk-YBUVEYVE.js";
import "./chunk-3BWUNFBQ.js";
import "./chunk-5NX4E7IW.js";
import "./chunk-OHTIYD5V.js";
export {
  checkAgainstManifests,
  checkAttribution,
  gatherFromArtifacts,
  globToRegExp,
  manifestsOfThisJob,
  readManifestFile
};
