import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createArtifactStore,
  requireArtifactService
} from "./chunk-MBVLQB5L.js";
import "./chunk-W5BDAIDM.js";
import "./chunk-UPFIIRK2.js";
import "./chunk-2VKNWI6A.js";
import "./chunk-JATCWPVQ.js";
import "./chunk-OHTIYD5V.js";
export {
  createArtifactStore,
  requireArtifactService
};
