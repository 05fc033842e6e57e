import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);

// src/provenance/endpoints.ts
var DEFAULT_SIGNING_TIMING = {
  timeoutMs: 3e4,
  retries: 3,
  minRetryDelayMs: 1e3
};
var PUBLIC_GOOD_ENDPOINTS = {
  fulcioUrl: "https://fulcio.sigstore.dev",
  rekorUrl: "https://rekor.sigstore.dev"
};
function githubEndpoints(serverUrl) {
  const host = new URL(serverUrl).hostname;
  if (host === "github.com") {
    return { fulcioUrl: "https://fulcio.githubapp.com", tsaUrl: "https://timestamp.githubapp.com" };
  }
  return { fulcioUrl: `https://fulcio.${host}`, tsaUrl: `https://timestamp.${host}` };
}

export {
  DEFAULT_SIGNING_TIMING,
  PUBLIC_GOOD_ENDPOINTS,
  githubEndpoints
};
