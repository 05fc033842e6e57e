import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createArtifactStore,
  requireArtifactService
} from "./chunk-P6AGHBZ5.js";
import "./chunk-5PYYBJ6L.js";
import "./chunk-UPFIIRK2.js";
import "./chunk-3MYLBHU6.js";
import "./chunk-742OCXHB.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";
export {
  createArtifactStore,
  requireArtifactService
};
