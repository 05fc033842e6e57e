/**
 * What a provenance bundle says its files were built from: a tag and that tag's commit.
 *
 * For a tag push the certificate itself names them (Source Repository Ref and Digest, from the
 * OIDC token). A `workflow_dispatch` run's certificate names the branch it was dispatched from
 * (`refs/heads/main`) and that branch's head; the tag and the commit that `prepare` proved to
 * be checked out are then in the signed statement's `resolvedDependencies`, and the
 * certificate must say the run was a dispatch. Either way, the statement and the certificate
 * must not contradict each other.
 */
import type { Statement } from '../provenance/statement.ts';
import type { IdentityPolicy, SignerIdentity } from './identity.ts';

const COMMIT = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

export interface BuildSource {
  /** `refs/tags/<tag>`. */
  ref: string;
  commit: string;
  /** True when the tag came from the statement of a dispatch run, not the certificate. */
  dispatched: boolean;
}

interface Dependency {
  uri?: unknown;
  digest?: { gitCommit?: unknown };
}

/** The statement's first git dependency of the signing repository, if any. */
function statementSource(
  statement: Statement,
  repositoryUri: string,
): { ref: string; commit: string } | undefined {
  const predicate = statement.predicate as
    { buildDefinition?: { resolvedDependencies?: unknown } } | undefined;
  const deps = predicate?.buildDefinition?.resolvedDependencies;
  if (!Array.isArray(deps)) return undefined;
  const prefix = `git+${repositoryUri}@`.toLowerCase();
  for (const dep of deps as Dependency[]) {
    if (typeof dep?.uri !== 'string' || !dep.uri.toLowerCase().startsWith(prefix)) continue;
    const commit = dep.digest?.gitCommit;
    if (typeof commit !== 'string') return undefined;
    return { ref: dep.uri.slice(prefix.length), commit };
  }
  return undefined;
}

/** The tag and commit the files were built from, or why that cannot be established. */
export function buildSource(
  signer: SignerIdentity,
  statement: Statement,
): BuildSource | { problem: string } {
  const stated = statementSource(statement, signer.sourceRepositoryUri);
  if (signer.sourceRepositoryRef.startsWith('refs/tags/')) {
    const certified = {
      ref: signer.sourceRepositoryRef,
      commit: signer.sourceRepositoryDigest,
      dispatched: false,
    };
    if (stated && (stated.ref !== certified.ref || stated.commit !== certified.commit)) {
      return {
        problem: `the statement names ${stated.ref} at ${stated.commit}, but the certificate was issued for ${certified.ref} at ${certified.commit}`,
      };
    }
    return certified;
  }
  // Only a dispatch run builds a tag from another ref; any other run names what it built.
  if (signer.buildTrigger !== 'workflow_dispatch') {
    return {
      problem: `signed by a ${JSON.stringify(signer.buildTrigger || 'unknown')} run of ${JSON.stringify(signer.sourceRepositoryRef)}, not for a tag`,
    };
  }
  if (!stated || !stated.ref.startsWith('refs/tags/') || !COMMIT.test(stated.commit)) {
    return {
      problem: `a workflow_dispatch run of ${JSON.stringify(signer.sourceRepositoryRef)} whose statement names no tag and commit as its source`,
    };
  }
  return { ...stated, dispatched: true };
}

/** Why the source does not satisfy the policy's ref and commit, or undefined. */
export function sourceMismatch(source: BuildSource, policy: IdentityPolicy): string | undefined {
  if (policy.ref && source.ref !== policy.ref) {
    return `built from ${JSON.stringify(source.ref)}, expected ${JSON.stringify(policy.ref)}`;
  }
  if (policy.commit && source.commit !== policy.commit) {
    return `built from commit ${source.commit}, but ${policy.ref ?? 'the tag'} points at ${policy.commit}`;
  }
  return undefined;
}
