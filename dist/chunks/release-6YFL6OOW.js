import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  resolveTag,
  runRelease
} from "./chunk-AIND77SE.js";
import "./chunk-UEAJ7LDC.js";
import "./chunk-4YZOHCVA.js";
import "./chunk-66RTNL57.js";
import "./chunk-22KOBFAV.js";
import "./chunk-C5IQ6YLY.js";
import "./chunk-DXZHM2GX.js";
import "./chunk-JCMT7PSU.js";
import "./chunk-3HA7XPI2.js";
import "./chunk-IIZCUMQI.js";
import "./chunk-KXSCYYGM.js";
import "./chunk-YIME4FDL.js";
import "./chunk-DFNZSLOT.js";
import "./chunk-YBUVEYVE.js";
import "./chunk-5NX4E7IW.js";
import "./chunk-SKE375XS.js";
import "./chunk-3ODTPMX6.js";
import "./chunk-J2I7U6DC.js";
import "./chunk-3BWUNFBQ.js";
import "./chunk-OHTIYD5V.js";
export {
  resolveTag,
  runRelease
};
