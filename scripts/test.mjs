// The one test command: the system tools the tests use (installed when it can), lint,
// typecheck, dist check, then every test; ends with one line "tests: N passed, N failed" that
// CI reads.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureSystemTools, userNamespaceProblem } from './system-tools.mjs';

// Before anything else: a run that would end in "spawn /usr/bin/twine ENOENT" minutes later
// stops now, with the command that fixes it.
const unmet = ensureSystemTools() ?? userNamespaceProblem();
if (unmet) {
  console.error(unmet);
  process.exit(1);
}

/** Runs an npm script with its output captured, so phases running at once do not interleave. */
function runScript(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ status: 1, output: `${error.message}\n` }));
    child.on('close', (status) => resolve({ status, output: Buffer.concat(output).toString() }));
  });
}

// The three static checks are independent and mostly single-threaded: on two cores they
// take the time of the slowest (typecheck) instead of the sum.
const phases = [
  ['lint', 'lint'],
  ['typecheck', 'typecheck'],
  ['dist check', 'check-dist'],
];
const results = await Promise.all(phases.map(([, script]) => runScript(script)));
let failed;
for (const [i, [name]] of phases.entries()) {
  const { status, output } = results[i];
  console.log(`\n── ${name}`);
  process.stdout.write(output);
  if (status !== 0) failed ??= [name, status ?? 1];
}
if (failed) {
  console.error(`\n${failed[0]} failed.`);
  process.exit(failed[1]);
}

console.log('\n── tests');
mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-results.json';
rmSync(report, { force: true });
const extra = process.argv.slice(2);
const { status } = spawnSync(
  'vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
  // The dist check has just shown dist/ is a fresh bundle: the tests need not bundle again.
  { stdio: 'inherit', env: { ...process.env, RELEASE_ACTION_DIST_CHECKED: '1' } },
);
if (existsSync(report)) {
  const { numPassedTests, numFailedTests, numPendingTests } = JSON.parse(
    readFileSync(report, 'utf8'),
  );
  const skipped = numPendingTests ? `, ${numPendingTests} skipped` : '';
  console.log(`\ntests: ${numPassedTests} passed, ${numFailedTests} failed${skipped}`);
}
process.exit(status ?? 1);
