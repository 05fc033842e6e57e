import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  expectedIds,
  requireBuiltFromTag,
  tagNow
} from "./chunk-OXQV6L7V.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";
export {
  expectedIds,
  requireBuiltFromTag,
  tagNow
};
