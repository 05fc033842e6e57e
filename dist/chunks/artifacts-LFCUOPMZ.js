import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createArtifactStore,
  requireArtifactService
} from "./chunk-NT2YJEEV.js";
import "./chunk-W5BDAIDM.js";
import "./chunk-UPFIIRK2.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-JATCWPVQ.js";
import "./chunk-OHTIYD5V.js";
export {
  createArtifactStore,
  requireArtifactService
};
