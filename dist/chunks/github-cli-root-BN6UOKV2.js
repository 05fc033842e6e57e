import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  GH_OUTPUT_MAX_BYTES,
  GH_TRUSTED_ROOT_TIMEOUT_MS,
  GH_VERSION_TIMEOUT_MS,
  ghHost,
  githubInstances,
  githubRootFromCli,
  parseGhVersion
} from "./chunk-44PFIWGF.js";
import "./chunk-2RB73S4U.js";
import "./chunk-3ODTPMX6.js";
import "./chunk-J2I7U6DC.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";
export {
  GH_OUTPUT_MAX_BYTES,
  GH_TRUSTED_ROOT_TIMEOUT_MS,
  GH_VERSION_TIMEOUT_MS,
  ghHost,
  githubInstances,
  githubRootFromCli,
  parseGhVersion
};
