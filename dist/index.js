import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  run
} from "./chunks/chunk-DQYMGLTB.js";
import "./chunks/chunk-TIDNN52K.js";
import "./chunks/chunk-TCRO5STL.js";
import "./chunks/chunk-DXZHM2GX.js";
import "./chunks/chunk-JCMT7PSU.js";
import "./chunks/chunk-YBUVEYVE.js";
import "./chunks/chunk-3BWUNFBQ.js";
import "./chunks/chunk-5NX4E7IW.js";
import "./chunks/chunk-OHTIYD5V.js";

// src/index.ts
await run();
