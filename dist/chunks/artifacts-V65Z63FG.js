import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createArtifactStore,
  requireArtifactService
} from "./chunk-JSC7QECI.js";
import "./chunk-NYE4NNQL.js";
import "./chunk-YBUVEYVE.js";
import "./chunk-HRHCSYZH.js";
import "./chunk-OHTIYD5V.js";
export {
  createArtifactStore,
  requireArtifactService
};
