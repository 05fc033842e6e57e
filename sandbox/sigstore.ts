/**
 * Stand-ins for Sigstore's Fulcio (certificates), Rekor (transparency log) and a timestamp
 * authority, on one loopback server, with the trusted root that verifies what they issue.
 * The CA, log and TSA cryptography is @sigstore/mock's; what a real service adds on top
 * (verifying the OIDC token, proof of possession, GitHub's certificate identity, Rekor's
 * canonical dsse entry) is done here.
 */
import { createHash, generateKeyPairSync, verify as verifySignature } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  initializeCA,
  initializeCTLog,
  initializeTLog,
  initializeTSA,
  tsaHandler,
} from '@sigstore/mock';
import { GITHUB_CA_SUBJECT, initializeGitHubCA } from './github-fulcio.ts';
import { jwksVerifier } from './oidc-issuer.ts';
import { commandLine, serveUntilStopped } from './process.ts';

export type SigstoreService = 'fulcio' | 'rekor' | 'tsa';

export interface SigstoreSandbox {
  url: string;
  /** Trusted root (protobuf-specs JSON) for @sigstore/verify and the `trusted-root` input. */
  trustedRoot: Record<string, unknown>;
  /** Makes the next `count` requests to a service answer `status` (retry tests). */
  failNext(service: SigstoreService, count: number, status?: number): void;
  /** How many requests each service received. */
  requests: Record<SigstoreService, number>;
  close(): Promise<void>;
}

export interface SigstoreOptions {
  /** Verifies an OIDC token as Fulcio would; returns its claims or throws. */
  verifyToken: (token: string) => Record<string, unknown>;
  serverUrl?: string;
  /**
   * `public-good` (default): Fulcio, Rekor and a TSA. `github`: GitHub's own instance for
   * private repositories, which has no transparency log: Rekor's path answers 404 and the
   * trusted root lists no log. Its certificates name GitHub as their issuer
   * (`O=GitHub, Inc., CN=Fulcio Intermediate l2`, `github-fulcio.ts`) and carry no SCT.
   */
  instance?: 'public-good' | 'github';
}

const GITHUB_EXTENSIONS: Array<[claim: string, oid: string, prefix: boolean]> = [
  ['iss', '1.3.6.1.4.1.57264.1.8', false],
  ['job_workflow_ref', '1.3.6.1.4.1.57264.1.9', true],
  ['job_workflow_sha', '1.3.6.1.4.1.57264.1.10', false],
  ['runner_environment', '1.3.6.1.4.1.57264.1.11', false],
  ['repository', '1.3.6.1.4.1.57264.1.12', true],
  ['sha', '1.3.6.1.4.1.57264.1.13', false],
  ['ref', '1.3.6.1.4.1.57264.1.14', false],
  ['repository_id', '1.3.6.1.4.1.57264.1.15', false],
  ['repository_owner', '1.3.6.1.4.1.57264.1.16', true],
  ['repository_owner_id', '1.3.6.1.4.1.57264.1.17', false],
  ['workflow_ref', '1.3.6.1.4.1.57264.1.18', true],
  ['workflow_sha', '1.3.6.1.4.1.57264.1.19', false],
  ['event_name', '1.3.6.1.4.1.57264.1.20', false],
  ['repository_visibility', '1.3.6.1.4.1.57264.1.22', false],
];

const ecKeyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
/** The mock's byte views as a Buffer. */
const bytes = (view: ArrayBufferView): Buffer =>
  Buffer.from(view.buffer, view.byteOffset, view.byteLength);
const b64 = (view: ArrayBufferView): string => bytes(view).toString('base64');

export async function startSigstore(options: SigstoreOptions): Promise<SigstoreSandbox> {
  const serverUrl = options.serverUrl ?? 'https://github.com';
  const logs = options.instance !== 'github';
  const start = new Date(Date.now() - 60_000);
  const ctlogKeys = ecKeyPair();
  const ctlog = await initializeCTLog(ctlogKeys);
  const ca = await initializeCA(ecKeyPair(), ctlog);
  const githubCa = logs ? undefined : await initializeGitHubCA();
  const tsa = await initializeTSA(ecKeyPair());
  // The mock TSA writes milliseconds into genTime when they are not zero, a form
  // @sigstore/verify does not parse; real timestamp authorities give whole seconds here.
  (tsa as unknown as { getCurrentTime: () => Date }).getCurrentTime = () =>
    new Date(Math.floor(Date.now() / 1000) * 1000);
  const timestamp = tsaHandler(tsa);
  const tlogKeys = ecKeyPair();

  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tlog = await initializeTLog(url, tlogKeys);

  const failures: Partial<Record<SigstoreService, { count: number; status: number }>> = {};
  const requests: Record<SigstoreService, number> = { fulcio: 0, rekor: 0, tsa: 0 };

  const issueCertificate = async (body: string) => {
    const request = JSON.parse(body) as {
      credentials: { oidcIdentityToken: string };
      publicKeyRequest: { publicKey: { content: string }; proofOfPossession: string };
    };
    let claims: Record<string, unknown>;
    try {
      claims = options.verifyToken(request.credentials.oidcIdentityToken);
    } catch (error) {
      return {
        status: 401,
        body: `error processing the identity token: ${(error as Error).message}`,
      };
    }
    const { content, proofOfPossession } = {
      ...request.publicKeyRequest,
      ...request.publicKeyRequest.publicKey,
    };
    const possession = verifySignature(
      'sha256',
      Buffer.from(String(claims.sub)),
      content,
      Buffer.from(proofOfPossession, 'base64'),
    );
    if (!possession)
      return { status: 400, body: 'The signature supplied in the request could not be verified' };
    const extensions = GITHUB_EXTENSIONS.filter(([claim]) => typeof claims[claim] === 'string').map(
      ([claim, oid, prefix]) => ({
        oid,
        value: prefix ? `${serverUrl}/${String(claims[claim])}` : String(claims[claim]),
      }),
    );
    const leafRequest = {
      publicKey: new Uint8Array(pemToDer(content)),
      subjectAltName: `${serverUrl}/${String(claims.job_workflow_ref)}`,
      extensions,
    };
    const chain = githubCa
      ? [await githubCa.issueCertificate(leafRequest), ...githubCa.chain].map(toPem)
      : [await ca.issueCertificate(leafRequest), ca.rootCertificate].map((c) => toPem(bytes(c)));
    return {
      status: 201,
      body: JSON.stringify({ signedCertificateEmbeddedSct: { chain: { certificates: chain } } }),
    };
  };

  const logEntry = async (body: string) => {
    const entry = await tlog.log(canonicalRekorEntry(JSON.parse(body)));
    return { status: 201, body: JSON.stringify(entry) };
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const service: SigstoreService | undefined =
      req.url === '/api/v2/signingCert'
        ? 'fulcio'
        : req.url === '/api/v1/log/entries'
          ? 'rekor'
          : req.url === '/api/v1/timestamp'
            ? 'tsa'
            : undefined;
    if (!service || req.method !== 'POST' || (service === 'rekor' && !logs))
      return send(res, 404, 'not found');
    requests[service] += 1;
    const failure = failures[service];
    if (failure && failure.count > 0) {
      failure.count -= 1;
      return send(
        res,
        failure.status,
        JSON.stringify({ code: failure.status, message: 'service unavailable' }),
      );
    }
    readBody(req)
      .then(async (request) => {
        if (service === 'fulcio') return issueCertificate(request.toString('utf8'));
        if (service === 'rekor') return logEntry(request.toString('utf8'));
        const answer = await timestamp.fn(request.toString('utf8'));
        const body = typeof answer.response === 'string' ? answer.response : bytes(answer.response);
        return { status: answer.statusCode, body, type: answer.contentType };
      })
      .then(
        (answer) =>
          send(res, answer.status, answer.body, 'type' in answer ? answer.type : undefined),
        (error: Error) => send(res, 400, error.message),
      );
  });

  const tlogKeyDer = tlog.publicKey;
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: logs
      ? [transparencyLog(url, tlogKeyDer, createHash('sha256').update(tlogKeyDer).digest(), start)]
      : [],
    certificateAuthorities: [
      githubCa
        ? {
            subject: GITHUB_CA_SUBJECT,
            uri: url,
            certChain: { certificates: githubCa.chain.map((der) => ({ rawBytes: b64(der) })) },
            validFor: { start: start.toISOString() },
          }
        : {
            subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
            uri: url,
            certChain: { certificates: [{ rawBytes: b64(ca.rootCertificate) }] },
            validFor: { start: start.toISOString() },
          },
    ],
    ctlogs: logs ? [transparencyLog(url, ctlog.publicKey, bytes(ctlog.logID), start)] : [],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'tsa' },
        uri: url,
        certChain: {
          certificates: [
            { rawBytes: b64(tsa.intCertificate) },
            { rawBytes: b64(tsa.rootCertificate) },
          ],
        },
        validFor: { start: start.toISOString() },
      },
    ],
  };

  return {
    url,
    trustedRoot,
    requests,
    failNext(service, count, status = 503) {
      failures[service] = { count, status };
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function transparencyLog(baseUrl: string, publicKey: Buffer, keyId: Buffer, start: Date) {
  return {
    baseUrl,
    hashAlgorithm: 'SHA2_256',
    publicKey: {
      rawBytes: b64(publicKey),
      keyDetails: 'PKIX_ECDSA_P256_SHA_256',
      validFor: { start: start.toISOString() },
    },
    logId: { keyId: b64(keyId) },
  };
}

/**
 * Rekor stores a dsse entry in canonical form (hashes and signatures, not the envelope);
 * verifiers compare against that form.
 */
function canonicalRekorEntry(proposed: {
  kind?: string;
  apiVersion?: string;
  spec?: Record<string, unknown>;
}): object {
  if (proposed.kind !== 'dsse') return proposed;
  const content = (proposed.spec?.proposedContent ?? {}) as {
    envelope: string;
    verifiers: string[];
  };
  const envelope = JSON.parse(content.envelope) as {
    payload: string;
    signatures: Array<{ sig: string }>;
  };
  const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
  return {
    apiVersion: proposed.apiVersion,
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(content.envelope) },
      payloadHash: { algorithm: 'sha256', value: sha256(Buffer.from(envelope.payload, 'base64')) },
      signatures: envelope.signatures.map((s, i) => ({
        signature: s.sig,
        verifier: content.verifiers[i] ?? content.verifiers[0],
      })),
    },
  };
}

function pemToDer(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----(BEGIN|END) [^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

function toPem(der: Uint8Array): string {
  const body = Buffer.from(der)
    .toString('base64')
    .replace(/.{64}(?!$)/g, '$&\n');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  type = 'application/json',
): void {
  res.writeHead(status, { 'content-type': type });
  res.end(body);
}

// `node sandbox/sigstore.ts --oidc-url <issuer> [--server-url https://github.com]`: announces
// the URL (Fulcio, Rekor and TSA alike) and `trustedRootPath`, a file holding the trusted root.
if (import.meta.main) {
  const flags = commandLine({ 'oidc-url': { type: 'string' }, 'server-url': { type: 'string' } });
  await serveUntilStopped(async () => {
    if (!flags['oidc-url']) throw new Error('--oidc-url (the OIDC issuer stand-in) is required');
    const verifyToken = await jwksVerifier(String(flags['oidc-url']));
    const sigstore = await startSigstore({
      verifyToken,
      ...(flags['server-url'] ? { serverUrl: String(flags['server-url']) } : {}),
    });
    const dir = await mkdtemp(join(tmpdir(), 'sandbox-sigstore-'));
    const trustedRootPath = join(dir, 'trusted-root.json');
    await writeFile(trustedRootPath, JSON.stringify(sigstore.trustedRoot));
    return {
      announce: { url: sigstore.url, trustedRootPath },
      async close() {
        await sigstore.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  });
}
