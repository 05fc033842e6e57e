import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  run
} from "./chunks/chunk-GSM53CPU.js";
import "./chunks/chunk-ICAECVQ7.js";
import "./chunks/chunk-N4DL4DBH.js";
import "./chunks/chunk-DXZHM2GX.js";
import "./chunks/chunk-AFO7ECMN.js";
import "./chunks/chunk-UPFIIRK2.js";
import "./chunks/chunk-QPC3R6K2.js";
import "./chunks/chunk-JATCWPVQ.js";
import "./chunks/chunk-OHTIYD5V.js";

// src/index.ts
await run();
