import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createArtifactStore,
  requireArtifactService
} from "./chunk-GIWUSZIN.js";
import "./chunk-ZQBEXINV.js";
import "./chunk-YBUVEYVE.js";
import "./chunk-3BWUNFBQ.js";
import "./chunk-5NX4E7IW.js";
import "./chunk-OHTIYD5V.js";
export {
  createArtifactStore,
  requireArtifactService
};
