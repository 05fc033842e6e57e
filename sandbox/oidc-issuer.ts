/**
 * A stand-in for GitHub's OIDC token service: RS256 tokens with GitHub's claim set, served the
 * way a runner asks for them (ACTIONS_ID_TOKEN_REQUEST_URL + `&audience=`), and a JWKS so the
 * Fulcio and index stand-ins can verify them as the real services do.
 */
import {
  createPublicKey,
  generateKeyPairSync,
  randomUUID,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { commandLine, serveUntilStopped } from './process.ts';

export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';
const TOKEN_LIFETIME_SECONDS = 300;

/** The per-job facts a token describes; defaults describe a tag push in octo-org/octo-repo. */
export interface JobIdentity {
  repository: string;
  ref: string;
  sha: string;
  workflowPath: string;
  eventName: string;
  environment?: string;
  runId: string;
  runAttempt: string;
  /** `iss`; GHES mode: `https://HOSTNAME/_services/token` (default: github.com's). */
  issuer?: string;
  /** A reusable workflow's `owner/repo/.github/workflows/x.yml@ref`, when the job runs one. */
  jobWorkflowRef?: string;
  visibility: 'public' | 'private' | 'internal';
  /** GitHub's numeric ids; a name deleted and registered again gets new ones. */
  repositoryId?: string;
  ownerId?: string;
}

export const DEFAULT_IDENTITY: JobIdentity = {
  repository: 'octo-org/octo-repo',
  ref: 'refs/tags/v1.0.0',
  sha: 'a'.repeat(40),
  workflowPath: '.github/workflows/release.yml',
  eventName: 'push',
  runId: '4242',
  runAttempt: '1',
  visibility: 'public',
};

/**
 * A `workflow_dispatch` run from the default branch, as GitHub mints its tokens: the ref and
 * sha are the branch's (`refs/heads/main` and its head), whatever tag the inputs name, and the
 * workflow is the copy on that branch. The inputs are in no claim.
 */
export function dispatchIdentity(branchHead: string, branch = 'main'): Partial<JobIdentity> {
  return { eventName: 'workflow_dispatch', ref: `refs/heads/${branch}`, sha: branchHead };
}

export function githubClaims(identity: JobIdentity, audience: string): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const owner = identity.repository.split('/')[0] ?? '';
  const workflowRef = `${identity.repository}/${identity.workflowPath}@${identity.ref}`;
  return {
    jti: randomUUID(),
    sub: `repo:${identity.repository}:${identity.environment ? `environment:${identity.environment}` : `ref:${identity.ref}`}`,
    aud: audience,
    ref: identity.ref,
    sha: identity.sha,
    repository: identity.repository,
    repository_owner: owner,
    repository_owner_id: identity.ownerId ?? '1001',
    repository_id: identity.repositoryId ?? '2002',
    repository_visibility: identity.visibility,
    run_id: identity.runId,
    run_number: '7',
    run_attempt: identity.runAttempt,
    actor: 'octocat',
    actor_id: '3003',
    workflow: 'Release',
    workflow_ref: workflowRef,
    workflow_sha: identity.sha,
    job_workflow_ref: identity.jobWorkflowRef ?? workflowRef,
    job_workflow_sha: identity.sha,
    event_name: identity.eventName,
    ref_type: identity.ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    ref_protected: 'false',
    runner_environment: 'github-hosted',
    ...(identity.environment ? { environment: identity.environment } : {}),
    // GHES mode: a GitHub Enterprise Server's issuer is https://HOSTNAME/_services/token.
    iss: identity.issuer ?? GITHUB_OIDC_ISSUER,
    nbf: now - 5,
    iat: now,
    exp: now + TOKEN_LIFETIME_SECONDS,
  };
}

export interface OidcIssuer {
  /** Base URL; the token endpoint is `${url}/token?for=<job>`. */
  url: string;
  publicKey: KeyObject;
  /** Mints a token directly (tests); `identity` overrides the job's. */
  mint(audience: string, identity?: Partial<JobIdentity>): string;
  /** Env vars a job with `id-token: write` gets. */
  requestEnv(identity?: Partial<JobIdentity>): Record<string, string>;
  /** Every token handed out, so tests can scan logs for them. */
  issued: string[];
  /** Verifies signature, issuer and expiry; returns the claims. */
  verify(token: string): Record<string, unknown>;
  close(): Promise<void>;
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function startOidcIssuer(): Promise<OidcIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const requestTokens = new Map<string, JobIdentity>();
  const issuers = new Set([GITHUB_OIDC_ISSUER]);
  const issued: string[] = [];

  const mint = (audience: string, identity: Partial<JobIdentity> = {}): string => {
    const header = b64url({ alg: 'RS256', typ: 'JWT', kid });
    const payload = b64url(githubClaims({ ...DEFAULT_IDENTITY, ...identity }, audience));
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), privateKey);
    const token = `${header}.${payload}.${signature.toString('base64url')}`;
    issued.push(token);
    return token;
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/.well-known/jwks') {
      const jwk = publicKey.export({ format: 'jwk' });
      return json(res, 200, { keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }] });
    }
    if (url.pathname === '/token' && req.method === 'GET') {
      const bearer = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      const identity = requestTokens.get(bearer);
      if (!identity) return json(res, 401, { message: 'Bad credentials' });
      const audience =
        url.searchParams.get('audience') ??
        'https://github.com/' + identity.repository.split('/')[0];
      return json(res, 200, { count: 1, value: mint(audience, identity) });
    }
    json(res, 404, { message: 'Not Found' });
  };

  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url,
    publicKey,
    mint,
    issued,
    requestEnv(identity = {}) {
      const requestToken = `oidc-request-${randomUUID()}`;
      requestTokens.set(requestToken, { ...DEFAULT_IDENTITY, ...identity });
      // GHES mode: the Fulcio stand-ins then model a private Sigstore that trusts this issuer.
      if (identity.issuer) issuers.add(identity.issuer);
      return {
        ACTIONS_ID_TOKEN_REQUEST_URL: `${url}/token?api-version=2.0`,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
      };
    },
    verify: (token) => verifyToken(token, publicKey, issuers),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Checks an RS256 token the issuer made: signature, `iss` and time window. */
export function verifyToken(
  token: string,
  publicKey: KeyObject,
  issuers: ReadonlySet<string> = new Set([GITHUB_OIDC_ISSUER]),
): Record<string, unknown> {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) throw new Error('malformed JWT');
  const ok = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    createPublicKey(publicKey.export({ format: 'pem', type: 'spki' })),
    Buffer.from(signature, 'base64url'),
  );
  if (!ok) throw new Error('invalid signature');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.iss !== 'string' || !issuers.has(claims.iss)) throw new Error('unknown issuer');
  if (typeof claims.exp !== 'number' || claims.exp < now) throw new Error('token expired');
  return claims;
}

/**
 * A token check for a service in another process than the issuer: the issuer's key from its
 * JWKS (`${issuerUrl}/.well-known/jwks`), fetched once, then `verifyToken`.
 */
export async function jwksVerifier(
  issuerUrl: string,
): Promise<(token: string) => Record<string, unknown>> {
  const answer = await fetch(`${issuerUrl}/.well-known/jwks`);
  if (!answer.ok) throw new Error(`the OIDC issuer's JWKS answered ${answer.status}`);
  const { keys } = (await answer.json()) as { keys?: Array<Record<string, unknown>> };
  const [jwk] = keys ?? [];
  if (!jwk) throw new Error(`the OIDC issuer at ${issuerUrl} publishes no key`);
  const publicKey = createPublicKey({ key: jwk as never, format: 'jwk' });
  return (token) => verifyToken(token, publicKey);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

// `node sandbox/oidc-issuer.ts [--identity <JobIdentity JSON>]`: announces the URL and the
// request variables of one job (ACTIONS_ID_TOKEN_REQUEST_URL and _TOKEN).
if (import.meta.main) {
  const flags = commandLine({ identity: { type: 'string' } });
  await serveUntilStopped(async () => {
    const identity = flags.identity
      ? (JSON.parse(String(flags.identity)) as Partial<JobIdentity>)
      : {};
    const issuer = await startOidcIssuer();
    return {
      announce: { url: issuer.url, requestEnv: issuer.requestEnv(identity) },
      close: () => issuer.close(),
    };
  });
}
