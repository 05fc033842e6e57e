import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  resolveTag,
  runRelease
} from "./chunk-5BAKXSXO.js";
import "./chunk-KPI7MNMU.js";
import "./chunk-UPGYGERR.js";
import "./chunk-66RTNL57.js";
import "./chunk-H7363ZYT.js";
import "./chunk-DXZHM2GX.js";
import "./chunk-JCMT7PSU.js";
import "./chunk-N44XN3MU.js";
import "./chunk-VKI3T26W.js";
import "./chunk-J2I7U6DC.js";
import "./chunk-JZIFOOZM.js";
import "./chunk-DFNZSLOT.js";
import "./chunk-YKX6PGQK.js";
import "./chunk-YBUVEYVE.js";
import "./chunk-HRHCSYZH.js";
import "./chunk-OHTIYD5V.js";
export {
  resolveTag,
  runRelease
};
