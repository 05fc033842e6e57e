import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleToJSON } from '@sigstore/bundle';
import { DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness } from '@sigstore/sign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcIssuer, type OidcIssuer } from '../../sandbox/oidc-issuer.ts';
import { startSigstore, type SigstoreSandbox } from '../../sandbox/sigstore.ts';
import { BundleRejected, verifyProvenanceFile } from '../../src/verify/bundles.ts';
import { GITHUB_ACTIONS_ISSUER } from '../../src/verify/identity.ts';
import { loadTrustMaterial } from '../../src/verify/trust.ts';

let oidc: OidcIssuer;
let sigstore: SigstoreSandbox;
let other: SigstoreSandbox;
let dir: string;

beforeAll(async () => {
  oidc = await startOidcIssuer();
  sigstore = await startSigstore({ verifyToken: (token) => oidc.verify(token) });
  other = await startSigstore({ verifyToken: (token) => oidc.verify(token) });
  dir = await mkdtemp(join(tmpdir(), 'trust-'));
});
afterAll(async () => {
  await sigstore.close();
  await other.close();
  await oidc.close();
});

const policy = {
  serverUrl: 'https://github.com',
  issuer: GITHUB_ACTIONS_ISSUER,
  repository: 'octo-org/octo-repo',
};

function statement(predicateType = 'https://slsa.dev/provenance/v1') {
  return {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: 'demo-1.0.tar.gz', digest: { sha256: 'ab'.repeat(32) } }],
    predicateType,
    predicate: {},
  };
}

async function sign(
  witnesses: Array<'rekor' | 'tsa'>,
  body: object = statement(),
  instance = sigstore,
): Promise<Record<string, unknown>> {
  const signer = new FulcioSigner({
    fulcioBaseURL: instance.url,
    identityProvider: { getToken: async () => oidc.mint('sigstore') },
    retry: 0,
  });
  const builder = new DSSEBundleBuilder({
    signer,
    witnesses: witnesses.map((w) =>
      w === 'rekor'
        ? new RekorWitness({ rekorBaseURL: instance.url, entryType: 'dsse', retry: 0 })
        : new TSAWitness({ tsaBaseURL: instance.url, retry: 0 }),
    ),
  });
  const bundle = await builder.create({
    data: Buffer.from(JSON.stringify(body)),
    type: 'application/vnd.in-toto+json',
  });
  return bundleToJSON(bundle) as unknown as Record<string, unknown>;
}

let counter = 0;
async function file(text: string): Promise<string> {
  const path = join(dir, `p${counter++}.intoto.jsonl`);
  await writeFile(path, text);
  return path;
}

async function rootFile(roots: object[], form: 'json' | 'jsonl' = 'jsonl'): Promise<string> {
  const text =
    form === 'json'
      ? JSON.stringify(roots[0], null, 2)
      : roots.map((r) => JSON.stringify(r)).join('\n');
  return file(text);
}

/** The sandbox root as a logless instance would publish it (GitHub's has no Rekor). */
const withoutLogs = (root: Record<string, unknown>) => ({ ...root, tlogs: [] });

describe('trust roots and what each instance requires', () => {
  it('accepts a logged bundle and reads one pretty-printed JSON bundle as well as JSON lines', async () => {
    const trust = await loadTrustMaterial(await rootFile([sigstore.trustedRoot], 'json'), dir);
    const bundle = await sign(['rekor', 'tsa']);
    const [verified] = await verifyProvenanceFile(
      await file(JSON.stringify(bundle, null, 2)),
      trust,
      policy,
    );
    expect(verified?.statement.subject[0]?.name).toBe('demo-1.0.tar.gz');
    await expect(
      verifyProvenanceFile(await file(`${JSON.stringify(bundle)}\n`), trust, policy),
    ).resolves.toHaveLength(1);
  });

  it('refuses a bundle of a logging instance whose log entry was stripped, even with a timestamp', async () => {
    const trust = await loadTrustMaterial(await rootFile([sigstore.trustedRoot]), dir);
    const bundle = await sign(['rekor', 'tsa']);
    const material = bundle.verificationMaterial as Record<string, unknown>;
    material.tlogEntries = [];
    const rejection = verifyProvenanceFile(await file(JSON.stringify(bundle)), trust, policy);
    await expect(rejection).rejects.toBeInstanceOf(BundleRejected);
    await expect(rejection).rejects.toThrow(/tlog entries/);
  });

  it('accepts a timestamped bundle from an instance that logs nothing', async () => {
    const trust = await loadTrustMaterial(await rootFile([withoutLogs(sigstore.trustedRoot)]), dir);
    const bundle = await sign(['tsa']);
    await expect(
      verifyProvenanceFile(await file(JSON.stringify(bundle)), trust, policy),
    ).resolves.toHaveLength(1);
  });

  it('picks the root that issued the certificate among several, and names an unknown issuer', async () => {
    const both = await loadTrustMaterial(
      await rootFile([withoutLogs(sigstore.trustedRoot), other.trustedRoot]),
      dir,
    );
    const fromOther = await sign(['rekor'], statement(), other);
    await expect(
      verifyProvenanceFile(await file(JSON.stringify(fromOther)), both, policy),
    ).resolves.toHaveLength(1);
    // The other instance logs: its bundle without a log entry is refused.
    const unlogged = await sign(['tsa'], statement(), other);
    await expect(
      verifyProvenanceFile(await file(JSON.stringify(unlogged)), both, policy),
    ).rejects.toThrow(/tlog entries/);
    const onlyFirst = await loadTrustMaterial(await rootFile([sigstore.trustedRoot]), dir);
    await expect(
      verifyProvenanceFile(await file(JSON.stringify(fromOther)), onlyFirst, policy),
    ).rejects.toThrow(/no loaded trusted root holds/);
  });

  it('refuses a signed statement that is not SLSA provenance', async () => {
    const trust = await loadTrustMaterial(await rootFile([sigstore.trustedRoot]), dir);
    const attestation = await sign(
      ['rekor'],
      statement('https://docs.pypi.org/attestations/publish/v1'),
    );
    await expect(
      verifyProvenanceFile(await file(JSON.stringify(attestation)), trust, policy),
    ).rejects.toThrow(/not SLSA provenance/);
  });

  it("holds a root whose CA is Sigstore's public-good one to logging, even when it lists no log", async () => {
    // The organisation a trusted root gives its CA decides the instance, as in the root that
    // Sigstore's TUF repository publishes (@sigstore/tuf's seed): public-good must log.
    const seeds = (await import('@sigstore/tuf/seeds.json', { with: { type: 'json' } }))
      .default as Record<string, { targets?: Record<string, string> }>;
    const published = JSON.parse(
      Buffer.from(
        seeds['https://tuf-repo-cdn.sigstore.dev']?.targets?.['trusted_root.json'] ?? '',
        'base64',
      ).toString('utf8'),
    ) as { certificateAuthorities: { subject?: { organization?: string } }[] };
    const organization = published.certificateAuthorities[0]?.subject?.organization;
    expect(organization).toBe('sigstore.dev');
    const [instance] = (await loadTrustMaterial(await rootFile([published]), dir)).instances;
    expect(instance).toMatchObject({ kind: 'public-good', tlogThreshold: 1, ctlogThreshold: 1 });

    const root = sigstore.trustedRoot as { certificateAuthorities: Record<string, unknown>[] };
    const asPublicGood = {
      ...withoutLogs(sigstore.trustedRoot),
      certificateAuthorities: root.certificateAuthorities.map((ca) => ({
        ...ca,
        subject: { organization, commonName: 'sigstore' },
      })),
    };
    const trust = await loadTrustMaterial(await rootFile([asPublicGood]), dir);
    expect(trust.instances[0]?.kind).toBe('public-good');
    // The same timestamped, unlogged bundle that a logless custom root accepts (above).
    const unlogged = await sign(['tsa']);
    await expect(
      verifyProvenanceFile(await file(JSON.stringify(unlogged)), trust, policy),
    ).rejects.toThrow(/tlog entries/);
  });

  it('names the file when the trusted root is not one', async () => {
    await expect(loadTrustMaterial(await file('{"not":"a root"}'), dir)).rejects.toThrow(
      /trusted-root.*is not a Sigstore trusted root/,
    );
  });
});
