/**
 * Statement building beyond the layout (__tests__/provenance/statement.test.ts): other GitHub
 * servers, stable bytes whatever the order files were gathered in, and the workflow path.
 */
import { describe, expect, it } from 'vitest';
import type { GitHubClaims } from '../../src/github/oidc.ts';
import {
  buildProvenanceStatement,
  workflowPath,
  type Subject,
} from '../../src/provenance/statement.ts';

const claims: GitHubClaims = {
  iss: 'https://ghe.example.com/_services/token',
  sub: 'repo:octo-org/octo-repo:environment:publish',
  repository: 'octo-org/octo-repo',
  repository_id: '7',
  repository_owner_id: '3',
  ref: 'refs/tags/v2.0.0',
  sha: 'b'.repeat(40),
  workflow_ref: 'octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v2.0.0',
  job_workflow_ref: 'octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v2.0.0',
  event_name: 'workflow_dispatch',
  run_id: '99',
  run_attempt: '1',
  runner_environment: 'self-hosted',
};

const subject = (name: string, c: string): Subject => ({ name, digest: { sha256: c.repeat(64) } });

interface Predicate {
  buildDefinition: {
    externalParameters: { workflow: { repository: string; path: string } };
    resolvedDependencies: Array<{ uri: string; digest: { gitCommit: string } }>;
  };
  runDetails: { builder: { id: string }; metadata: { invocationId: string } };
}

describe('buildProvenanceStatement', () => {
  it('names the GitHub Enterprise Server it ran on in every URL', () => {
    const predicate = buildProvenanceStatement([], claims, 'https://ghe.example.com')
      .predicate as Predicate;
    expect(predicate.buildDefinition.externalParameters.workflow.repository).toBe(
      'https://ghe.example.com/octo-org/octo-repo',
    );
    expect(predicate.buildDefinition.resolvedDependencies).toEqual([
      {
        uri: 'git+https://ghe.example.com/octo-org/octo-repo@refs/tags/v2.0.0',
        digest: { gitCommit: 'b'.repeat(40) },
      },
    ]);
    expect(predicate.runDetails.builder.id).toBe(
      'https://ghe.example.com/octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v2.0.0',
    );
    expect(predicate.runDetails.metadata.invocationId).toBe(
      'https://ghe.example.com/octo-org/octo-repo/actions/runs/99/attempts/1',
    );
  });

  it('gives the same bytes whatever order the files came in, sorting names by code unit', () => {
    const files = [
      subject('b-1.0.tar.gz', '2'),
      subject('B-1.0-py3-none-any.whl', '3'),
      subject('a_b-1.0-cp311-abi3-win_amd64.whl', '1'),
      subject('a-1.0.tar.gz', '4'),
    ];
    const texts = [
      files,
      [...files].reverse(),
      [files[2], files[0], files[3], files[1]] as Subject[],
    ].map((order) => JSON.stringify(buildProvenanceStatement(order, claims, 'https://github.com')));
    expect(new Set(texts).size).toBe(1);
    const names = buildProvenanceStatement(files, claims, 'https://github.com').subject.map(
      (s) => s.name,
    );
    expect(names).toEqual([
      'B-1.0-py3-none-any.whl',
      'a-1.0.tar.gz',
      'a_b-1.0-cp311-abi3-win_amd64.whl',
      'b-1.0.tar.gz',
    ]);
  });

  it("leaves the caller's list as it was", () => {
    const files = [subject('b.whl', '1'), subject('a.whl', '2')];
    buildProvenanceStatement(files, claims, 'https://github.com');
    expect(files.map((f) => f.name)).toEqual(['b.whl', 'a.whl']);
  });
});

describe('workflowPath', () => {
  it.each([
    ['o/r/.github/workflows/x.yml@refs/tags/v1', 'o/r', '.github/workflows/x.yml'],
    ['o/r/.github/workflows/x.yml', 'o/r', '.github/workflows/x.yml'],
    ['other/r/.github/workflows/x.yml@v1', 'o/r', 'other/r/.github/workflows/x.yml'],
    ['o/rr/.github/workflows/x.yml@v1', 'o/r', 'o/rr/.github/workflows/x.yml'],
  ])('%s in %s -> %s', (ref, repository, path) => {
    expect(workflowPath(ref, repository)).toBe(path);
  });
});
