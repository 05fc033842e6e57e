import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // The end-to-end tests run dist/index.js: bundle first, unless `npm test` has just checked
    // that dist/ is a fresh bundle (scripts/test.mjs sets the variable after the dist check).
    globalSetup: process.env.RELEASE_ACTION_DIST_CHECKED ? [] : ['__tests__/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    silent: 'passed-only',
  },
});
