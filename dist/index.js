import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  run
} from "./chunks/chunk-UWOHQR63.js";
import "./chunks/chunk-6N7IW525.js";
import "./chunks/chunk-QCTR3FJ2.js";
import "./chunks/chunk-AFO7ECMN.js";
import "./chunks/chunk-MNULP7LO.js";
import "./chunks/chunk-DD5KWBM2.js";
import "./chunks/chunk-GWEJQHBX.js";
import "./chunks/chunk-5PYYBJ6L.js";
import "./chunks/chunk-UPFIIRK2.js";
import "./chunks/chunk-742OCXHB.js";
import "./chunks/chunk-QPC3R6K2.js";
import "./chunks/chunk-W3DSJ3DT.js";
import "./chunks/chunk-OHTIYD5V.js";

// src/index.ts
await run();
