#!/usr/bin/env node
/**
 * The steps from a terminal: `release-action <step> [--<input> <value>]...`. Inputs have the
 * same names as in action.yml; outputs are printed as `name=value`. Exit codes: 0 the step
 * succeeded, 1 it failed (bad input value, a file that failed verification, a service error),
 * 2 the command line was wrong (unknown step or option, a missing value).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeError } from './core/errors.ts';
import { readSettings, type StepName } from './config/inputs.ts';
import { commandLineInputs, parseCommandLine, UsageError } from './config/command-line.ts';
import { stepHelp } from './config/step-inputs.ts';
import { cellText, consoleIO, type StepIO } from './core/io.ts';
import { runStep } from './main.ts';
import { readRunnerEnv } from './config/runner-env.ts';
import { installProxy } from './http/proxy.ts';

const SUMMARIES: Record<StepName, string> = {
  prepare: 'resolve the tag, check the checkout is its commit, give SOURCE_DATE_EPOCH',
  collect: 'check the wheels and sdists in a folder, record their digests in a manifest',
  provenance:
    "sign the recorded digests into SLSA provenance with Sigstore (needs a runner's OIDC token)",
  release: "upload to the tag's draft GitHub release (needs GITHUB_TOKEN, GITHUB_REPOSITORY)",
  publish: 'upload to PyPI with trusted publishing (in a GitHub job) or --password',
  verify: 'check files against provenance bundles (and .asc signatures against a public key)',
  index: "write a PEP 503 simple index of the project's GitHub releases",
  sign: "on the maintainer's machine: verify the draft and add .asc signatures with local gpg",
};

const SIGN_HELP = `Usage: release-action sign --tag <tag> [--repository <owner/name>] [--local-user <key>]
                         [--trusted-root <file>] [--workflow <file>]

On the maintainer's machine: downloads the assets of the tag's draft release, verifies every
distribution against the provenance (signature, this repository's workflow and ids, built from
the tag's current commit) and refuses if anything fails; then signs each distribution and the
provenance with your local gpg (its agent, so pinentry and smartcards work) and uploads the
<file>.asc signatures to the draft. A <file>.asc already on the draft is checked first against
the signing key's public key: a file it verifies is not signed again (a re-run asks for no
passphrase or smartcard touch), and one by another key or that does not verify is refused
before anything is signed. A published immutable release is refused.

  --tag           the release tag, e.g. v1.2.3 (required)
  --repository    owner/name (default: GITHUB_REPOSITORY)
  --local-user    the gpg key to sign with (default: gpg's default key)
  --trusted-root  a Sigstore trusted root JSON (private Sigstore instances)
  --workflow      also require provenance signed by this workflow, e.g. release.yml

Needs GITHUB_TOKEN with write access to the repository's releases (drafts are private), e.g.
  GITHUB_TOKEN=$(gh auth token) release-action sign --repository octo-org/octo-repo --tag v1.2.3

Environment:
  GITHUB_API_URL     the GitHub API to use (default: https://api.github.com); GitHub Enterprise
                     Server: https://HOSTNAME/api/v3, with GITHUB_SERVER_URL=https://HOSTNAME
  GITHUB_SERVER_URL  the server whose workflow must have signed (default: https://github.com)
The repository and owner ids the provenance's certificates must carry are asked from
GITHUB_API_URL (or taken from GITHUB_REPOSITORY_ID and GITHUB_REPOSITORY_OWNER_ID when both are
set for the same repository); sign has no --repository-id.
Consumers check the signatures with: release-action verify --asc maintainer.asc, or gpg --verify.
`;

const HELP = `release-action: release Python projects with a signed chain of custody.

Usage: release-action <step> [--<input> <value>]...
       release-action <step> --help     (that step's inputs, descriptions and defaults)
       release-action demo              (from a clone of the repository)

Steps (inputs as in action.yml):
${Object.entries(SUMMARIES)
  .map(([step, text]) => `  ${step.padEnd(10)}  ${text}`)
  .join('\n')}

Examples:
  release-action collect --packages-dir dist --upload-artifact false
  release-action collect --packages-dir dist --expected-version v1.2.3 --upload-artifact false
  release-action verify --packages-dir downloads --repository octo-org/octo-repo
  release-action verify --packages-dir downloads --repository octo-org/octo-repo \\
      --workflow release.yml --ref refs/tags/v1.2.3 --asc maintainer.asc --json
  GITHUB_TOKEN=... GITHUB_REPOSITORY=octo-org/octo-repo release-action index --index-dir site

verify --json prints one JSON object per file on stdout (file, sha256, verified, detail);
everything else goes to stderr.

Exit codes: 0 the step succeeded; 1 it failed (a bad input value, a file that failed
verification, a service error); 2 the command line was wrong (unknown step or option, an
option without its value).
`;

/** Options only the command line's verify has. */
const VERIFY_OPTIONS = [
  ['--json', 'print one JSON object per file on stdout: {file, sha256, verified, detail}.'],
  ['--asc <key>', 'the same as --public-key.'],
] as const;

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

/** One verdict per file, gathered from what verify reports, printed as JSON lines. */
function jsonVerdicts(): { io: StepIO; print(): void } {
  const human = consoleIO((line) => process.stderr.write(`${line}\n`));
  let rows: string[][] = [];
  let verified = new Set<string>();
  return {
    io: {
      ...human,
      setOutput: (name, value) => {
        if (name === 'verified') verified = new Set(JSON.parse(value) as string[]);
      },
      async summaryTable(heading, table) {
        rows = table.slice(1).map((row) => row.map(cellText));
        await human.summaryTable(heading, table);
      },
    },
    print() {
      for (const [file = '', sha256 = '', detail = ''] of rows) {
        const verdict = { file, sha256, verified: verified.has(file), detail };
        process.stdout.write(`${JSON.stringify(verdict)}\n`);
      }
    },
  };
}

async function main(args: string[]): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === '-h' || args[0] === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (args[0] === 'demo') return runDemo();
  if (args[0] === 'sign' && (args.includes('--help') || args.includes('-h'))) {
    process.stdout.write(SIGN_HELP);
    return 0;
  }
  let json: ReturnType<typeof jsonVerdicts> | undefined;
  try {
    const line = parseCommandLine(args);
    if (line.help) {
      const extras = line.step === 'verify' ? VERIFY_OPTIONS : [];
      process.stdout.write(stepHelp(line.step, `${line.step}: ${SUMMARIES[line.step]}.`, extras));
      return 0;
    }
    const settings = readSettings(commandLineInputs(line, process.env));
    json = line.json ? jsonVerdicts() : undefined;
    const io = json?.io ?? consoleIO();
    const proxy = installProxy();
    if (proxy) io.info(proxy);
    await runStep(settings, readRunnerEnv(), io);
    return 0;
  } catch (error) {
    process.stderr.write(`error: ${describeError(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  } finally {
    json?.print();
  }
}

process.exitCode = await main(process.argv.slice(2));
