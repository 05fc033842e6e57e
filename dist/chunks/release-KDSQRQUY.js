import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  resolveTag,
  runRelease
} from "./chunk-565HNWSP.js";
import "./chunk-MJDWCP55.js";
import "./chunk-E55NZNUL.js";
import "./chunk-H7RKK24I.js";
import "./chunk-WCCNTLSW.js";
import "./chunk-HFTFIOPX.js";
import "./chunk-L53RPPSM.js";
import "./chunk-5F6QULYN.js";
import "./chunk-NRHN4RH4.js";
import "./chunk-RFMX6665.js";
import "./chunk-7R35VGQD.js";
import "./chunk-66RTNL57.js";
import "./chunk-OHTIYD5V.js";
export {
  resolveTag,
  runRelease
};
