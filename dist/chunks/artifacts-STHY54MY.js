import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createArtifactStore,
  requireArtifactService
} from "./chunk-GKZYT7SB.js";
import "./chunk-UPFIIRK2.js";
import "./chunk-E63PYZOY.js";
import "./chunk-ZAKUQLGI.js";
import "./chunk-SMZQPNOE.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";
export {
  createArtifactStore,
  requireArtifactService
};
