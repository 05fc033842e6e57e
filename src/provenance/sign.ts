/**
 * Keyless signing with Sigstore: a Fulcio certificate for the workflow's OIDC identity, then a
 * Rekor entry (public repositories) or an RFC 3161 timestamp (private ones), composed from
 * @sigstore/sign. The action only chooses endpoints and keeps the bundle.
 */
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import {
  DSSEBundleBuilder,
  FulcioSigner,
  InternalError,
  RekorWitness,
  TSAWitness,
  type Signer,
  type Witness,
} from '@sigstore/sign';
import { generateKeyPairSync, sign, X509Certificate } from 'node:crypto';
import { ServiceError } from '../core/errors.ts';
import { DEFAULT_SIGNING_TIMING, type SigningTiming, type SigstoreEndpoints } from './endpoints.ts';
import { IN_TOTO_PAYLOAD_TYPE, type Statement } from './statement.ts';

export {
  DEFAULT_SIGNING_TIMING,
  githubEndpoints,
  PUBLIC_GOOD_ENDPOINTS,
  type SigningTiming,
  type SigstoreEndpoints,
} from './endpoints.ts';

/** A certificate is reused for this long (Fulcio issues them for 10 minutes). */
const CERTIFICATE_REUSE_MS = 5 * 60 * 1000;

type SignerResult = Awaited<ReturnType<Signer['sign']>>;

/**
 * Signs many payloads with one ephemeral key and one Fulcio certificate, instead of a key and a
 * certificate per payload: one request to the CA for a whole release's attestations.
 */
class CertificateReusingSigner implements Signer {
  readonly #keys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  readonly #fulcio: FulcioSigner;
  #certificate: Promise<{ certificate: string; at: number }> | undefined;

  constructor(options: ConstructorParameters<typeof FulcioSigner>[0]) {
    this.#fulcio = new FulcioSigner({
      ...options,
      keyHolder: { sign: (data) => this.#signWithKey(data) },
    });
  }

  async #signWithKey(data: Buffer): Promise<SignerResult> {
    const publicKey = this.#keys.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    return {
      signature: sign('sha256', data, this.#keys.privateKey),
      key: { $case: 'publicKey', publicKey },
    };
  }

  /**
   * Fail closed on what the CA answered: a certificate that does not parse, or that certifies
   * another key, would be written into the bundle and only refused by whoever verifies it.
   */
  #checkCertificate(pem: string): void {
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(pem);
    } catch {
      throw new Error('Fulcio answered a certificate that is not an X.509 certificate');
    }
    const ours = this.#keys.publicKey.export({ format: 'der', type: 'spki' });
    if (!certificate.publicKey.export({ format: 'der', type: 'spki' }).equals(ours))
      throw new Error("Fulcio answered a certificate for another key than this job's");
  }

  async sign(data: Buffer): Promise<SignerResult> {
    const cached = this.#certificate ? await this.#certificate.catch(() => undefined) : undefined;
    if (cached && Date.now() - cached.at < CERTIFICATE_REUSE_MS) {
      return {
        signature: sign('sha256', data, this.#keys.privateKey),
        key: { $case: 'x509Certificate', certificate: cached.certificate },
      };
    }
    const first = this.#fulcio.sign(data).then((result) => {
      if (result.key.$case !== 'x509Certificate') throw new Error('Fulcio returned no certificate');
      this.#checkCertificate(result.key.certificate);
      return result;
    });
    this.#certificate = first.then((result) => ({
      certificate: (result.key as { certificate: string }).certificate,
      at: Date.now(),
    }));
    // The caller handles `first`; the cached copy rejects too, and unheeded that rejection
    // would end the process (Node's unhandled-rejection rule) with a stack trace.
    this.#certificate.catch(() => undefined);
    return first;
  }
}

export interface SigningSession {
  sign(statement: Statement): Promise<SerializedBundle>;
  /**
   * Asks Fulcio for the certificate now, while other work goes on, instead of on the first
   * signature. A failure here is not reported: the first signature asks again.
   */
  prefetchCertificate(): void;
}

/** A session signs any number of statements with one certificate and the same witnesses. */
export function createSigningSession(
  endpoints: SigstoreEndpoints,
  identityToken: string,
  timing: SigningTiming = DEFAULT_SIGNING_TIMING,
): SigningSession {
  const retry = {
    retries: timing.retries,
    factor: 2,
    minTimeout: timing.minRetryDelayMs,
    maxTimeout: timing.minRetryDelayMs * 8,
  };
  const fetchOptions = { timeout: timing.timeoutMs, retry };
  const signer = new CertificateReusingSigner({
    fulcioBaseURL: endpoints.fulcioUrl,
    identityProvider: { getToken: async () => identityToken },
    ...fetchOptions,
  });
  const witnesses: Witness[] = [];
  if (endpoints.rekorUrl) {
    witnesses.push(
      new RekorWitness({
        rekorBaseURL: endpoints.rekorUrl,
        entryType: 'dsse',
        fetchOnConflict: true,
        ...fetchOptions,
      }),
    );
  }
  if (endpoints.tsaUrl)
    witnesses.push(new TSAWitness({ tsaBaseURL: endpoints.tsaUrl, ...fetchOptions }));
  const builder = new DSSEBundleBuilder({ signer, witnesses });
  return {
    prefetchCertificate() {
      signer.sign(Buffer.alloc(0)).catch(() => undefined);
    },
    async sign(statement) {
      try {
        const bundle = await builder.create({
          data: Buffer.from(JSON.stringify(statement)),
          type: IN_TOTO_PAYLOAD_TYPE,
        });
        return bundleToJSON(bundle);
      } catch (error) {
        throw signingFailure(error, endpoints, timing);
      }
    },
  };
}

/** Signs a statement as a DSSE envelope and returns the Sigstore bundle (v0.3 JSON). */
export async function signStatement(
  statement: Statement,
  endpoints: SigstoreEndpoints,
  identityToken: string,
  timing: SigningTiming = DEFAULT_SIGNING_TIMING,
): Promise<SerializedBundle> {
  return createSigningSession(endpoints, identityToken, timing).sign(statement);
}

function signingFailure(
  error: unknown,
  endpoints: SigstoreEndpoints,
  timing: SigningTiming,
): ServiceError {
  const code = error instanceof InternalError ? error.code : undefined;
  const cause =
    error instanceof Error
      ? error.cause instanceof Error
        ? error.cause.message
        : error.message
      : String(error);
  const [service, url] =
    code === 'TLOG_CREATE_ENTRY_ERROR' || code === 'TLOG_FETCH_ENTRY_ERROR'
      ? ['the Rekor transparency log', endpoints.rekorUrl]
      : code === 'TSA_CREATE_TIMESTAMP_ERROR'
        ? ['the timestamp authority', endpoints.tsaUrl]
        : code?.startsWith('IDENTITY_TOKEN')
          ? ['the OIDC identity token', undefined]
          : ['Fulcio (the Sigstore certificate authority)', endpoints.fulcioUrl];
  return new ServiceError(
    `Failed to sign the provenance: ${service}${url ? ` at ${url}` : ''} failed: ${cause}`,
    {
      cause: error,
      hint: `Nothing was written. The request was tried ${timing.retries + 1} times; check https://status.sigstore.dev (or your Sigstore instance) and re-run the job.`,
    },
  );
}
