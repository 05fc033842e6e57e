import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  run
} from "./chunks/chunk-QAC7W4F4.js";
import "./chunks/chunk-7DJHBSF3.js";
import "./chunks/chunk-WCCNTLSW.js";
import "./chunks/chunk-RFMX6665.js";
import "./chunks/chunk-7R35VGQD.js";
import "./chunks/chunk-OHTIYD5V.js";

// src/index.ts
await run();
