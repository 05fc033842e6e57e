import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  resolveTag,
  runRelease
} from "./chunk-GSDO2Q53.js";
import "./chunk-LVXSNTFB.js";
import "./chunk-UPGYGERR.js";
import "./chunk-5IG3P2IY.js";
import "./chunk-52HDB445.js";
import "./chunk-JCMT7PSU.js";
import "./chunk-DJDYQUZK.js";
import "./chunk-L53RPPSM.js";
import "./chunk-JZIFOOZM.js";
import "./chunk-DFNZSLOT.js";
import "./chunk-L7ARD6X2.js";
import "./chunk-RFMX6665.js";
import "./chunk-HRHCSYZH.js";
import "./chunk-66RTNL57.js";
import "./chunk-OHTIYD5V.js";
export {
  resolveTag,
  runRelease
};
