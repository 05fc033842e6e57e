import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  loadTrustMaterial
} from "./chunk-UW2IW7YJ.js";
import "./chunk-5WLAUJRA.js";
import "./chunk-Q2YJTBFV.js";
import "./chunk-YBYUAAP3.js";
import "./chunk-J2I7U6DC.js";
import "./chunk-JATCWPVQ.js";
import "./chunk-2VKNWI6A.js";
import "./chunk-OHTIYD5V.js";
export {
  loadTrustMaterial
};
