import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createSigningSession,
  signStatement
} from "./chunk-JCEKFEBW.js";
import "./chunk-NJ4NFAZQ.js";
import "./chunk-AVT3NGYN.js";
import "./chunk-7VZ5WFJ5.js";
import "./chunk-3ODTPMX6.js";
import "./chunk-J2I7U6DC.js";
import {
  DEFAULT_SIGNING_TIMING,
  PUBLIC_GOOD_ENDPOINTS,
  githubEndpoints
} from "./chunk-MNULP7LO.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";
export {
  DEFAULT_SIGNING_TIMING,
  PUBLIC_GOOD_ENDPOINTS,
  createSigningSession,
  githubEndpoints,
  signStatement
};
