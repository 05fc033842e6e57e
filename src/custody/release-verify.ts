/**
 * Checking a release's downloaded assets against its provenance, as a maintainer does before
 * adding their own signature: every distribution must be a subject of a provenance bundle that
 * verifies, signed by the repository's workflow (with its numeric ids), built from the tag's
 * commit as GitHub has it now. Any file that does not verify refuses the whole release.
 */
import { basename } from 'node:path';
import { ChainOfCustodyError } from '../core/errors.ts';
import type { RunnerEnv } from '../config/runner-env.ts';
import type { Sha256Digest } from '../digests/digest.ts';
import { quote } from '../core/text.ts';
import { BundleRejected, verifyProvenanceFile, type VerifiedBundle } from '../verify/bundles.ts';
import type { IdentityPolicy } from '../verify/identity.ts';
import type { GitData } from '../github/git-data.ts';
import { expectedIds, requireBuiltFromTag, tagNow } from '../verify/policy.ts';
import type { TrustSet } from '../verify/trust.ts';
import { matchFilesToSubjects } from './verify-files.ts';

export interface ReleaseVerification {
  distributions: string[];
  provenance: string[];
  bundles: VerifiedBundle[];
}

/** Verifies every distribution among `paths`; throws naming each file that fails. */
export async function verifyReleaseAssets(
  env: RunnerEnv,
  repository: string,
  tag: string,
  git: GitData,
  paths: readonly string[],
  known: ReadonlyMap<string, Sha256Digest>,
  trust: TrustSet,
  workflow: string | undefined,
): Promise<ReleaseVerification> {
  const distributions = paths.filter((p) => p.endsWith('.whl') || p.endsWith('.tar.gz'));
  const provenance = paths.filter((p) => p.endsWith('.intoto.jsonl'));
  if (distributions.length === 0 || provenance.length === 0) {
    throw new ChainOfCustodyError(
      `Release ${quote(tag)} has ${distributions.length} distribution(s) and ${provenance.length} provenance file(s): nothing can be verified.`,
      { subject: 'tag', hint: 'Run the release workflow first; sign only what it released.' },
    );
  }
  const ids = await expectedIds(env, repository, undefined, git);
  const current = await tagNow(git, repository, tag);
  const policy: IdentityPolicy = {
    serverUrl: env.serverUrl,
    // GitHub Enterprise Server issues its own tokens: the issuer follows GITHUB_SERVER_URL.
    issuer: env.oidcIssuer,
    repository,
    ref: `refs/tags/${tag}`,
    repositoryId: ids.repositoryId,
    ...(ids.ownerId ? { ownerId: ids.ownerId } : {}),
    ...(workflow ? { workflow } : {}),
  };
  const bundles: VerifiedBundle[] = [];
  const rejected: string[] = [];
  for (const path of provenance) {
    try {
      bundles.push(...(await verifyProvenanceFile(path, trust, policy)));
    } catch (error) {
      if (!(error instanceof BundleRejected)) throw error;
      rejected.push(error.message);
    }
  }
  requireBuiltFromTag(bundles, current);
  const verdicts = await matchFilesToSubjects(
    distributions,
    bundles,
    new Map([...known].map(([path, digest]) => [path, digest.sha256])),
  );
  const failed = verdicts.filter((v) => v.problem);
  if (failed.length > 0 || rejected.length > 0) {
    const problems = [
      ...rejected,
      ...failed.map((v) => `${quote(v.filename)}: ${v.problem ?? ''}`),
    ].join('; ');
    throw new ChainOfCustodyError(
      `Release ${quote(tag)} does not verify against its provenance: ${problems}. Nothing was signed.`,
      {
        subject: failed[0]?.filename ?? basename(provenance[0] ?? ''),
        hint: 'Do not sign what CI cannot account for: find out why the draft changed, and release it again.',
      },
    );
  }
  return { distributions, provenance, bundles };
}
