import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  downloadReleaseAssets
} from "./chunk-UDZUCN3D.js";
import "./chunk-23WPHH56.js";
import "./chunk-35R7A2X5.js";
import "./chunk-CK2J3INV.js";
import "./chunk-SDPQZMNM.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";
export {
  downloadReleaseAssets
};
