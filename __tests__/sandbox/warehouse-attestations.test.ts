/**
 * The Warehouse stand-in's PEP 740 checks on attestations signed through the Sigstore
 * stand-in with @sigstore/sign, and its reading of the Fulcio extensions against openssl's.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { bundleToJSON } from '@sigstore/bundle';
import { DSSEBundleBuilder, FulcioSigner, RekorWitness } from '@sigstore/sign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fulcioIdentity } from '../../sandbox/fulcio-identity.ts';
import { startOidcIssuer, type OidcIssuer } from '../../sandbox/oidc-issuer.ts';
import { startSigstore, type SigstoreSandbox } from '../../sandbox/sigstore.ts';
import { verifyAttestations } from '../../sandbox/warehouse-attestations.ts';

const run = promisify(execFile);
const FILE = { filename: 'demo-1.0-py3-none-any.whl', sha256: 'ab'.repeat(32) };
const PUBLISHER = { project: 'demo', repository: 'octo-org/octo-repo', workflow: 'release.yml' };
let oidc: OidcIssuer;
let sigstore: SigstoreSandbox;
let dir: string;

beforeAll(async () => {
  oidc = await startOidcIssuer();
  sigstore = await startSigstore({ verifyToken: (token) => oidc.verify(token) });
  dir = await mkdtemp(join(tmpdir(), 'attestations-'));
});
afterAll(async () => {
  await sigstore?.close();
  await oidc?.close();
  await rm(dir, { recursive: true, force: true });
});

/** A PEP 740 attestation of `subject`, signed as the default job (octo-org/octo-repo). */
async function attest(
  subject = FILE,
  predicateType = 'https://docs.pypi.org/attestations/publish/v1',
) {
  const statement = {
    _type: 'https://in-toto.io/Statement/v1',
    subject: [{ name: subject.filename, digest: { sha256: subject.sha256 } }],
    predicateType,
    predicate: null,
  };
  const builder = new DSSEBundleBuilder({
    signer: new FulcioSigner({
      fulcioBaseURL: sigstore.url,
      identityProvider: { getToken: async () => oidc.mint('sigstore') },
      retry: 0,
    }),
    witnesses: [new RekorWitness({ rekorBaseURL: sigstore.url, entryType: 'dsse', retry: 0 })],
  });
  const bundle = bundleToJSON(
    await builder.create({
      data: Buffer.from(JSON.stringify(statement)),
      type: 'application/vnd.in-toto+json',
    }),
  );
  return {
    version: 1,
    verification_material: {
      certificate: bundle.verificationMaterial.certificate?.rawBytes,
      transparency_entries: bundle.verificationMaterial.tlogEntries,
    },
    envelope: {
      statement: bundle.dsseEnvelope?.payload,
      signature: bundle.dsseEnvelope?.signatures[0]?.sig,
    },
  };
}

const check = (list: unknown[], publisher = PUBLISHER) =>
  verifyAttestations(JSON.stringify(list), FILE, sigstore.trustedRoot, publisher);

describe('the Warehouse stand-in verifies PEP 740 attestations', () => {
  it("accepts one from the trusted publisher's workflow", async () => {
    const attestation = await attest();
    expect(check([attestation])).toEqual([attestation]);
  });

  it('refuses another repository, another workflow, another file and a changed statement', async () => {
    const attestation = await attest();
    expect(check([attestation], { ...PUBLISHER, repository: 'octo-org/other' })).toMatch(
      /Source Repository URI https:\/\/github.com\/octo-org\/octo-repo is not/,
    );
    expect(check([attestation], { ...PUBLISHER, workflow: 'other.yml' })).toMatch(
      /Build Config URI .* is not the trusted publisher's workflow/,
    );
    const other = await attest({ ...FILE, filename: 'demo-1.0.tar.gz' });
    expect(check([other])).toMatch(/Subject name demo-1.0.tar.gz does not match/);
    const edited = structuredClone(attestation);
    const statement = JSON.parse(Buffer.from(edited.envelope.statement!, 'base64').toString());
    statement.subject[0].digest.sha256 = 'cd'.repeat(32);
    edited.envelope.statement = Buffer.from(JSON.stringify(statement)).toString('base64');
    expect(check([edited])).toMatch(/^Could not verify the uploaded artifact/);
    expect(check([attestation, attestation])).toMatch(/Multiple attestations/);
  });

  it("reads the certificate's Fulcio extensions as openssl does", async () => {
    const der = Buffer.from((await attest()).verification_material.certificate!, 'base64');
    const file = join(dir, 'leaf.der');
    await writeFile(file, der);
    const asn1 = (...args: string[]) =>
      run('openssl', ['asn1parse', '-inform', 'DER', '-in', file, ...args]).then((r) => r.stdout);
    const lines = (await asn1()).split('\n');
    /** The UTF8String openssl finds inside the extension `oid`'s OCTET STRING. */
    const openssl = async (oid: string) => {
      const at = lines.findIndex((l) => l.includes(`:${oid}`));
      const octets = lines.slice(at + 1).find((l) => l.includes('OCTET STRING')) ?? '';
      const offset = /^\s*(\d+):/.exec(octets)?.[1] ?? '';
      return /UTF8STRING\s*:(.*)$/m.exec(await asn1('-strparse', offset))?.[1];
    };
    expect(fulcioIdentity(der)).toEqual({
      issuer: await openssl('1.3.6.1.4.1.57264.1.8'),
      sourceRepositoryUri: await openssl('1.3.6.1.4.1.57264.1.12'),
      buildConfigUri: await openssl('1.3.6.1.4.1.57264.1.18'),
    });
    expect(fulcioIdentity(der)).toMatchObject({
      issuer: 'https://token.actions.githubusercontent.com',
    });
  });
});
