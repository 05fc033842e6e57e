import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  run
} from "./chunks/chunk-XLVCJAMG.js";
import "./chunks/chunk-H7RKK24I.js";
import "./chunks/chunk-WCCNTLSW.js";
import "./chunks/chunk-RFMX6665.js";
import "./chunks/chunk-7R35VGQD.js";
import "./chunks/chunk-OHTIYD5V.js";

// src/index.ts
await run();
