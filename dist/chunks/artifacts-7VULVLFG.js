import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createArtifactStore,
  requireArtifactService
} from "./chunk-NGHBGG3T.js";
import "./chunk-HRHCSYZH.js";
import "./chunk-OHTIYD5V.js";
export {
  createArtifactStore,
  requireArtifactService
};
