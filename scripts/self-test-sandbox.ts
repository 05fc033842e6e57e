/**
 * For .github/workflows/self-test.yml: starts the loopback sandbox's package indexes, gives a
 * project an API token on both, writes their URLs and the token to $GITHUB_ENV (or prints them)
 * and keeps serving until the job ends. The action then runs from the checkout (`uses: ./`)
 * against them as it would against TestPyPI and PyPI.
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { startSandbox } from '../sandbox/index.ts';

const sandbox = await startSandbox();
const token = `pypi-${randomBytes(24).toString('hex')}`;
for (const index of [sandbox.testpypi, sandbox.pypi]) {
  index.createProject('hatch-demo');
  index.addApiToken(token);
}
const lines = [
  `SANDBOX_TESTPYPI_UPLOAD=${sandbox.testpypi.uploadUrl}`,
  `SANDBOX_PYPI_UPLOAD=${sandbox.pypi.uploadUrl}`,
  `SANDBOX_PYPI_SIMPLE=${sandbox.pypi.simpleUrl}`,
  `SANDBOX_TOKEN=${token}`,
];
if (process.env.GITHUB_ENV) appendFileSync(process.env.GITHUB_ENV, `${lines.join('\n')}\n`);
else console.log(lines.join('\n'));
// The workflow waits for this file before its first `uses: ./` step.
writeFileSync(process.argv[2] ?? 'sandbox-ready', 'ready\n');
console.log('sandbox: serving until stopped');
process.on('SIGTERM', () => void sandbox.close().then(() => process.exit(0)));
