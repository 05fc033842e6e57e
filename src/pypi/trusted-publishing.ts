/**
 * Trusted publishing: exchange the job's GitHub OIDC token for a short-lived upload token
 * (`/_/oidc/audience`, `/_/oidc/mint-token`). A failure explains the index's error codes with
 * the likely cause and fix, and shows the token's non-secret claims for debugging.
 * https://docs.pypi.org/trusted-publishers/using-a-publisher/
 */
import { EnvironmentError, ServiceError } from '../core/errors.ts';
import { isReservedAudience, knownAudience } from '../config/index-audience.ts';
import {
  isObject,
  kindOf,
  MAX_TOKEN_ANSWER_BYTES,
  readBoundedText,
  readJsonObject,
  type AnswerSource,
} from '../http/answer.ts';
import { fetchWithRetry } from '../http/fetch.ts';
import { DEFAULT_RETRY_POLICY, realSleep, type RetryPolicy, type Sleep } from '../http/retry.ts';
import { decodeClaims, type GitHubClaims } from '../github/oidc.ts';
import { quote } from '../core/text.ts';

export interface MintedToken {
  token: string;
  /** Unix seconds. */
  expires: number;
}

/** The index's origin, where `/_/oidc/` lives (upload.pypi.org and test.pypi.org serve it). */
export function indexOrigin(uploadUrl: string): string {
  return new URL(uploadUrl).origin;
}

/**
 * The audience to ask the runner for: PyPI's and TestPyPI's are known and never asked for;
 * any other index gets the workflow's `oidc-audience`, and must announce that same audience
 * (else the exchange could only fail, or the input names some other service).
 */
export async function resolveAudience(
  uploadUrl: string,
  explicit: string | undefined,
  policy?: RetryPolicy,
): Promise<string> {
  const known = knownAudience(uploadUrl);
  if (known) return known;
  const origin = indexOrigin(uploadUrl);
  if (!explicit || isReservedAudience(explicit)) {
    // config refuses this already; kept so that no path hands PyPI's audience elsewhere.
    throw new EnvironmentError(
      `No OIDC audience may be used for ${origin}: it is not PyPI or TestPyPI, and \`oidc-audience\` is ${explicit ? `PyPI's ${quote(explicit)}` : 'empty'}.`,
      {
        subject: 'oidc-audience',
        hint: 'Set `oidc-audience` to the audience that index documents, or pass an API token as `password`.',
      },
    );
  }
  const announced = await fetchAudience(uploadUrl, policy);
  if (announced === explicit) return explicit;
  throw new EnvironmentError(
    `${origin} announces the OIDC audience ${quote(announced)}, but \`oidc-audience\` is ${quote(explicit)}: no token was requested.`,
    {
      subject: 'oidc-audience',
      hint: isReservedAudience(announced)
        ? "The index asks for PyPI's audience: a token for it would let that index upload to your project on PyPI. Check `repository-url`; use a `password` for an index you trust that does this."
        : 'Set `oidc-audience` to the audience the index documents (and announces), or check `repository-url`.',
    },
  );
}

export async function fetchAudience(uploadUrl: string, policy?: RetryPolicy): Promise<string> {
  const url = `${indexOrigin(uploadUrl)}/_/oidc/audience`;
  const response = await fetchWithRetry(
    url,
    () => ({ headers: { accept: 'application/json' } }),
    `ask ${url} for its OIDC audience`,
    policy,
  );
  if (response.ok) {
    const answer = await readJsonObject(response, {
      service: "The index's OIDC audience endpoint",
      url,
      maxBytes: MAX_TOKEN_ANSWER_BYTES,
      hint: 'Check `repository-url`; re-run the job, and if it persists, check the index status page or pass an API token as `password`.',
    });
    const { audience } = answer.body;
    if (typeof audience === 'string') return audience;
    throw answer.wrong(`"audience" is ${kindOf(audience)}, not a string`);
  }
  await response.body?.cancel().catch(() => undefined);
  const fallback =
    'Pass an API token as `password` instead (from a secret), for indexes without trusted publishing.';
  if (response.status === 403) {
    throw new EnvironmentError(
      `${indexOrigin(uploadUrl)} has trusted publishing disabled (403 on ${url}).`,
      { subject: 'repository-url', hint: fallback },
    );
  }
  if (response.status === 404) {
    throw new EnvironmentError(
      `${indexOrigin(uploadUrl)} does not support trusted publishing (404 on ${url}).`,
      { subject: 'repository-url', hint: fallback },
    );
  }
  throw new ServiceError(
    `Failed to get the OIDC audience from ${url}: ${response.status} ${quote(response.statusText)}`,
    {
      hint: 'Re-run the job; if it persists, check the index status page.',
    },
  );
}

const CAUSES: Record<string, string> = {
  'invalid-publisher':
    'No trusted publisher registered on the index matches this workflow. On the project\'s "Publishing" settings, register: owner and repository, the workflow file name (the file that defines this job, see job_workflow_ref below) and the environment (e.g. `publish`). Every value must match the claims below exactly.',
  'invalid-pending-publisher':
    "A pending publisher matches, but the project already exists: pending publishers only create new projects. Register a normal trusted publisher in the existing project's settings.",
  'not-enabled':
    'The index has trusted publishing turned off. Use an API token as `password` instead.',
  'invalid-token':
    'The index could not verify the OIDC token. Check that the job runs on GitHub-hosted infrastructure that the index trusts, and re-run.',
  'invalid-payload':
    'The index could not read the token request (malformed token or unknown issuer), or a pending publisher matched but its project could not be created: the name is taken, too similar to an existing project, or refused, or the index does not register new projects now (its description says which). Pick another name in the pending publisher, or create the project first and register a normal trusted publisher.',
  'invalid-reuse-token': 'This OIDC token was already used (each is single-use). Re-run the job.',
};

const SHOWN_CLAIMS = [
  'sub',
  'repository',
  'repository_owner',
  'repository_owner_id',
  'workflow_ref',
  'job_workflow_ref',
  'ref',
  'environment',
] as const;

/** The non-secret claims, labelled, for a failure message. */
export function renderClaims(claims: GitHubClaims): string {
  const lines = SHOWN_CLAIMS.map(
    (name) => `  ${name}: ${quote(String(claims[name] ?? 'MISSING'))}`,
  );
  return `The token's claims, for debugging only (they are not secret):\n${lines.join('\n')}`;
}

/**
 * A reusable workflow signs as itself: PyPI matches `job_workflow_ref`, the called file. One
 * in the same repository matches only a publisher that names the called file; one from
 * another repository can match no publisher of this repository at all.
 */
export function reusableWorkflowNote(claims: GitHubClaims): string | undefined {
  const called = claims.job_workflow_ref;
  if (!claims.workflow_ref || !called || claims.workflow_ref === called) return undefined;
  const where = `This job runs in a reusable workflow (${quote(called)} called from ${quote(claims.workflow_ref)}).`;
  const calledRepository = called.split('/.github/workflows/')[0] ?? called;
  const file = /([^/]+\.ya?ml)@/.exec(called)?.[1] ?? called;
  if (calledRepository === claims.repository)
    return `${where} PyPI matches the called workflow, so the trusted publisher must name ${quote(file)}, not the calling workflow's file (PyPI documents reusable workflows as unsupported; this works today).`;
  return `${where} It lives in ${quote(calledRepository)}, and PyPI matches trusted publishers against the called workflow's repository: no publisher of ${quote(claims.repository)} can match. Run the publish job in a workflow of this repository.`;
}

/**
 * Exchanges a GitHub OIDC token for an upload token. Every attempt gets a fresh OIDC token
 * from `idToken`: the index refuses a token it has seen (`invalid-reuse-token`), and one sent
 * to an attempt that failed with a 5xx or no answer may have been recorded all the same.
 */
export async function mintUploadToken(
  uploadUrl: string,
  idToken: () => Promise<string>,
  mask: (secret: string) => void,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  sleep: Sleep = realSleep,
): Promise<MintedToken> {
  const url = `${indexOrigin(uploadUrl)}/_/oidc/mint-token`;
  let oidcToken = '';
  const response = await fetchWithRetry(
    url,
    async () => {
      oidcToken = await idToken();
      return {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ token: oidcToken }),
      };
    },
    `exchange the OIDC token at ${url}`,
    policy,
    sleep,
  );
  return readMintAnswer(url, response, decodeClaims(oidcToken), mask);
}

async function readMintAnswer(
  url: string,
  response: Response,
  claims: GitHubClaims,
  mask: (secret: string) => void,
): Promise<MintedToken> {
  const source: AnswerSource = {
    service: "The index's token exchange",
    url,
    maxBytes: MAX_TOKEN_ANSWER_BYTES,
    hint: 'Re-run the job; if it persists, check `repository-url` and the index status page.',
    secret: true,
  };
  if (response.ok) {
    const answer = await readJsonObject(response, source);
    const { token, expires } = answer.body;
    if (typeof token !== 'string' || !token)
      throw answer.wrong(
        token === '' ? '"token" is empty' : `"token" is ${kindOf(token)}, not a string`,
      );
    mask(token);
    if (expires !== undefined && expires !== null && !Number.isFinite(expires))
      throw answer.wrong(`"expires" is ${kindOf(expires)}, not a number`);
    return {
      token,
      expires: typeof expires === 'number' ? expires : Math.floor(Date.now() / 1000) + 900,
    };
  }
  // A refusal: its error codes say why, when it gives any in PyPI's form.
  const text = await readBoundedText(response, source);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const listed = isObject(body) && Array.isArray(body.errors) ? (body.errors as unknown[]) : [];
  const errors = listed.filter(isObject).map((e) => ({
    ...(typeof e.code === 'string' ? { code: e.code } : {}),
    ...(typeof e.description === 'string' ? { description: e.description } : {}),
  }));
  throw mintFailure(url, response.status, errors, claims);
}

function mintFailure(
  url: string,
  status: number,
  errors: Array<{ code?: string; description?: string }> | undefined,
  claims: GitHubClaims,
): EnvironmentError {
  const list = (errors ?? []).map(
    (e) => `  * ${e.code ?? 'unknown'}: ${quote(e.description ?? '')}`,
  );
  const causes = [...new Set((errors ?? []).map((e) => CAUSES[e.code ?? '']).filter(Boolean))];
  const reusable = reusableWorkflowNote(claims);
  const message = [
    `Trusted publishing exchange failed at ${url} (${status}).`,
    list.length > 0
      ? `The index answered:\n${list.join('\n')}`
      : 'The index gave no error codes (unexpected answer).',
    ...(reusable ? [reusable] : []),
    renderClaims(claims),
  ].join('\n');
  return new EnvironmentError(message, {
    subject: 'trusted-publishing',
    hint:
      causes.length > 0
        ? causes.join(' ')
        : 'Check the trusted publisher registered on the index, or use an API token as `password`.',
  });
}
