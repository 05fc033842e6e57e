/**
 * The certificate authority of GitHub's own Sigstore instance (private repositories), shaped
 * as GitHub's Fulcio issues: a root `O=GitHub, Inc., CN=Internal Services Root` signs an
 * intermediate `O=GitHub, Inc., CN=Fulcio Intermediate l2`, which signs 10-minute leaves with
 * the workflow's identity and no SCT (the instance has no certificate transparency log).
 * @sigstore/mock's CA always names itself `O=sigstore.mock`, so a verifier's choice of trust
 * root by issuer could not be exercised with it.
 */
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

/** The issuer GitHub's Fulcio leaves carry (cli/cli's GitHub-instance test bundle). */
export const GITHUB_FULCIO_ISSUER = 'O=GitHub\\, Inc.,CN=Fulcio Intermediate l2';
const GITHUB_FULCIO_ROOT = 'O=GitHub\\, Inc.,CN=Internal Services Root';
/** What the trusted root says about the CA, as GitHub's trusted_root.json names it. */
export const GITHUB_CA_SUBJECT = {
  organization: 'GitHub, Inc.',
  commonName: 'Internal Services Root',
};

const CA_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-384', hash: 'SHA-384' } as const;
const LEAF_KEY = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const DAY_MS = 86_400_000;
const LEAF_LIFETIME_MS = 10 * 60_000;

export interface LeafRequest {
  /** The SPKI DER of the key to certify. */
  publicKey: Uint8Array;
  subjectAltName: string;
  /** Fulcio's OIDC extensions (1.3.6.1.4.1.57264.1.8 and up), as UTF-8 strings. */
  extensions: Array<{ oid: string; value: string }>;
}

export interface GitHubFulcioCA {
  /** DER of the intermediate, then the root: the chain after the leaf. */
  chain: Buffer[];
  issueCertificate(request: LeafRequest): Promise<Buffer>;
}

export async function initializeGitHubCA(): Promise<GitHubFulcioCA> {
  const crypto = webcrypto as unknown as typeof globalThis.crypto;
  const notBefore = new Date(Date.now() - DAY_MS);
  const notAfter = new Date(Date.now() + 365 * DAY_MS);
  const rootKeys = await crypto.subtle.generateKey(CA_ALGORITHM, true, ['sign', 'verify']);
  const intermediateKeys = await crypto.subtle.generateKey(CA_ALGORITHM, true, ['sign', 'verify']);
  const caUsage = x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign;
  const root = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: '01',
      name: GITHUB_FULCIO_ROOT,
      keys: rootKeys,
      signingAlgorithm: CA_ALGORITHM,
      notBefore,
      notAfter,
      extensions: [
        new x509.BasicConstraintsExtension(true, 1, true),
        new x509.KeyUsagesExtension(caUsage, true),
        await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  const intermediate = await x509.X509CertificateGenerator.create(
    {
      serialNumber: '02',
      subject: GITHUB_FULCIO_ISSUER,
      issuer: root.subject,
      publicKey: intermediateKeys.publicKey,
      signingKey: rootKeys.privateKey,
      signingAlgorithm: CA_ALGORITHM,
      notBefore,
      notAfter,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(caUsage, true),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.codeSigning]),
        await x509.SubjectKeyIdentifierExtension.create(intermediateKeys.publicKey, false, crypto),
        await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  let serial = 0x1000;
  return {
    chain: [Buffer.from(intermediate.rawData), Buffer.from(root.rawData)],
    async issueCertificate(request) {
      const key = await crypto.subtle.importKey('spki', request.publicKey, LEAF_KEY, true, [
        'verify',
      ]);
      const now = new Date();
      const leaf = await x509.X509CertificateGenerator.create(
        {
          serialNumber: (serial++).toString(16),
          subject: '',
          issuer: intermediate.subject,
          publicKey: key,
          signingKey: intermediateKeys.privateKey,
          signingAlgorithm: CA_ALGORITHM,
          notBefore: now,
          notAfter: new Date(now.getTime() + LEAF_LIFETIME_MS),
          extensions: [
            new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
            new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.codeSigning]),
            await x509.SubjectKeyIdentifierExtension.create(key, false, crypto),
            await x509.AuthorityKeyIdentifierExtension.create(
              intermediateKeys.publicKey,
              false,
              crypto,
            ),
            new x509.SubjectAlternativeNameExtension(
              [{ type: 'url', value: request.subjectAltName }],
              true,
            ),
            ...request.extensions.map(
              ({ oid, value }) => new x509.Extension(oid, false, utf8String(value)),
            ),
          ],
        },
        crypto,
      );
      return Buffer.from(leaf.rawData);
    },
  };
}

/** DER UTF8String (tag 12), how Fulcio encodes its v2 extensions. */
function utf8String(value: string): ArrayBuffer {
  const text = Buffer.from(value, 'utf8');
  const length =
    text.length < 0x80
      ? Buffer.from([text.length])
      : text.length < 0x100
        ? Buffer.from([0x81, text.length])
        : Buffer.from([0x82, text.length >> 8, text.length & 0xff]);
  const der = Buffer.concat([Buffer.from([0x0c]), length, text]);
  return der.buffer.slice(der.byteOffset, der.byteOffset + der.byteLength) as ArrayBuffer;
}
