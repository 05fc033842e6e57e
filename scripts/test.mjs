// The one test command: the system tools the tests use (installed when it can), lint,
// typecheck, dist check, then every test; ends with one line "tests: N passed, N failed" that
// CI reads.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { ensureSystemTools } from './system-tools.mjs';

// Before anything else: a run that would end in "spawn /usr/bin/twine ENOENT" minutes later
// stops now, with the command that fixes it.
const unmet = ensureSystemTools();
if (unmet) {
  console.error(unmet);
  process.exit(1);
}

const npmRun = (script) => ['npm', ['run', '-s', script]];
const phases = [
  ['lint', ...npmRun('lint')],
  ['typecheck', ...npmRun('typecheck')],
  ['dist check', ...npmRun('check-dist')],
];
for (const [name, command, args] of phases) {
  console.log(`\n── ${name}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status !== 0) {
    console.error(`\n${name} failed.`);
    process.exit(status ?? 1);
  }
}

console.log('\n── tests');
mkdirSync('.tmp', { recursive: true });
const results = '.tmp/vitest-results.json';
const extra = process.argv.slice(2);
const { status } = spawnSync(
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`, ...extra],
  { stdio: 'inherit' },
);
if (existsSync(results)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(
    readFileSync(results, 'utf8'),
  );
  const skipped = numPendingTests ? `, ${numPendingTests} skipped` : '';
  console.log(`\ntests: ${numPassedTests} passed, ${numFailedTests} failed${skipped}`);
}
process.exit(status ?? 1);
