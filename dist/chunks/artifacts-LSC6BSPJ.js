import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createArtifactStore,
  requireArtifactService
} from "./chunk-6INCENJK.js";
import "./chunk-UPFIIRK2.js";
import "./chunk-OO5BCONN.js";
import "./chunk-K7Z6EQMC.js";
import "./chunk-U7ZCQZAV.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";
export {
  createArtifactStore,
  requireArtifactService
};
