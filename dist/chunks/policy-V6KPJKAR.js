import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  expectedIds,
  requireBuiltFromTag,
  tagNow
} from "./chunk-KQ7G2JZT.js";
import "./chunk-OEWU67NL.js";
import "./chunk-QQSLI7RL.js";
import "./chunk-2QPAFRDZ.js";
import "./chunk-PYKEOSMR.js";
import "./chunk-JATCWPVQ.js";
import "./chunk-2VKNWI6A.js";
import "./chunk-OHTIYD5V.js";
export {
  expectedIds,
  requireBuiltFromTag,
  tagNow
};
