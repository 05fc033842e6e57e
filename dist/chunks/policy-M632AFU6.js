import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  expectedIds,
  requireBuiltFromTag,
  tagNow
} from "./chunk-SLS3KFYS.js";
import "./chunk-TAYEINTL.js";
import "./chunk-Z2UNOOO2.js";
import "./chunk-HL2LXZTB.js";
import "./chunk-Y37BFEFF.js";
import "./chunk-SMZQPNOE.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";
export {
  expectedIds,
  requireBuiltFromTag,
  tagNow
};
