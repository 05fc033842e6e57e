import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The tests start dist/index.js hundreds of times: Node's compile cache (keyed by the source's
// hash, so a new bundle is compiled afresh) spares each start most of its parsing. Benchmarks
// run without it, as a runner's first step does.
process.env.NODE_COMPILE_CACHE ??= join(tmpdir(), 'release-action-test-compile-cache');

/** Files that run dist/index.js as child processes (e2e, the corpus): seconds to a minute each. */
const isSlow = (spec: TestSpecification): boolean =>
  /[/\\]__tests__[/\\](e2e[/\\]|corpus[/\\]|bench-smoke\.test\.ts$)/.test(spec.moduleId);

/**
 * Vitest orders files by their last duration, or by size on a first run (CI, a fresh clone).
 * Size puts short files that run for long (the secrets and benchmark smoke tests) last, and a
 * run on two workers then ends with one of them alone: start the end-to-end files first.
 */
class SlowFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted.filter(isSlow), ...sorted.filter((spec) => !isSlow(spec))];
  }
}

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // The end-to-end tests run dist/index.js: bundle first, unless `npm test` has just checked
    // that dist/ is a fresh bundle (scripts/test.mjs sets the variable after the dist check).
    globalSetup: process.env.RELEASE_ACTION_DIST_CHECKED ? [] : ['__tests__/global-setup.ts'],
    sequence: { sequencer: SlowFirst },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One process per worker for every file it runs, not one per file: on two cores the
    // per-file start and re-import of the sandbox and its libraries cost more than a minute.
    isolate: false,
    maxWorkers: 2,
    silent: 'passed-only',
    // @actions/workflow-parser imports its JSON schemas without `with { type: 'json' }`, which
    // Node refuses: let Vite transform it instead of loading it natively.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
