import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  BundleRejected,
  PROVENANCE_MAX_BYTES,
  readProvenanceStatements,
  verifyProvenanceFile
} from "./chunk-IIYE52FI.js";
import "./chunk-NJ4NFAZQ.js";
import "./chunk-AVT3NGYN.js";
import "./chunk-2RB73S4U.js";
import "./chunk-3ODTPMX6.js";
import "./chunk-J2I7U6DC.js";
import "./chunk-5PYYBJ6L.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";
export {
  BundleRejected,
  PROVENANCE_MAX_BYTES,
  readProvenanceStatements,
  verifyProvenanceFile
};
