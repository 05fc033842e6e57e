/**
 * The signer policy a verified bundle must satisfy: issuer, repository (case-insensitive, as
 * GitHub compares), top-level workflow and ref. Certificates' identities are read in
 * __tests__/unit/subjects.test.ts from bundles the real Sigstore client signed.
 */
import { describe, expect, it } from 'vitest';
import {
  identityMismatch,
  type IdentityPolicy,
  type SignerIdentity,
} from '../../src/verify/identity.ts';
import { sourceMismatch } from '../../src/verify/source.ts';

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
