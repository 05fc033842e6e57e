/**
 * Hostile server answers for the corpus: what a loopback server posing as GitHub's API, the
 * OIDC token service, Fulcio or the artifact service may answer: HTML, wrong shapes, huge
 * bodies, drips, silence, redirects to another host, lies in Content-Length.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostileHandler } from './world.ts';
import type { Verdict } from './world.ts';

/** Which hostile server answers: the others answer 404. `elsewhere` is a host nobody trusts. */
export type Role = 'github' | 'oidc' | 'fulcio' | 'elsewhere';

export interface ServerCase {
  name: string;
  /** The step run: `index` talks to GitHub alone, `provenance` to the OIDC service and Fulcio. */
  step: 'index' | 'provenance';
  handlers: Partial<Record<Role, (urls: Record<Role, string>) => HostileHandler>>;
  verdict: Verdict;
  /** What the error must name. */
  names?: RegExp;
  slow?: boolean;
}

const json = (res: ServerResponse, body: unknown, status = 200) =>
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const html = (res: ServerResponse, status = 200) =>
  res
    .writeHead(status, { 'content-type': 'text/html' })
    .end('<!DOCTYPE html><html><body><h1>Sign in to continue</h1></body></html>');
/** Headers, then one byte every 200 ms, never the end. */
const drip = (res: ServerResponse, type = 'application/json') => {
  res.writeHead(200, { 'content-type': type });
  res.write('[');
  const timer = setInterval(() => res.write(' '), 200);
  res.on('close', () => clearInterval(timer));
};
/** Accepts the request and never answers. */
const silence = (_req: IncomingMessage, res: ServerResponse) => {
  res.on('close', () => undefined);
};

const REPO = '/repos/octo-org/octo-repo';
const releases = (req: IncomingMessage) => (req.url ?? '').startsWith(`${REPO}/releases`);
/** A GitHub that answers the release listing with `answer`; everything else 404. */
const github =
  (answer: (req: IncomingMessage, res: ServerResponse) => void) =>
  (): HostileHandler =>
  (req, res) => {
    if (releases(req)) return answer(req, res);
    json(res, { message: 'Not Found' }, 404);
  };

/** One published release with one wheel whose download GitHub answers with `download`. */
const withAsset =
  (download: (res: ServerResponse, urls: Record<Role, string>) => void) =>
  (urls: Record<Role, string>): HostileHandler =>
  (req, res) => {
    const url = req.url ?? '';
    if (url.startsWith(`${REPO}/releases/assets/`)) return download(res, urls);
    // Only v1.0 exists: the run's own tag is looked up by name, and GitHub has no such release.
    if (url.startsWith(`${REPO}/releases/tags/`)) {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest' }),
      );
    }
    if (url.startsWith(`${REPO}/releases`))
      return json(res, [
        {
          id: 1,
          tag_name: 'v1.0',
          name: 'v1.0',
          draft: false,
          prerelease: false,
          immutable: false,
          html_url: 'https://github.com/octo-org/octo-repo/releases/tag/v1.0',
          upload_url: `${urls.github}/repos/octo-org/octo-repo/releases/1/assets{?name,label}`,
          assets: [
            {
              id: 7,
              name: 'demo-1.0-py3-none-any.whl',
              state: 'uploaded',
              size: 10,
              digest: null,
              content_type: 'application/zip',
              url: `${urls.github}${REPO}/releases/assets/7`,
              browser_download_url: `https://github.com/octo-org/octo-repo/releases/download/v1.0/demo-1.0-py3-none-any.whl`,
            },
          ],
        },
      ]);
    json(res, { message: 'Not Found' }, 404);
  };

const indexCase = (
  name: string,
  handler: ServerCase['handlers']['github'],
  verdict: Verdict,
  extra: Partial<ServerCase> = {},
): ServerCase => ({
  name,
  step: 'index',
  verdict,
  names: /GitHub|releases|github-token|GITHUB_API_URL/i,
  ...extra,
  handlers: { github: handler, ...extra.handlers },
});

const refusedGitHub = { refused: /GitHub|release/i };

export const GITHUB_CASES: ServerCase[] = [
  indexCase(
    'GitHub answers a sign-in page',
    github((_q, s) => html(s)),
    refusedGitHub,
  ),
  indexCase(
    'GitHub answers an object for a list',
    github((_q, s) => json(s, { message: 'hi' })),
    refusedGitHub,
  ),
  indexCase(
    'GitHub answers a list of strings',
    github((_q, s) => json(s, ['a', 'b'])),
    refusedGitHub,
  ),
  indexCase(
    'GitHub answers releases without assets lists',
    github((_q, s) => json(s, [{ id: 1, tag_name: 'v1', draft: false, assets: 'none' }])),
    refusedGitHub,
  ),
  indexCase(
    'GitHub answers cut-off JSON',
    github((_q, s) => s.writeHead(200, { 'content-type': 'application/json' }).end('[{"id":1,')),
    refusedGitHub,
  ),
  indexCase(
    'GitHub answers a Content-Length it does not send',
    github((_q, s) => {
      s.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000' });
      s.write('[');
      setTimeout(() => s.destroy(), 50);
    }),
    {
      ...refusedGitHub,
    },
  ),
  indexCase(
    'GitHub resets the connection',
    github((q) => q.socket.destroy()),
    refusedGitHub,
  ),
  indexCase(
    'GitHub answers 500 every time',
    github((_q, s) => json(s, { message: 'boom' }, 500)),
    refusedGitHub,
  ),
  indexCase(
    'GitHub says the token is bad',
    github((_q, s) => json(s, { message: 'Bad credentials' }, 401)),
    { refused: /401|credentials|token/i },
  ),
  indexCase(
    'GitHub rate-limits until tomorrow',
    github((_q, s) =>
      s
        .writeHead(403, {
          'content-type': 'application/json',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 86_400),
        })
        .end(JSON.stringify({ message: 'API rate limit exceeded' })),
    ),
    { refused: /rate limit/i },
  ),
  indexCase(
    'GitHub asks to retry after a day',
    github((_q, s) =>
      s
        .writeHead(429, { 'content-type': 'application/json', 'retry-after': '86400' })
        .end(JSON.stringify({ message: 'slow down' })),
    ),
    { refused: /429|rate|later|retry/i },
  ),
  indexCase(
    'GitHub redirects in a loop',
    github((q, s) => s.writeHead(302, { location: q.url ?? '/' }).end()),
    refusedGitHub,
  ),
  indexCase(
    'GitHub drips the listing',
    github((_q, s) => drip(s)),
    {
      ...refusedGitHub,
    },
  ),
  indexCase('GitHub never answers', github(silence), refusedGitHub),
  indexCase(
    'GitHub answers 64 MiB of listing',
    github((_q, s) => {
      s.writeHead(200, { 'content-type': 'application/json' });
      s.write('[');
      s.end(`${' '.repeat(64 * 1024 * 1024)}]`);
    }),
    refusedGitHub,
    { slow: true },
  ),
  indexCase(
    'GitHub links every page to itself',
    github((q, s) =>
      s
        .writeHead(200, {
          'content-type': 'application/json',
          link: `<http://${q.headers.host}${q.url}>; rel="next"`,
        })
        .end('[]'),
    ),
    refusedGitHub,
    {
      verdict: refusedGitHub,
      slow: true,
    },
  ),
  indexCase(
    'an asset download redirected to another host',
    withAsset((res, urls) =>
      res.writeHead(302, { location: `${urls.elsewhere}/storage/x.whl` }).end(),
    ),
    { accepted: true },
    {
      handlers: {
        elsewhere: () => (_req, res) =>
          res.writeHead(200, { 'content-type': 'application/octet-stream' }).end('not a wheel'),
      },
    },
  ),
  indexCase(
    'an asset download that is an HTML page',
    withAsset((res) => html(res)),
    { accepted: true },
  ),
  indexCase(
    'an asset download that drips',
    withAsset((res) => drip(res, 'application/zip')),
    {
      accepted: true,
    },
  ),
];

const provenanceCase = (
  name: string,
  role: 'oidc' | 'fulcio',
  handler: HostileHandler,
  verdict: Verdict,
): ServerCase => ({
  name,
  step: 'provenance',
  handlers: { [role]: () => handler },
  verdict,
  names: role === 'oidc' ? /OIDC|id-token|token/i : /Fulcio|fulcio-url|certificate/i,
});

const refusedOidc = { refused: /OIDC|id-token|token/i };
const refusedFulcio = { refused: /Fulcio|certificate|sign/i };

export const SIGNING_CASES: ServerCase[] = [
  provenanceCase('the OIDC service answers HTML', 'oidc', (_q, s) => html(s), refusedOidc),
  provenanceCase(
    'the OIDC service answers a number',
    'oidc',
    (_q, s) => json(s, { value: 42 }),
    refusedOidc,
  ),
  provenanceCase('the OIDC service answers null', 'oidc', (_q, s) => json(s, null), {
    refused: /OIDC token service at .* answered null where a JSON object belongs/,
  }),
  provenanceCase(
    'the OIDC service answers a token that is not a JWT',
    'oidc',
    (_q, s) => json(s, { value: 'not-a-jwt' }),
    refusedOidc,
  ),
  provenanceCase('the OIDC service answers 500', 'oidc', (_q, s) => json(s, {}, 500), refusedOidc),
  provenanceCase('the OIDC service drips', 'oidc', (_q, s) => drip(s), refusedOidc),
  provenanceCase('the OIDC service never answers', 'oidc', silence, refusedOidc),
  provenanceCase('Fulcio answers HTML', 'fulcio', (_q, s) => html(s), refusedFulcio),
  provenanceCase(
    'Fulcio answers a wrong shape',
    'fulcio',
    (_q, s) => json(s, { chain: 1 }),
    refusedFulcio,
  ),
  provenanceCase(
    'Fulcio answers a certificate that is not one',
    'fulcio',
    (_q, s) =>
      json(s, {
        signedCertificateEmbeddedSct: {
          chain: {
            certificates: ['-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'],
          },
        },
      }),
    refusedFulcio,
  ),
  provenanceCase('Fulcio drips', 'fulcio', (_q, s) => drip(s), refusedFulcio),
];
