import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  RATE_LIMIT_RETRIES,
  REQUEST_TIMEOUT_MS,
  createOctokit,
  createReleaseClient
} from "./chunk-QQSLI7RL.js";
import "./chunk-PYKEOSMR.js";
import "./chunk-OHTIYD5V.js";
export {
  RATE_LIMIT_RETRIES,
  REQUEST_TIMEOUT_MS,
  createOctokit,
  createReleaseClient
};
