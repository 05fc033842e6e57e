import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  run
} from "./chunks/chunk-5CSPMQD6.js";
import "./chunks/chunk-TIDNN52K.js";
import "./chunks/chunk-H7363ZYT.js";
import "./chunks/chunk-DXZHM2GX.js";
import "./chunks/chunk-JCMT7PSU.js";
import "./chunks/chunk-YBUVEYVE.js";
import "./chunks/chunk-HRHCSYZH.js";
import "./chunks/chunk-OHTIYD5V.js";

// src/index.ts
await run();
