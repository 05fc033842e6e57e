import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  BundleRejected,
  PROVENANCE_MAX_BYTES,
  verifyProvenanceFile
} from "./chunk-TZNZHIQM.js";
import "./chunk-EK3AXTIU.js";
import "./chunk-NJ4NFAZQ.js";
import "./chunk-3UXAYTZZ.js";
import "./chunk-5WLAUJRA.js";
import "./chunk-Q2YJTBFV.js";
import "./chunk-YBYUAAP3.js";
import "./chunk-J2I7U6DC.js";
import "./chunk-2VKNWI6A.js";
import "./chunk-OHTIYD5V.js";
export {
  BundleRejected,
  PROVENANCE_MAX_BYTES,
  verifyProvenanceFile
};
