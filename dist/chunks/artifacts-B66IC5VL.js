import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createArtifactStore,
  requireArtifactService
} from "./chunk-CUGYH44J.js";
import "./chunk-BOQ5EJBF.js";
import "./chunk-B7DKYMDZ.js";
import "./chunk-GBGIRKK7.js";
import "./chunk-RFMX6665.js";
import "./chunk-HRHCSYZH.js";
import "./chunk-PYKEOSMR.js";
import "./chunk-OHTIYD5V.js";
export {
  createArtifactStore,
  requireArtifactService
};
