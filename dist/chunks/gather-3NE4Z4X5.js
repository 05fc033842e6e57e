import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  checkAgainstManifests,
  checkAttribution,
  gatherFromArtifacts,
  globToRegExp,
  manifestsOfThisJob,
  readManifestFile
} from "./chunk-JDVCH4BG.js";
import "./chunk-4RXQAJ5B.js";
import "./chunk-RYOVELRR.js";
import "./chunk-35R7A2X5.js";
import "./chunk-CK2J3INV.js";
import "./chunk-43E5VB6N.js";
import "./chunk-UPFIIRK2.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";
export {
  checkAgainstManifests,
  checkAttribution,
  gatherFromArtifacts,
  globToRegExp,
  manifestsOfThisJob,
  readManifestFile
};
