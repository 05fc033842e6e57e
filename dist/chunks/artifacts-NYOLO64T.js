import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createArtifactStore,
  requireArtifactService
} from "./chunk-NJR3UXEH.js";
import "./chunk-RFMX6665.js";
import "./chunk-B7DKYMDZ.js";
import "./chunk-7R35VGQD.js";
import "./chunk-OHTIYD5V.js";
export {
  createArtifactStore,
  requireArtifactService
};
