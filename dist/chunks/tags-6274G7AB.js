import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createTagClient,
  notACommit
} from "./chunk-LHVHIKN6.js";
import "./chunk-XYZTIXJ2.js";
import "./chunk-7QYNA57B.js";
import "./chunk-Y37BFEFF.js";
import "./chunk-3MYLBHU6.js";
import "./chunk-742OCXHB.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";
export {
  createTagClient,
  notACommit
};
