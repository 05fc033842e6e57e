/**
 * The workflow identity a Fulcio certificate names, as an index reads it to match a trusted
 * publisher. Fulcio writes each claim as an X.509 extension whose value is a DER UTF8String
 * (https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md, "1.3.6.1.4.1.57264.1.8" on).
 */
import { ASN1Obj, X509Certificate } from '@sigstore/core';

/** The Fulcio extensions the Warehouse stand-in reads. */
const FULCIO_OID = {
  issuer: '1.3.6.1.4.1.57264.1.8',
  sourceRepositoryUri: '1.3.6.1.4.1.57264.1.12',
  buildConfigUri: '1.3.6.1.4.1.57264.1.18',
} as const;

const UTF8_STRING = 0x0c;

export type FulcioIdentity = Record<keyof typeof FULCIO_OID, string>;

/**
 * The issuer, source repository and build config of a certificate (DER), or why they cannot
 * be read: a missing extension, or one that is not a UTF8String, names no one.
 */
export function fulcioIdentity(certificateDer: Buffer): FulcioIdentity | string {
  let certificate: X509Certificate;
  try {
    certificate = X509Certificate.parse(Buffer.from(certificateDer));
  } catch (error) {
    return `the signing certificate cannot be parsed (${(error as Error).message})`;
  }
  const identity: Partial<FulcioIdentity> = {};
  for (const [claim, oid] of Object.entries(FULCIO_OID) as Array<[keyof FulcioIdentity, string]>) {
    const extension = certificate.extension(oid);
    if (!extension) return `the signing certificate has no extension ${oid} (${claim})`;
    // extnValue is an OCTET STRING; its contents are the DER of the claim's UTF8String.
    const der = Buffer.from(extension.value);
    let value: ASN1Obj;
    try {
      value = ASN1Obj.parseBuffer(der);
      if (value.toDER().length !== der.length) throw new Error('trailing bytes');
    } catch {
      return `the extension ${oid} (${claim}) of the signing certificate is not DER`;
    }
    if (!value.tag.isUniversal() || value.tag.number !== UTF8_STRING)
      return `the extension ${oid} (${claim}) of the signing certificate is not a UTF8String`;
    identity[claim] = value.value.toString('utf8');
  }
  return identity as FulcioIdentity;
}
