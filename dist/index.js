import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  run
} from "./chunks/chunk-6CQDRUX3.js";
import "./chunks/chunk-5FALQLYZ.js";
import "./chunks/chunk-5IG3P2IY.js";
import "./chunks/chunk-52HDB445.js";
import "./chunks/chunk-JCMT7PSU.js";
import "./chunks/chunk-RFMX6665.js";
import "./chunks/chunk-HRHCSYZH.js";
import "./chunks/chunk-OHTIYD5V.js";

// src/index.ts
await run();
