import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  run
} from "./chunks/chunk-PVRTHSEA.js";
import "./chunks/chunk-ICAECVQ7.js";
import "./chunks/chunk-QNUB2DZQ.js";
import "./chunks/chunk-TJIOVZQK.js";
import "./chunks/chunk-DXZHM2GX.js";
import "./chunks/chunk-JCMT7PSU.js";
import "./chunks/chunk-UPFIIRK2.js";
import "./chunks/chunk-JATCWPVQ.js";
import "./chunks/chunk-2VKNWI6A.js";
import "./chunks/chunk-OHTIYD5V.js";

// src/index.ts
await run();
