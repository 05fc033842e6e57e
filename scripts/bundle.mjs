// Bundles the action (dist/index.js) and the command line (dist/cli.js) with esbuild.
// Usage: node scripts/bundle.mjs [outdir]   (check-dist bundles into a temporary folder)
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderActionInputs } from './action-inputs.mjs';

const outdir = resolve(process.argv[2] ?? 'dist');
// Chunk names carry content hashes: start clean so no stale chunk stays behind.
rmSync(outdir, { recursive: true, force: true });

/**
 * @actions/core imports its OIDC client (and with it an HTTP stack of ~800 kB) at the top of
 * the module, though the action fetches OIDC tokens itself. Declaring those modules free of
 * side effects lets esbuild drop them from the entry chunk: a faster cold start for every step.
 */
const dropUnusedCoreHttp = {
  name: 'drop-unused-core-http',
  setup(b) {
    b.onResolve({ filter: /oidc-utils\.js$/ }, async (args) => {
      if (args.pluginData?.skip || !args.importer.includes('@actions/core')) return undefined;
      const result = await b.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: { skip: true },
      });
      return { ...result, sideEffects: false };
    });
  },
};

/**
 * The bundles embed action.yml's inputs (the unknown-input check, `<step> --help`) rendered
 * from action.yml itself at build time, whatever the committed src/config/action-inputs.ts says;
 * __tests__/action-yml.test.ts keeps that file current for the type checker and unit tests.
 */
const embedActionInputs = {
  name: 'embed-action-inputs',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]config[\\/]action-inputs\.ts$/ }, () => ({
      contents: renderActionInputs(readFileSync('action.yml', 'utf8')),
      loader: 'ts',
    }));
  },
};

/**
 * Node builds the ES module face of `node:http` and `node:https` by reading every export, and
 * reading `WebSocket` loads Node's whole fetch implementation (undici): about 60 ms of CPU at
 * every start, for steps that never fetch too. Taken with require(), they give only what is read.
 */
const requireHttp = {
  name: 'require-node-http',
  setup(b) {
    b.onResolve({ filter: /^(node:)?https?$/ }, (args) =>
      args.namespace === 'require-node-http'
        ? { path: args.path, external: true }
        : { path: args.path.replace(/^node:/, ''), namespace: 'require-node-http' },
    );
    b.onLoad({ filter: /.*/, namespace: 'require-node-http' }, (args) => ({
      contents: `module.exports = require('node:${args.path}');`,
      loader: 'js',
    }));
  },
};

await build({
  plugins: [dropUnusedCoreHttp, embedActionInputs, requireHttp],
  // The hashing thread is an entry of its own: hash-pool.ts starts it from dist/.
  entryPoints: {
    index: 'src/index.ts',
    cli: 'src/cli.ts',
    'hash-worker': 'src/digests/hash-worker.ts',
  },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node24',
  format: 'esm',
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
  // hash-wasm's CommonJS build holds every algorithm; its ES module build lets the bundle keep
  // only BLAKE2b.
  // make-fetch-happen (an HTTP cache, proxy agents, 1.4 MB) is what @sigstore/sign fetches
  // with; signing needs one plain request at a time, which Node's fetch does
  // (src/provenance/sigstore-fetch.ts).
  alias: {
    'hash-wasm': 'hash-wasm/dist/index.esm.js',
    'make-fetch-happen': './src/provenance/sigstore-fetch.ts',
  },
  // Some dependencies are CommonJS and call require(): give the ESM bundle one.
  banner: {
    js: "import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);",
  },
});
