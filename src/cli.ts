#!/usr/bin/env node
/**
 * The steps from a terminal: `release-action <step> [--<input> <value>]...`. Inputs have the
 * same names as in action.yml; outputs are printed as `name=value`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeError, InputError } from './core/errors.ts';
import { readSettings, type InputSource } from './config/inputs.ts';
import { consoleIO } from './core/io.ts';
import { runStep } from './main.ts';
import { readRunnerEnv } from './config/runner-env.ts';
import { installProxy } from './http/proxy.ts';

const HELP = `release-action: release Python projects with a signed chain of custody.

Usage: release-action <step> [--<input> <value>]...
       release-action demo        (from a clone of the repository)

Steps (inputs as in action.yml):
  prepare     resolve the tag, check the checkout is its commit, give SOURCE_DATE_EPOCH
  collect     check the wheels and sdists in a folder, record their digests in a manifest
  provenance  sign the recorded digests into SLSA provenance with Sigstore (needs a runner's OIDC token)
  release     upload to the tag's draft GitHub release (needs GITHUB_TOKEN, GITHUB_REPOSITORY)
  publish     upload to PyPI with trusted publishing (in a GitHub job) or --password
  verify      check files against provenance bundles (and .asc signatures against a public key)
  index       write a PEP 503 simple index of the project's GitHub releases

Examples:
  release-action collect --packages-dir dist --upload-artifact false
  release-action collect --packages-dir dist --expected-version v1.2.3 --upload-artifact false
  release-action verify --packages-dir downloads --repository octo-org/octo-repo
  release-action verify --packages-dir downloads --repository octo-org/octo-repo \\
      --workflow release.yml --ref refs/tags/v1.2.3 --asc maintainer.asc
  GITHUB_TOKEN=... GITHUB_REPOSITORY=octo-org/octo-repo release-action index --index-dir site
`;

/** Short names the command line also takes. */
const ALIASES: Record<string, string> = { asc: 'public-key' };

/** Parses `--name value` and `--name=value` pairs into an input source. */
export function parseArgs(args: readonly string[]): InputSource {
  const values = new Map<string, string>();
  const [step, ...rest] = args;
  values.set('step', step ?? '');
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] ?? '';
    if (!arg.startsWith('--')) {
      throw new InputError(`Unexpected argument ${JSON.stringify(arg)}.`, {
        hint: 'Write inputs as --name value.',
      });
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const value = eq > 0 ? arg.slice(eq + 1) : (rest[++i] ?? '');
    values.set(ALIASES[name] ?? name, value);
  }
  // As in a workflow, where `github-token` defaults to the job's token.
  const fallback: Record<string, string | undefined> = { 'github-token': process.env.GITHUB_TOKEN };
  return { get: (name) => values.get(name) ?? fallback[name] ?? '' };
}

/** The demo needs the repository's sandbox, which the bundle does not carry. */
function runDemo(): number {
  const script = join(dirname(fileURLToPath(import.meta.url)), '..', 'scripts', 'demo.ts');
  if (!existsSync(script)) {
    process.stderr.write(
      'error: the demo runs from a clone of the repository: `npm ci && npm run demo`.\n',
    );
    return 1;
  }
  return spawnSync(process.execPath, [script], { stdio: 'inherit' }).status ?? 1;
}

async function main(args: string[]): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (args[0] === 'demo') return runDemo();
  try {
    const io = consoleIO();
    const proxy = installProxy();
    if (proxy) io.info(proxy);
    const settings = readSettings(parseArgs(args));
    await runStep(settings, readRunnerEnv(), io);
    return 0;
  } catch (error) {
    process.stderr.write(`error: ${describeError(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
