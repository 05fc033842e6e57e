import { describe, expect, it } from 'vitest';
import type { GitHubClaims } from '../../src/github/oidc.ts';
import { buildProvenanceStatement, workflowPath } from '../../src/provenance/statement.ts';

const claims: GitHubClaims = {
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'repo:octo-org/octo-repo:ref:refs/tags/v1.0.0',
  repository: 'octo-org/octo-repo',
  repository_id: '2002',
  repository_owner_id: '1001',
  ref: 'refs/tags/v1.0.0',
  sha: 'a'.repeat(40),
  workflow_ref: 'octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.0.0',
  job_workflow_ref: 'octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.0.0',
  event_name: 'push',
  run_id: '4242',
  run_attempt: '2',
  runner_environment: 'github-hosted',
};

describe('buildProvenanceStatement', () => {
  it('lays out a SLSA v1 predicate like GitHub build provenance', () => {
    const statement = buildProvenanceStatement(
      [
        { name: 'b-1.0.tar.gz', digest: { sha256: '2'.repeat(64) } },
        { name: 'a-1.0-py3-none-any.whl', digest: { sha256: '1'.repeat(64) } },
      ],
      claims,
      'https://github.com',
    );
    expect(statement).toEqual({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [
        { name: 'a-1.0-py3-none-any.whl', digest: { sha256: '1'.repeat(64) } },
        { name: 'b-1.0.tar.gz', digest: { sha256: '2'.repeat(64) } },
      ],
      predicateType: 'https://slsa.dev/provenance/v1',
      predicate: {
        buildDefinition: {
          buildType: 'https://actions.github.io/buildtypes/workflow/v1',
          externalParameters: {
            workflow: {
              ref: 'refs/tags/v1.0.0',
              repository: 'https://github.com/octo-org/octo-repo',
              path: '.github/workflows/release.yml',
            },
          },
          internalParameters: {
            github: {
              event_name: 'push',
              repository_id: '2002',
              repository_owner_id: '1001',
              runner_environment: 'github-hosted',
            },
          },
          resolvedDependencies: [
            {
              uri: 'git+https://github.com/octo-org/octo-repo@refs/tags/v1.0.0',
              digest: { gitCommit: 'a'.repeat(40) },
            },
          ],
        },
        runDetails: {
          builder: {
            id: 'https://github.com/octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.0.0',
          },
          metadata: {
            invocationId: 'https://github.com/octo-org/octo-repo/actions/runs/4242/attempts/2',
          },
        },
      },
    });
  });

  it('names a reusable workflow as the builder', () => {
    const statement = buildProvenanceStatement(
      [],
      { ...claims, job_workflow_ref: 'org/shared/.github/workflows/build.yml@v1' },
      'https://github.com',
    );
    expect(
      (statement.predicate as { runDetails: { builder: { id: string } } }).runDetails.builder.id,
    ).toBe('https://github.com/org/shared/.github/workflows/build.yml@v1');
  });

  it('extracts the workflow path', () => {
    expect(workflowPath('o/r/.github/workflows/x.yml@refs/heads/main', 'o/r')).toBe(
      '.github/workflows/x.yml',
    );
  });
});
