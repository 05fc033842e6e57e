import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-OHTIYD5V.js";

// require-node-http:http
var require_http = __commonJS({
  "require-node-http:http"(exports, module) {
    module.exports = __require("node:http");
  }
});

export {
  require_http
};
