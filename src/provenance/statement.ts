/**
 * The SLSA v1 provenance statement, laid out as GitHub's own build provenance
 * (buildType https://actions.github.io/buildtypes/workflow/v1), so tools that read
 * `actions/attest-build-provenance` output read ours.
 * https://slsa.dev/spec/v1.0/provenance, https://github.com/in-toto/attestation/blob/main/spec/v1/statement.md
 */
import type { GitHubClaims } from '../github/oidc.ts';

export const IN_TOTO_STATEMENT_V1 = 'https://in-toto.io/Statement/v1';
export const SLSA_PROVENANCE_V1 = 'https://slsa.dev/provenance/v1';
export const GITHUB_WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1';
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';

export interface Subject {
  name: string;
  digest: { sha256: string };
}

export interface Statement {
  _type: typeof IN_TOTO_STATEMENT_V1;
  subject: Subject[];
  predicateType: string;
  predicate: unknown;
}

/** `owner/repo/.github/workflows/x.yml@ref` -> `.github/workflows/x.yml`. */
export function workflowPath(workflowRef: string, repository: string): string {
  const withoutRef = workflowRef.replace(/@.*$/, '');
  return withoutRef.startsWith(`${repository}/`)
    ? withoutRef.slice(repository.length + 1)
    : withoutRef;
}

/**
 * What was built, when the run's own ref is not it: a `workflow_dispatch` run from a branch
 * builds a tag's commit (checked out and proved by `prepare`) with the dispatch inputs.
 */
export interface DispatchSource {
  /** `refs/tags/<tag>`. */
  ref: string;
  commit: string;
  /** The `workflow_dispatch` inputs of the run, as the event payload gives them. */
  inputs: Record<string, unknown>;
}

/**
 * Builds the statement; subjects are sorted by name so equal inputs give equal bytes. The
 * workflow identity of the run (`externalParameters.workflow`, the builder) always comes from
 * the token; the source (`resolvedDependencies`) is the tag's commit when `dispatch` is given.
 */
export function buildProvenanceStatement(
  subjects: readonly Subject[],
  claims: GitHubClaims,
  serverUrl: string,
  dispatch?: DispatchSource,
): Statement {
  const repositoryUrl = `${serverUrl}/${claims.repository}`;
  const source = dispatch ?? { ref: claims.ref, commit: claims.sha };
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: [...subjects].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    predicateType: SLSA_PROVENANCE_V1,
    predicate: {
      buildDefinition: {
        buildType: GITHUB_WORKFLOW_BUILD_TYPE,
        externalParameters: {
          workflow: {
            ref: claims.ref,
            repository: repositoryUrl,
            path: workflowPath(claims.workflow_ref, claims.repository),
          },
          ...(dispatch ? { inputs: dispatch.inputs } : {}),
        },
        internalParameters: {
          github: {
            event_name: claims.event_name,
            repository_id: claims.repository_id,
            repository_owner_id: claims.repository_owner_id,
            runner_environment: claims.runner_environment,
          },
        },
        resolvedDependencies: [
          { uri: `git+${repositoryUrl}@${source.ref}`, digest: { gitCommit: source.commit } },
        ],
      },
      runDetails: {
        builder: { id: `${serverUrl}/${claims.job_workflow_ref}` },
        metadata: {
          invocationId: `${repositoryUrl}/actions/runs/${claims.run_id}/attempts/${claims.run_attempt}`,
        },
      },
    },
  };
}
