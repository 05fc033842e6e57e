/**
 * `step: verify` (and `release-action verify`) — checks distributions against provenance
 * bundles: signature, transparency log or timestamp, signer identity, subject digests; and
 * `.asc` signatures against a public key. One line per file; fails if any file fails.
 */
import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { ChainOfCustodyError, InputError } from '../core/errors.ts';
import type { VerifySettings } from '../config/inputs.ts';
import type { StepIO } from '../core/io.ts';
import { ascProblem, readArmoredPublicKey } from '../provenance/gpg-verify.ts';
import type { RunnerEnv } from '../config/runner-env.ts';
import { quote } from '../core/text.ts';
import { BundleRejected, verifyProvenanceFile, type VerifiedBundle } from '../verify/bundles.ts';
import { matchFilesToSubjects, type FileVerdict } from '../custody/verify-files.ts';
import type { IdentityPolicy } from '../verify/identity.ts';
import { oidcIssuerFor } from '../config/runner-env.ts';
import { loadTrustMaterial } from '../verify/trust.ts';
import { githubRootFromCli } from '../verify/github-cli-root.ts';
import type { GitData } from '../github/git-data.ts';
import { expectedIds, tagNow } from '../verify/policy.ts';
import { loadTagSigners, requireSignedTag } from '../verify/tag-signature.ts';
import { listDistributionFiles, resolveWorkspaceDir } from '../core/workspace-files.ts';

export interface VerifyOutcome {
  verdicts: FileVerdict[];
  rejected: BundleRejected[];
}

export interface VerifyDeps {
  io: StepIO;
  /** GitHub's git data for the repository that signed (`repository`, else the running one). */
  git: GitData;
}

/** Verifies and reports; throws when any file is not covered or any signature fails. */
export async function runVerify(
  settings: VerifySettings,
  env: RunnerEnv,
  { io, git }: VerifyDeps,
): Promise<VerifyOutcome> {
  const repository = settings.repository ?? env.repository;
  if (!repository) {
    throw new InputError('Input "repository" is required outside a GitHub Actions run.', {
      subject: 'repository',
      hint: 'Pass the repository whose workflow signed the files, e.g. `--repository octo-org/octo-repo`.',
    });
  }
  const dir = await resolveWorkspaceDir('packages-dir', settings.packagesDir, env.workspace);
  const files = await listDistributionFiles(dir, 'packages-dir');
  const provenance =
    settings.provenance.length > 0
      ? settings.provenance.map((p) => resolve(env.workspace, p))
      : await findProvenance(dir);
  // The server that signed: its OIDC issuer differs on GHE.com and GitHub Enterprise Server.
  const serverUrl = settings.serverUrl ?? env.serverUrl;
  const policy: IdentityPolicy = {
    serverUrl,
    issuer: oidcIssuerFor(serverUrl),
    repository,
  };
  if (settings.workflow) policy.workflow = settings.workflow;
  if (settings.ref) policy.ref = settings.ref;
  // GitHub as it is now: the repository's ids, and where the tag points (and who signed it).
  const ids = await expectedIds(env, repository, settings.repositoryId, git);
  policy.repositoryId = ids.repositoryId;
  if (ids.ownerId) policy.ownerId = ids.ownerId;
  if (settings.ref?.startsWith('refs/tags/')) {
    const tag = await tagNow(git, repository, settings.ref.slice(10));
    policy.commit = tag.commit;
    if (settings.tagSigners.length > 0) {
      const signers = await loadTagSigners(settings.tagSigners, env.workspace);
      const signer = await requireSignedTag(tag, signers, 'Do not install or publish its files.');
      io.info(`✔ tag ${tag.tag} is signed by ${signer}`);
    }
  } else if (settings.tagSigners.length > 0) {
    throw new InputError('Input "tag-signers" needs the tag: pass `ref: refs/tags/<tag>`.', {
      subject: 'ref',
      hint: 'For example `--ref refs/tags/v1.2.3 --tag-signers maintainer.asc`.',
    });
  }

  const trust = await loadTrustMaterial(
    settings.trustedRoot,
    join(env.runnerTemp, 'release-action', 'tuf'),
    (message) => io.warning(message),
    githubRootFromCli({
      serverUrl,
      token: settings.githubToken,
      info: (line) => io.info(line),
    }),
  );
  const { bundles, rejected } = await verifyAll(provenance, trust, policy);
  for (const bundle of bundles)
    io.info(
      `✔ ${basename(bundle.source)}: signed by ${bundle.signer.buildConfigUri || bundle.signer.subjectAlternativeName}`,
    );
  for (const reject of rejected) io.warning(`✘ ${reject.message}`);

  const verdicts = await matchFilesToSubjects(files, bundles);
  if (settings.publicKey) await checkSignatures(settings.publicKey, verdicts, env.workspace);
  for (const verdict of verdicts) {
    io.info(
      verdict.problem
        ? `✘ ${verdict.filename}: ${verdict.problem}`
        : `✔ ${verdict.filename}: verified by ${basename(verdict.coveredBy ?? '')}`,
    );
  }
  await io.summaryTable('Verification', [
    ['File', 'SHA-256', 'Result'],
    ...verdicts.map((v) => [
      v.filename,
      v.sha256,
      v.problem ?? `verified by ${basename(v.coveredBy ?? '')}`,
    ]),
  ]);
  const failed = verdicts.filter((v) => v.problem);
  io.setOutput(
    'verified',
    JSON.stringify(verdicts.filter((v) => !v.problem).map((v) => v.filename)),
  );
  if (failed.length > 0 || rejected.length > 0) {
    const names = failed.map((v) => quote(v.filename)).join(', ');
    throw new ChainOfCustodyError(
      failed.length > 0
        ? `${failed.length} of ${verdicts.length} file(s) failed verification: ${names}.`
        : `${rejected.length} provenance file(s) failed verification.`,
      {
        hint: `Do not install or publish these files. Expected signer: workflows of ${repository}${settings.workflow ? ` (${settings.workflow})` : ''}.`,
      },
    );
  }
  io.result(
    `${verdicts.length} file(s) verified against ${bundles.length} provenance bundle(s) signed by ${repository}`,
  );
  return { verdicts, rejected };
}

async function findProvenance(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.intoto.jsonl')).sort();
  if (names.length === 0) {
    throw new ChainOfCustodyError(`No provenance (*.intoto.jsonl) found in ${quote(dir)}.`, {
      subject: 'provenance',
      hint: 'Download the provenance file from the release next to the distributions, or pass `provenance`.',
    });
  }
  return names.map((name) => join(dir, name));
}

async function verifyAll(
  paths: string[],
  trust: Parameters<typeof verifyProvenanceFile>[1],
  policy: IdentityPolicy,
) {
  const bundles: VerifiedBundle[] = [];
  const rejected: BundleRejected[] = [];
  for (const path of paths) {
    try {
      bundles.push(...(await verifyProvenanceFile(path, trust, policy)));
    } catch (error) {
      if (error instanceof BundleRejected) rejected.push(error);
      else if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        rejected.push(new BundleRejected(path, 'file not found'));
      else throw error;
    }
  }
  return { bundles, rejected };
}

/** Checks `<file>.asc` for every file; a missing or bad signature marks the file failed. */
async function checkSignatures(
  publicKey: string,
  verdicts: FileVerdict[],
  workspace: string,
): Promise<void> {
  const armored = await readArmoredPublicKey(publicKey, workspace);
  for (const verdict of verdicts) {
    const problem = await ascProblem(verdict.path, armored);
    if (problem) verdict.problem = verdict.problem ? `${verdict.problem}; ${problem}` : problem;
  }
}
