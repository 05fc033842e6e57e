/**
 * The signer policy a verified bundle must satisfy: issuer, repository (case-insensitive, as
 * GitHub compares), top-level workflow and ref; and what a bundle says its files were built
 * from (buildSource: the certificate for a tag push, the statement for a dispatch run).
 * Certificates' identities are read in __tests__/unit/subjects.test.ts from bundles the real
 * Sigstore client signed.
 */
import { describe, expect, it } from 'vitest';
import {
  identityMismatch,
  type IdentityPolicy,
  type SignerIdentity,
} from '../../src/verify/identity.ts';
import { buildSource, sourceMismatch } from '../../src/verify/source.ts';
import {
  IN_TOTO_STATEMENT_V1,
  SLSA_PROVENANCE_V1,
  type Statement,
} from '../../src/provenance/statement.ts';

const ISSUER = 'https://token.actions.githubusercontent.com';
const identity: SignerIdentity = {
  subjectAlternativeName:
    'https://github.com/octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.0.0',
  issuer: ISSUER,
  buildSignerUri: 'https://github.com/org/shared/.github/workflows/build.yml@refs/heads/main',
  sourceRepositoryUri: 'https://github.com/octo-org/octo-repo',
  sourceRepositoryDigest: 'a'.repeat(40),
  sourceRepositoryRef: 'refs/tags/v1.0.0',
  buildConfigUri:
    'https://github.com/octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.0.0',
  sourceRepositoryId: '2002',
  sourceRepositoryOwnerId: '1001',
  buildTrigger: 'push',
};
const policy: IdentityPolicy = {
  serverUrl: 'https://github.com',
  issuer: ISSUER,
  repository: 'octo-org/octo-repo',
};

describe('identityMismatch', () => {
  it('accepts the repository in any case, and the workflow by file name, path or ./path', () => {
    expect(
      identityMismatch(identity, { ...policy, repository: 'Octo-Org/OCTO-repo' }),
    ).toBeUndefined();
    for (const workflow of [
      'release.yml',
      '.github/workflows/release.yml',
      './.github/workflows/release.yml',
    ])
      expect(
        identityMismatch(identity, { ...policy, workflow, ref: 'refs/tags/v1.0.0' }),
      ).toBeUndefined();
  });

  it('refuses another issuer first', () => {
    expect(
      identityMismatch({ ...identity, issuer: 'https://accounts.google.com' }, policy),
    ).toMatch(/^signed by an identity from issuer "https:\/\/accounts.google.com"/);
  });

  it.each([
    ['another repository', { sourceRepositoryUri: 'https://github.com/octo-org/other' }],
    [
      'a repository whose name extends the expected one',
      { sourceRepositoryUri: 'https://github.com/octo-org/octo-repo2' },
    ],
    [
      'the same repository on another server',
      { sourceRepositoryUri: 'https://ghe.example.com/octo-org/octo-repo' },
    ],
  ])('refuses %s', (_name, change) => {
    expect(identityMismatch({ ...identity, ...change }, policy)).toMatch(
      /^signed by a workflow of /,
    );
  });

  it('judges the top-level workflow, not the reusable one that ran the job', () => {
    expect(identityMismatch(identity, { ...policy, workflow: 'build.yml' })).toMatch(
      /^signed by workflow /,
    );
    expect(identityMismatch(identity, { ...policy, workflow: 'other.yml' })).toMatch(
      /expected "other.yml"/,
    );
  });

  it('a workflow of the same name in another repository is not the workflow', () => {
    const elsewhere = {
      ...identity,
      buildConfigUri: 'https://github.com/evil/fork/.github/workflows/release.yml@v1',
    };
    expect(identityMismatch(elsewhere, { ...policy, workflow: 'release.yml' })).toMatch(
      /^signed by workflow /,
    );
  });

  it('refuses another ref, or another commit than the tag points at, when one is asked for', () => {
    const source = { ref: 'refs/tags/v1.0.0', commit: 'a'.repeat(40), dispatched: false };
    expect(sourceMismatch(source, { ...policy, ref: 'refs/tags/v1.0.1' })).toBe(
      'built from "refs/tags/v1.0.0", expected "refs/tags/v1.0.1"',
    );
    expect(
      sourceMismatch(source, { ...policy, ref: 'refs/tags/v1.0.0', commit: 'b'.repeat(40) }),
    ).toMatch(/^built from commit a{40}, but refs\/tags\/v1\.0\.0 points at b{40}/);
    expect(sourceMismatch(source, { ...policy, ref: 'refs/tags/v1.0.0' })).toBeUndefined();
  });
});

/** A statement whose resolvedDependencies hold `deps` (as the provenance step writes them). */
function statementWith(deps: unknown[]): Statement {
  return {
    _type: IN_TOTO_STATEMENT_V1,
    subject: [],
    predicateType: SLSA_PROVENANCE_V1,
    predicate: { buildDefinition: { resolvedDependencies: deps } },
  };
}

const TAG_COMMIT = 'a'.repeat(40);
const MAIN_HEAD = 'b'.repeat(40);
const tagDependency = {
  uri: 'git+https://github.com/octo-org/octo-repo@refs/tags/v1.0.0',
  digest: { gitCommit: TAG_COMMIT },
};
/** A dispatch run's certificate: the branch it was dispatched from, and that branch's head. */
const dispatched: SignerIdentity = {
  ...identity,
  sourceRepositoryRef: 'refs/heads/main',
  sourceRepositoryDigest: MAIN_HEAD,
  buildTrigger: 'workflow_dispatch',
};

describe('buildSource', () => {
  it('takes a tag push from the certificate, and a dispatch run from its statement', () => {
    expect(buildSource(identity, statementWith([tagDependency]))).toEqual({
      ref: 'refs/tags/v1.0.0',
      commit: TAG_COMMIT,
      dispatched: false,
    });
    expect(buildSource(dispatched, statementWith([tagDependency]))).toEqual({
      ref: 'refs/tags/v1.0.0',
      commit: TAG_COMMIT,
      dispatched: true,
    });
  });

  it.each([
    ['no dependency at all', []],
    [
      'the branch, not a tag',
      [
        {
          uri: 'git+https://github.com/octo-org/octo-repo@refs/heads/main',
          digest: { gitCommit: MAIN_HEAD },
        },
      ],
    ],
    ['a tag without its commit', [{ uri: tagDependency.uri, digest: {} }]],
    [
      'a tag with a commit that is no commit id',
      [{ ...tagDependency, digest: { gitCommit: 'v1.0.0' } }],
    ],
    [
      'a tag of another repository',
      [{ ...tagDependency, uri: 'git+https://github.com/someone/else@refs/tags/v1.0.0' }],
    ],
  ])('refuses a dispatch certificate whose statement names no tag: %s', (_name, deps) => {
    expect(buildSource(dispatched, statementWith(deps))).toEqual({
      problem:
        'a workflow_dispatch run of "refs/heads/main" whose statement names no tag and commit as its source',
    });
  });

  it.each(['push', 'schedule', ''])(
    'refuses a %j run from a branch: only a dispatch builds a tag from another ref',
    (trigger) => {
      const result = buildSource(
        { ...dispatched, buildTrigger: trigger },
        statementWith([tagDependency]),
      );
      expect(result).toEqual({
        problem: `signed by a ${JSON.stringify(trigger || 'unknown')} run of "refs/heads/main", not for a tag`,
      });
    },
  );

  it.each([
    [
      'another tag',
      { ...tagDependency, uri: 'git+https://github.com/octo-org/octo-repo@refs/tags/v0.9.0' },
    ],
    ['another commit', { ...tagDependency, digest: { gitCommit: 'c'.repeat(40) } }],
  ])('refuses a statement that contradicts the tag-push certificate: %s', (_name, dep) => {
    const result = buildSource(identity, statementWith([dep]));
    expect(result).toHaveProperty('problem');
    expect((result as { problem: string }).problem).toMatch(
      /^the statement names refs\/tags\/\S+ at [0-9a-f]{40}, but the certificate was issued for refs\/tags\/v1\.0\.0 at a{40}$/,
    );
  });
});
