import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createArtifactStore,
  requireArtifactService
} from "./chunk-26QQ7UK3.js";
import "./chunk-DROAMEN7.js";
import "./chunk-B7DKYMDZ.js";
import "./chunk-RFMX6665.js";
import "./chunk-7R35VGQD.js";
import "./chunk-PYKEOSMR.js";
import "./chunk-OHTIYD5V.js";
export {
  createArtifactStore,
  requireArtifactService
};
