import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  resolveTag,
  runRelease
} from "./chunk-VRGNZWBG.js";
import "./chunk-EWUW3HEL.js";
import "./chunk-SKE375XS.js";
import "./chunk-K6WIBG7A.js";
import "./chunk-66RTNL57.js";
import "./chunk-22KOBFAV.js";
import "./chunk-3ODTPMX6.js";
import "./chunk-J2I7U6DC.js";
import "./chunk-TCRO5STL.js";
import "./chunk-DXZHM2GX.js";
import "./chunk-JCMT7PSU.js";
import "./chunk-IRFH4GJY.js";
import "./chunk-73KD7FCS.js";
import "./chunk-MYQJRFGH.js";
import "./chunk-DFNZSLOT.js";
import "./chunk-3CHWS54E.js";
import "./chunk-YBUVEYVE.js";
import "./chunk-3BWUNFBQ.js";
import "./chunk-5NX4E7IW.js";
import "./chunk-OHTIYD5V.js";
export {
  resolveTag,
  runRelease
};
