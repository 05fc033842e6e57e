/**
 * Subject matching, the last check before anything reaches an index: which verified bundle
 * covers a file (custody/verify-files.ts), and which bundles count as verified at all
 * (verify/bundles.ts), with bundles signed in process by the real Sigstore client against the
 * sandbox's Fulcio and Rekor.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleToJSON } from '@sigstore/bundle';
import { DSSEBundleBuilder, FulcioSigner, RekorWitness } from '@sigstore/sign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcIssuer, type OidcIssuer } from '../../sandbox/oidc-issuer.ts';
import { startSigstore, type SigstoreSandbox } from '../../sandbox/sigstore.ts';
import { matchFilesToSubjects } from '../../src/custody/verify-files.ts';
import type { Statement } from '../../src/provenance/statement.ts';
import {
  BundleRejected,
  verifyProvenanceFile,
  type VerifiedBundle,
} from '../../src/verify/bundles.ts';
import type { IdentityPolicy } from '../../src/verify/identity.ts';
import { loadTrustMaterial, type TrustSet } from '../../src/verify/trust.ts';

let dir: string;
let oidc: OidcIssuer;
let sigstore: SigstoreSandbox;
let trust: TrustSet;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'subjects-'));
  oidc = await startOidcIssuer();
  sigstore = await startSigstore({ verifyToken: (token) => oidc.verify(token) });
  const rootPath = join(dir, 'trusted-root.json');
  await writeFile(rootPath, JSON.stringify(sigstore.trustedRoot));
  trust = await loadTrustMaterial(rootPath, dir);
});
afterAll(async () => {
  await sigstore?.close();
  await oidc?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The digest as coreutils computes it: an oracle independent of our hashing. */
const sha256sum = (path: string): string =>
  execFileSync('sha256sum', ['--', path], { encoding: 'utf8' }).split(' ')[0] as string;

const statement = (subjects: Array<[string, string | undefined]>): Statement => ({
  _type: 'https://in-toto.io/Statement/v1',
  subject: subjects.map(
    ([name, sha256]) => ({ name, digest: sha256 === undefined ? {} : { sha256 } }) as never,
  ),
  predicateType: 'https://slsa.dev/provenance/v1',
  predicate: {},
});
const verified = (
  source: string,
  subjects: Array<[string, string | undefined]>,
): VerifiedBundle => ({
  source,
  statement: statement(subjects),
  signer: {} as VerifiedBundle['signer'],
  built: { ref: 'refs/tags/v1.0', commit: 'a'.repeat(40), dispatched: false },
});

describe('matchFilesToSubjects: a file is covered by a subject with its name and its sha256', () => {
  let wheel: string;
  let sdist: string;
  beforeAll(async () => {
    wheel = join(dir, 'p-1.0-py3-none-any.whl');
    sdist = join(dir, 'p-1.0.tar.gz');
    await writeFile(wheel, 'wheel bytes');
    await writeFile(sdist, 'sdist bytes');
  });

  it('names the provenance file that covers each file, hashing as sha256sum does', async () => {
    const bundles = [
      verified('/r/a.intoto.jsonl', [['p-1.0.tar.gz', sha256sum(sdist)]]),
      verified('/r/b.intoto.jsonl', [['p-1.0-py3-none-any.whl', sha256sum(wheel)]]),
    ];
    const verdicts = await matchFilesToSubjects([wheel, sdist], bundles);
    expect(verdicts).toEqual([
      {
        path: wheel,
        filename: 'p-1.0-py3-none-any.whl',
        sha256: sha256sum(wheel),
        coveredBy: '/r/b.intoto.jsonl',
      },
      {
        path: sdist,
        filename: 'p-1.0.tar.gz',
        sha256: sha256sum(sdist),
        coveredBy: '/r/a.intoto.jsonl',
      },
    ]);
  });

  it('a changed file names its digest and every signed digest recorded for its name', async () => {
    const bundles = [
      verified('/r/a.intoto.jsonl', [['p-1.0.tar.gz', 'a'.repeat(64)]]),
      verified('/r/cp311.intoto.jsonl', [['p-1.0.tar.gz', undefined]]),
    ];
    const [verdict] = await matchFilesToSubjects([sdist], bundles);
    expect(verdict?.coveredBy).toBeUndefined();
    expect(verdict?.problem).toBe(
      `sha256 ${sha256sum(sdist)} differs from the signed digest: a.intoto.jsonl records sha256 ${'a'.repeat(64)}; cp311.intoto.jsonl records sha256 (none)`,
    );
  });

  it('the right bytes under another name are not covered', async () => {
    const bundles = [verified('/r/a.intoto.jsonl', [['p-1.0-py3-none-any.whl', sha256sum(sdist)]])];
    const [verdict] = await matchFilesToSubjects([sdist], bundles);
    expect(verdict?.problem).toBe('no verified provenance lists this file');
  });

  it('with no verified bundle nothing is covered', async () => {
    const verdicts = await matchFilesToSubjects([wheel, sdist], []);
    expect(verdicts.every((v) => v.problem === 'no verified provenance lists this file')).toBe(
      true,
    );
  });

  it('judges the digest the caller already computed, without hashing again', async () => {
    const bundles = [verified('/r/a.intoto.jsonl', [['p-1.0.tar.gz', sha256sum(sdist)]])];
    const known = new Map([[sdist, 'b'.repeat(64)]]);
    const [verdict] = await matchFilesToSubjects([sdist], bundles, known);
    expect(verdict?.sha256).toBe('b'.repeat(64));
    expect(verdict?.problem).toMatch(/differs from the signed digest/);
  });
});

/** Signs `payload` as the given job would, with the real Sigstore client. */
async function signBundle(payload: string, identity = {}, type = 'application/vnd.in-toto+json') {
  const signer = new FulcioSigner({
    fulcioBaseURL: sigstore.url,
    identityProvider: { getToken: async () => oidc.mint('sigstore', identity) },
    retry: 0,
  });
  const witness = new RekorWitness({ rekorBaseURL: sigstore.url, entryType: 'dsse', retry: 0 });
  const builder = new DSSEBundleBuilder({ signer, witnesses: [witness] });
  return bundleToJSON(await builder.create({ data: Buffer.from(payload), type }));
}

const POLICY: IdentityPolicy = {
  serverUrl: 'https://github.com',
  issuer: 'https://token.actions.githubusercontent.com',
  repository: 'octo-org/octo-repo',
};
const SUBJECTS: Array<[string, string]> = [['p-1.0.tar.gz', 'c'.repeat(64)]];

let files = 0;
async function provenanceFile(lines: unknown[]): Promise<string> {
  const path = join(dir, `p${files++}.intoto.jsonl`);
  await writeFile(
    path,
    lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n',
  );
  return path;
}

async function rejection(path: string, policy = POLICY): Promise<BundleRejected> {
  const error = await verifyProvenanceFile(path, trust, policy).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BundleRejected);
  expect((error as BundleRejected).source).toBe(path);
  return error as BundleRejected;
}

describe('verifyProvenanceFile: only signed statements from the expected workflow count', () => {
  it("returns each line's statement and signer", async () => {
    const path = await provenanceFile([
      await signBundle(JSON.stringify(statement(SUBJECTS))),
      await signBundle(JSON.stringify(statement([['p-1.0-py3-none-any.whl', 'd'.repeat(64)]]))),
    ]);
    const bundles = await verifyProvenanceFile(path, trust, { ...POLICY, workflow: 'release.yml' });
    expect(bundles.map((b) => b.statement.subject[0]?.name)).toEqual([
      'p-1.0.tar.gz',
      'p-1.0-py3-none-any.whl',
    ]);
    expect(bundles[0]?.signer.sourceRepositoryUri).toBe('https://github.com/octo-org/octo-repo');
    expect(bundles.every((b) => b.source === path)).toBe(true);
  });

  it('refuses a signer from another repository', async () => {
    const path = await provenanceFile([await signBundle(JSON.stringify(statement(SUBJECTS)))]);
    const error = await rejection(path, { ...POLICY, repository: 'octo-org/other-repo' });
    expect(error.message).toMatch(/other-repo|octo-repo/);
  });

  it('refuses a payload edited after signing', async () => {
    const json = await signBundle(JSON.stringify(statement(SUBJECTS)));
    const envelope = (json as { dsseEnvelope: { payload: string } }).dsseEnvelope;
    const edited = Buffer.from(envelope.payload, 'base64')
      .toString('utf8')
      .replace('c'.repeat(64), 'e'.repeat(64));
    envelope.payload = Buffer.from(edited).toString('base64');
    const error = await rejection(await provenanceFile([json]));
    expect(error.reason).toMatch(/^signature verification failed/);
  });

  it('refuses a file where one line of several is bad', async () => {
    const good = await signBundle(JSON.stringify(statement(SUBJECTS)));
    const error = await rejection(await provenanceFile([good, '{"mediaType":"nope"}']));
    expect(error.reason).toMatch(/^not a Sigstore bundle/);
  });

  it.each([
    ['an empty file', [], /the file is empty/],
    ['a line that is not JSON', ['{not json'], /^not a Sigstore bundle/],
  ])('refuses %s', async (_name, lines, reason) => {
    const error = await rejection(await provenanceFile(lines));
    expect(error.reason).toMatch(reason);
  });

  it('refuses a signed payload of another type, or one that is not an in-toto v1 statement', async () => {
    const otherType = await signBundle(JSON.stringify(statement(SUBJECTS)), {}, 'text/plain');
    expect((await rejection(await provenanceFile([otherType]))).reason).toMatch(
      /not an in-toto statement/,
    );
    const v01 = await signBundle(
      JSON.stringify({ ...statement(SUBJECTS), _type: 'https://in-toto.io/Statement/v0.1' }),
    );
    expect((await rejection(await provenanceFile([v01]))).reason).toMatch(
      /not an in-toto v1 statement/,
    );
    const noSubjects = await signBundle(JSON.stringify({ ...statement(SUBJECTS), subject: {} }));
    expect((await rejection(await provenanceFile([noSubjects]))).reason).toMatch(
      /not an in-toto v1 statement/,
    );
  });
});
