import { execFileSync } from 'node:child_process';

/**
 * The end-to-end tests run dist/index.js as the runner does; bundle first so a test run never
 * exercises a stale bundle (`npm test` separately checks the committed dist/ is current).
 */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { stdio: 'inherit' });
}
