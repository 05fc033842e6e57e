/**
 * A stateful stand-in for GitHub's REST API. It starts with what the steps use so far, the
 * artifact attestations endpoint, and answers the way GitHub does: 401 for an unknown token,
 * 403 for a token without the permission, 201 with the attestation id.
 */
import { randomUUID } from 'node:crypto';
import { HttpError, listenLoopback, readJsonObject, sendJson } from './http.ts';

/** Request bodies larger than this are refused (a bundle is a few kB). */
const MAX_JSON_BYTES = 8 * 1024 * 1024;

export type TokenPermission = 'contents:write' | 'attestations:write';

export interface StoredAttestation {
  id: number;
  repository: string;
  bundle: Record<string, unknown>;
}

export interface GitHubSandbox {
  url: string;
  /** Issues a token with the given permissions (the workflow token of a job). */
  token(permissions: TokenPermission[]): string;
  attestations: StoredAttestation[];
  close(): Promise<void>;
}

export async function startGitHub(): Promise<GitHubSandbox> {
  const tokens = new Map<string, Set<TokenPermission>>();
  const attestations: StoredAttestation[] = [];

  const authorize = (header: string | undefined, permission: TokenPermission): void => {
    const token = (header ?? '').replace(/^(Bearer|token) /i, '');
    const granted = tokens.get(token);
    if (!granted) throw new HttpError(401, 'Bad credentials');
    if (!granted.has(permission))
      throw new HttpError(403, 'Resource not accessible by integration');
  };

  const server = await listenLoopback(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const attest = /^\/repos\/([^/]+\/[^/]+)\/attestations$/.exec(url.pathname);
    try {
      if (attest && req.method === 'POST') {
        authorize(req.headers.authorization, 'attestations:write');
        const body = await readJsonObject(req, MAX_JSON_BYTES);
        if (typeof body.bundle !== 'object' || body.bundle === null)
          throw new HttpError(422, 'Invalid request: bundle is required');
        const id = attestations.length + 1;
        attestations.push({
          id,
          repository: attest[1] as string,
          bundle: body.bundle as Record<string, unknown>,
        });
        return sendJson(res, 201, { id });
      }
      throw new HttpError(404, 'Not Found');
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      sendJson(res, error.status, {
        message: error.message,
        documentation_url: 'https://docs.github.com/rest',
        status: String(error.status),
      });
    }
  });

  return {
    url: server.url,
    attestations,
    token(permissions) {
      const token = `ghs_${randomUUID().replace(/-/g, '')}`;
      tokens.set(token, new Set(permissions));
      return token;
    },
    close: () => server.close(),
  };
}
