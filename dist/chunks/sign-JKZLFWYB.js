import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createSigningSession,
  signStatement
} from "./chunk-VH4JW3PR.js";
import {
  DEFAULT_SIGNING_TIMING,
  PUBLIC_GOOD_ENDPOINTS,
  githubEndpoints
} from "./chunk-MNULP7LO.js";
import "./chunk-NJ4NFAZQ.js";
import "./chunk-3UXAYTZZ.js";
import "./chunk-7VZ5WFJ5.js";
import "./chunk-Q2YJTBFV.js";
import "./chunk-YBYUAAP3.js";
import "./chunk-J2I7U6DC.js";
import "./chunk-JATCWPVQ.js";
import "./chunk-OHTIYD5V.js";
export {
  DEFAULT_SIGNING_TIMING,
  PUBLIC_GOOD_ENDPOINTS,
  createSigningSession,
  githubEndpoints,
  signStatement
};
