import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);

// src/provenance/statement.ts
var IN_TOTO_STATEMENT_V1 = "https://in-toto.io/Statement/v1";
var SLSA_PROVENANCE_V1 = "https://slsa.dev/provenance/v1";
var GITHUB_WORKFLOW_BUILD_TYPE = "https://actions.github.io/buildtypes/workflow/v1";
var IN_TOTO_PAYLOAD_TYPE = "application/vnd.in-toto+json";
function workflowPath(workflowRef, repository) {
  const withoutRef = workflowRef.replace(/@.*$/, "");
  return withoutRef.startsWith(`${repository}/`) ? withoutRef.slice(repository.length + 1) : withoutRef;
}
function buildProvenanceStatement(subjects, claims, serverUrl, dispatch) {
  const repositoryUrl = `${serverUrl}/${claims.repository}`;
  const source = dispatch ?? { ref: claims.ref, commit: claims.sha };
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: [...subjects].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    predicateType: SLSA_PROVENANCE_V1,
    predicate: {
      buildDefinition: {
        buildType: GITHUB_WORKFLOW_BUILD_TYPE,
        externalParameters: {
          workflow: {
            ref: claims.ref,
            repository: repositoryUrl,
            path: workflowPath(claims.workflow_ref, claims.repository)
          },
          ...dispatch ? { inputs: dispatch.inputs } : {}
        },
        internalParameters: {
          github: {
            event_name: claims.event_name,
            repository_id: claims.repository_id,
            repository_owner_id: claims.repository_owner_id,
            runner_environment: claims.runner_environment
          }
        },
        resolvedDependencies: [
          { uri: `git+${repositoryUrl}@${source.ref}`, digest: { gitCommit: source.commit } }
        ]
      },
      runDetails: {
        builder: { id: `${serverUrl}/${claims.job_workflow_ref}` },
        metadata: {
          invocationId: `${repositoryUrl}/actions/runs/${claims.run_id}/attempts/${claims.run_attempt}`
        }
      }
    }
  };
}

export {
  IN_TOTO_STATEMENT_V1,
  SLSA_PROVENANCE_V1,
  IN_TOTO_PAYLOAD_TYPE,
  buildProvenanceStatement
};
