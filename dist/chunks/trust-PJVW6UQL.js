import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  GITHUB_ORGANIZATION,
  GITHUB_ROOT_HINT,
  PUBLIC_GOOD_ORGANIZATION,
  UnknownInstance,
  instanceFor,
  jsonDocuments,
  loadTrustMaterial,
  parseTrustedRoots,
  resolveInstance,
  toInstance
} from "./chunk-2RB73S4U.js";
import "./chunk-3ODTPMX6.js";
import "./chunk-J2I7U6DC.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";
export {
  GITHUB_ORGANIZATION,
  GITHUB_ROOT_HINT,
  PUBLIC_GOOD_ORGANIZATION,
  UnknownInstance,
  instanceFor,
  jsonDocuments,
  loadTrustMaterial,
  parseTrustedRoots,
  resolveInstance,
  toInstance
};
