import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  expectedIds,
  requireBuiltFromTag,
  tagNow
} from "./chunk-2ZL4TPEK.js";
import "./chunk-TRA2KXV6.js";
import "./chunk-FHUHJIB7.js";
import "./chunk-62MMHEQN.js";
import "./chunk-Y37BFEFF.js";
import "./chunk-U7ZCQZAV.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";
export {
  expectedIds,
  requireBuiltFromTag,
  tagNow
};
