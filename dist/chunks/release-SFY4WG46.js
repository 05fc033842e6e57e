import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  resolveTag,
  runRelease
} from "./chunk-IPZAK3OV.js";
import "./chunk-KPI7MNMU.js";
import "./chunk-UPGYGERR.js";
import "./chunk-66RTNL57.js";
import "./chunk-J3KENA2C.js";
import "./chunk-DXZHM2GX.js";
import "./chunk-52HDB445.js";
import "./chunk-JCMT7PSU.js";
import "./chunk-MVRT4KM6.js";
import "./chunk-VKI3T26W.js";
import "./chunk-J2I7U6DC.js";
import "./chunk-JZIFOOZM.js";
import "./chunk-DFNZSLOT.js";
import "./chunk-F735GDYB.js";
import "./chunk-HRHCSYZH.js";
import "./chunk-OHTIYD5V.js";
export {
  resolveTag,
  runRelease
};
