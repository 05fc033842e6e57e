import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  BundleRejected,
  PROVENANCE_MAX_BYTES,
  verifyProvenanceFile
} from "./chunk-EWUW3HEL.js";
import "./chunk-SKE375XS.js";
import "./chunk-22KOBFAV.js";
import "./chunk-3ODTPMX6.js";
import "./chunk-J2I7U6DC.js";
import "./chunk-5NX4E7IW.js";
import "./chunk-OHTIYD5V.js";
export {
  BundleRejected,
  PROVENANCE_MAX_BYTES,
  verifyProvenanceFile
};
