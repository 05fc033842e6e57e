import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { DSSEBundleBuilder, FulcioSigner, RekorWitness, TSAWitness } from '@sigstore/sign';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcIssuer, type OidcIssuer } from '../../sandbox/oidc-issuer.ts';
import { startSigstore, type SigstoreSandbox } from '../../sandbox/sigstore.ts';

let oidc: OidcIssuer;
let sigstore: SigstoreSandbox;

beforeAll(async () => {
  oidc = await startOidcIssuer();
  sigstore = await startSigstore({ verifyToken: (token) => oidc.verify(token) });
});
afterAll(async () => {
  await sigstore.close();
  await oidc.close();
});

async function sign(token: string, witnesses: 'rekor' | 'tsa') {
  const signer = new FulcioSigner({
    fulcioBaseURL: sigstore.url,
    identityProvider: { getToken: async () => token },
    retry: 0,
  });
  const witness =
    witnesses === 'rekor'
      ? new RekorWitness({ rekorBaseURL: sigstore.url, entryType: 'dsse', retry: 0 })
      : new TSAWitness({ tsaBaseURL: sigstore.url, retry: 0 });
  const builder = new DSSEBundleBuilder({ signer, witnesses: [witness] });
  const bundle = await builder.create({
    data: Buffer.from('{"_type":"https://in-toto.io/Statement/v1"}'),
    type: 'application/vnd.in-toto+json',
  });
  return bundleToJSON(bundle);
}

const verifier = (tlog: number, ctlog = 1) =>
  new Verifier(toTrustMaterial(TrustedRoot.fromJSON(sigstore.trustedRoot)), {
    tlogThreshold: tlog,
    ctlogThreshold: ctlog,
    tsaThreshold: tlog === 0 ? 1 : 0,
  });

describe('sigstore stand-ins', () => {
  it('issue a GitHub identity certificate and a Rekor entry that @sigstore/verify accepts', async () => {
    const json = await sign(oidc.mint('sigstore'), 'rekor');
    const signer = verifier(1).verify(toSignedEntity(bundleFromJSON(json)), {
      subjectAlternativeName:
        'https://github.com/octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.0.0',
      extensions: { issuer: 'https://token.actions.githubusercontent.com' },
    });
    expect(signer.identity?.extensions?.issuer).toBe('https://token.actions.githubusercontent.com');
  });

  it('timestamps with the TSA for private repositories', async () => {
    const json = await sign(oidc.mint('sigstore', { visibility: 'private' }), 'tsa');
    expect(json.verificationMaterial.tlogEntries ?? []).toEqual([]);
    expect(() => verifier(0).verify(toSignedEntity(bundleFromJSON(json)))).not.toThrow();
  });

  it('refuses a token the issuer did not sign', async () => {
    const token = oidc.mint('sigstore');
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${Buffer.from('x').toString('base64url')}`;
    await expect(sign(forged, 'rekor')).rejects.toThrow(/401|identity token/);
  });

  it('rejects an edited payload', async () => {
    const json = await sign(oidc.mint('sigstore'), 'rekor');
    const edited = structuredClone(json);
    edited.dsseEnvelope!.payload = Buffer.from('{"_type":"evil"}').toString('base64');
    expect(() => verifier(1).verify(toSignedEntity(bundleFromJSON(edited)))).toThrow();
  });
});
