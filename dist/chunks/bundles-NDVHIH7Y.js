import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  BundleRejected,
  PROVENANCE_MAX_BYTES,
  verifyProvenanceFile
} from "./chunk-TMA7E7F2.js";
import "./chunk-ATIOSRSC.js";
import "./chunk-NJ4NFAZQ.js";
import "./chunk-5A6J3NFV.js";
import "./chunk-6IQSNQSL.js";
import "./chunk-Q2YJTBFV.js";
import "./chunk-YBYUAAP3.js";
import "./chunk-J2I7U6DC.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-JATCWPVQ.js";
import "./chunk-OHTIYD5V.js";
export {
  BundleRejected,
  PROVENANCE_MAX_BYTES,
  verifyProvenanceFile
};
