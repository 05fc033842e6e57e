import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-OHTIYD5V.js";

// require-node-http:https
var require_https = __commonJS({
  "require-node-http:https"(exports, module) {
    module.exports = __require("node:https");
  }
});

export {
  require_https
};
