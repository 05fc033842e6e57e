/**
 * A Warehouse-like package index (PyPI's software) for the sandbox: the legacy upload API with
 * Warehouse's validation order and messages (in the reason phrase and the body), every uploaded
 * archive opened with CPython as PyPI opens it (warehouse-archive.ts), trusted
 * publishing (`/_/oidc/audience`, `/_/oidc/mint-token` with its error codes), PEP 740
 * attestation checks against the sandbox's Sigstore, a PEP 503 simple index and the JSON API.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenLoopback, readJsonObject, sendJson } from './http.ts';
import { jwksVerifier } from './oidc-issuer.ts';
import { commandLine, numberFlag, serveUntilStopped } from './process.ts';
import { inspectArchive, isStdlibName } from './warehouse-archive.ts';
import { verifyAttestations } from './warehouse-attestations.ts';
import { html, jsonApi, simpleJson } from './warehouse-pages.ts';
import {
  checkExtension,
  checkFilename,
  matches,
  normalize,
  Refusal,
  REQUIRED_CLAIMS,
} from './warehouse-rules.ts';
import { checkMetadata } from './warehouse-metadata.ts';
import { consultOracle, startOracle } from './warehouse-oracle.ts';
import { checkWheelPlatforms } from './warehouse-platforms.ts';
import { readUploadForm } from './warehouse-upload.ts';

const SINGLE_FIELDS = [
  'name',
  'version',
  'metadata_version',
  'summary',
  'description',
  'keywords',
  'requires_python',
  'license',
  'license_expression',
  'filetype',
  'pyversion',
  'sha256_digest',
  'blake2_256_digest',
  ':action',
  'protocol_version',
];
const MAX_AGE_DAYS = 14;
const TOKEN_LIFETIME_SECONDS = 900;

/**
 * The audience the stand-ins announce unless told otherwise. They serve on loopback, not on
 * PyPI's hosts, so the action (rightly) gives them a token only for an audience the workflow
 * names with `oidc-audience`; this one is shared so that one input covers both stand-ins.
 */
export const SANDBOX_AUDIENCE = 'sandbox-index';

export interface WarehouseOptions {
  name: 'pypi' | 'testpypi';
  /** What `/_/oidc/audience` announces and `mint-token` requires (default SANDBOX_AUDIENCE). */
  audience?: string;
  verifyToken: (jwt: string) => Record<string, unknown>;
  trustedRoot: Record<string, unknown>;
  /** false: no JSON API (`/pypi/…/json` answers 404), as devpi or Artifactory. */
  jsonApi?: boolean;
  /**
   * Serve as a devpi index named `<user>/<index>` (e.g. `ci/prod`) does: uploads to
   * `/<user>/<index>/`, PEP 503 HTML pages (no upload times) at `/<user>/<index>/+simple/`,
   * files at `/<user>/<index>/+f/`, and no `/legacy/`, `/simple/` or JSON API.
   */
  devpi?: string;
  /** Each request waits this long before it is served, as if the index were that far away. */
  latencyMs?: number;
}

export interface StoredFile {
  project: string;
  version: string;
  filename: string;
  packagetype: 'sdist' | 'bdist_wheel';
  sha256: string;
  blake2b: string;
  size: number;
  /** The bytes as uploaded (kept in memory). */
  chunks: Buffer[];
  fields: Record<string, string[]>;
  attestations: unknown[];
  uploadedAt: Date;
}

export interface TrustedPublisher {
  project: string;
  /** `owner/name` as registered: matched case-sensitively, as PyPI does. */
  repository: string;
  /** The workflow file name as registered (case-sensitive). */
  workflow: string;
  /** Case-insensitive; absent: any job, with or without an environment. */
  environment?: string;
  /** The owner's GitHub id recorded at registration; absent: not checked. */
  ownerId?: string;
}

export interface Warehouse {
  url: string;
  uploadUrl: string;
  simpleUrl: string;
  files(project?: string): StoredFile[];
  requests: Array<{ method: string; path: string; status: number }>;
  /** Every token minted by trusted publishing. */
  minted: string[];
  addApiToken(token: string): void;
  /** A user name and password the index takes for uploads (devpi, Artifactory). */
  addUser(name: string, password: string): void;
  addTrustedPublisher(publisher: TrustedPublisher): void;
  createProject(name: string): void;
  ageRelease(project: string, version: string, days: number): void;
  disableTrustedPublishing(): void;
  /**
   * The next `count` exchanges record the token as used, then answer 503, as a PyPI whose
   * answer is lost after the `jti` was recorded: only a fresh OIDC token can succeed after.
   */
  failNextMints(count: number): void;
  /** The next `count` uploads are read whole, then answered 503 (nothing is stored). */
  failNextUploads(count: number): void;
  close(): Promise<void>;
}

type Identity = { kind: 'api' } | { kind: 'trusted'; publisher: TrustedPublisher; expires: number };

export async function startWarehouse(options: WarehouseOptions): Promise<Warehouse> {
  startOracle();
  const files: StoredFile[] = [];
  const projects = new Set<string>();
  const apiTokens = new Set<string>();
  const users = new Map<string, string>();
  const publishers: TrustedPublisher[] = [];
  const mintedTokens = new Map<string, Identity>();
  const usedJti = new Set<string>();
  const requests: Warehouse['requests'] = [];
  let trustedPublishing = true;
  let failingMints = 0;
  let failingUploads = 0;
  const audience = options.audience ?? SANDBOX_AUDIENCE;

  const authenticate = (req: IncomingMessage): Identity => {
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const [user, token = ''] = basic ? Buffer.from(basic, 'base64').toString().split(/:(.*)/s) : [];
    const invalid = new Refusal(
      403,
      'Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth for more information.',
    );
    if (user !== undefined && user !== '__token__' && users.get(user) === token)
      return { kind: 'api' };
    if (user !== '__token__') throw invalid;
    if (apiTokens.has(token)) return { kind: 'api' };
    const minted = mintedTokens.get(token);
    if (!minted) throw invalid;
    if (minted.kind === 'trusted' && minted.expires < Date.now() / 1000)
      throw new Refusal(403, 'Invalid API Token: token is expired');
    return minted;
  };

  /** The answer's body ('HTML': the form page). */
  const upload = async (req: IncomingMessage): Promise<string> => {
    const identity = authenticate(req);
    const form = await readUploadForm(req);
    if (failingUploads > 0) {
      failingUploads--;
      throw new Refusal(503, 'Service Unavailable');
    }
    if (form.tupleField) throw new Refusal(400, `${form.tupleField}: Should not be a tuple.`);
    const field = (name: string): string | undefined => {
      const values = form.fields.get(name) ?? [];
      if (values.length > 1 && SINGLE_FIELDS.includes(name))
        throw new Refusal(400, `'${name}' has invalid data.`);
      return values[0];
    };
    if (field(':action') !== 'file_upload') return 'HTML';
    if ((field('protocol_version') ?? '1') !== '1')
      throw new Refusal(400, 'Unknown protocol version.');
    const values = (name: string): string[] =>
      (form.fields.get(name) ?? []).filter((v) => v.trim() !== 'UNKNOWN');
    const oracle = await consultOracle(values);
    checkMetadata(values, oracle);
    const name = field('name') ?? '';
    const version = field('version') ?? '';
    const filetype = field('filetype');
    if (filetype !== 'sdist' && filetype !== 'bdist_wheel')
      throw new Refusal(400, 'Use a known file type.');
    const file = form.file;
    if (!file) throw new Refusal(400, 'Upload payload does not have a file.');
    if (!file.contentType || file.contentType.startsWith('image/'))
      throw new Refusal(400, 'Invalid distribution file.');
    const pyversion = field('pyversion') ?? (filetype === 'sdist' ? 'source' : undefined);
    if (filetype === 'bdist_wheel' && !pyversion)
      throw new Refusal(400, 'Python version is required for binary distribution uploads.');
    const sha = field('sha256_digest');
    const blake = field('blake2_256_digest');
    if (!sha && !blake) throw new Refusal(400, 'Include at least one message digest.');
    if (
      (sha && sha.toLowerCase() !== file.sha256) ||
      (blake && blake.toLowerCase() !== file.blake2b)
    ) {
      throw new Refusal(
        400,
        'The digest supplied does not match a digest calculated from the uploaded file.',
      );
    }
    const project = normalize(name);
    if (!projects.has(project)) {
      if (identity.kind === 'trusted')
        throw new Refusal(
          400,
          'Non-user identities cannot create new projects. This was probably caused by successfully using a pending publisher but specifying the project name incorrectly.',
        );
      if (await isStdlibName(name))
        throw new Refusal(
          400,
          `The name '${name}' isn't allowed (conflict with Python Standard Library module name). See https://pypi.org/help/#project-name for more information.`,
        );
      projects.add(project);
    }
    if (identity.kind === 'trusted' && normalize(identity.publisher.project) !== project) {
      throw new Refusal(
        403,
        `The given token isn't allowed to upload to project '${project}'. See https://pypi.org/help/#project-name for more information.`,
      );
    }
    if (oracle.rendered === false) {
      const type = values('description_content_type')[0];
      throw new Refusal(
        400,
        `${type ? `The description failed to render for '${type}'.` : 'The description failed to render in the default format of reStructuredText.'} See https://pypi.org/help/#description-content-type for more information.`,
      );
    }
    checkExtension(file.filename, filetype);
    /** The checks against the files already stored: 'same' when this very file is there. */
    const checkStored = (): 'same' | undefined => {
      const duplicate = files.find(
        (f) => f.filename === file.filename || f.blake2b === file.blake2b,
      );
      if (duplicate) {
        if (
          duplicate.filename === file.filename &&
          duplicate.sha256 === file.sha256 &&
          duplicate.blake2b === file.blake2b
        )
          return 'same';
        throw new Refusal(
          400,
          `File already exists ('${file.filename}', with blake2_256 hash '${file.blake2b}'). See https://pypi.org/help/#file-name-reuse for more information.`,
        );
      }
      const release = files.filter((f) => f.project === project && f.version === version);
      const oldest = release.reduce((min, f) => Math.min(min, f.uploadedAt.getTime()), Infinity);
      if (Date.now() - oldest > MAX_AGE_DAYS * 86_400_000)
        throw new Refusal(
          400,
          'Uploading new files to releases older than 14 days is not allowed.',
        );
      if (filetype === 'sdist' && release.some((f) => f.packagetype === 'sdist'))
        throw new Refusal(400, 'Only one sdist may be uploaded per release.');
      return undefined;
    };
    if (checkStored() === 'same') return '';
    // The archive, then the wheel's platform tags, then what the archive holds (§0).
    const licenseFiles = (form.fields.get('license_file') ?? []).filter(
      (v) => v.trim() && v.trim() !== 'UNKNOWN',
    );
    const found = await inspectArchive(file, filetype, licenseFiles);
    if (found.archive) throw found.archive;
    if (filetype === 'bdist_wheel') checkWheelPlatforms(file.filename);
    checkFilename(file.filename, filetype, project, version);
    if (found.contents) throw found.contents;
    const attestationsField = field('attestations');
    let attestations: unknown[] = [];
    if (attestationsField !== undefined) {
      if (identity.kind !== 'trusted')
        throw new Refusal(
          400,
          'Invalid attestations supplied during upload: Attestations are only supported when using Trusted Publishing',
        );
      const problem = checkAttestations(attestationsField, file, identity.publisher);
      if (typeof problem === 'string')
        throw new Refusal(400, `Invalid attestations supplied during upload: ${problem}`);
      attestations = problem;
    }
    files.push({
      project,
      version,
      filename: file.filename,
      packagetype: filetype,
      sha256: file.sha256,
      blake2b: file.blake2b,
      size: file.size,
      chunks: file.chunks,
      fields: Object.fromEntries(form.fields),
      attestations,
      uploadedAt: new Date(),
    });
    return '';
  };

  const checkAttestations = (
    text: string,
    file: { filename: string; sha256: string },
    publisher: TrustedPublisher,
  ): unknown[] | string => {
    try {
      return verifyAttestations(text, file, options.trustedRoot, publisher);
    } catch (error) {
      return `Could not verify the uploaded artifact: ${(error as Error).message}`;
    }
  };

  const mint = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const fail = (code: string, description: string) =>
      sendJson(res, 422, { message: 'Token request failed', errors: [{ code, description }] });
    if (!trustedPublishing)
      return fail('not-enabled', 'Trusted publishing functionality not enabled');
    const body = await readJsonObject(req, 64 * 1024).catch(() => undefined);
    if (!body || typeof body.token !== 'string')
      return fail('invalid-payload', 'token: Field required');
    if (!unverifiedIssuer(body.token)) return fail('invalid-payload', 'malformed JWT');
    let claims: Record<string, unknown>;
    try {
      claims = options.verifyToken(body.token);
    } catch {
      return fail('invalid-token', 'malformed or invalid token');
    }
    const missing = REQUIRED_CLAIMS.find((c) => claims[c] === undefined);
    if (missing)
      return fail(
        'invalid-publisher',
        `valid token, but no corresponding publisher (Missing claim '${missing}')`,
      );
    if (claims.aud !== audience) return fail('invalid-token', 'malformed or invalid token');
    if (claims.event_name === 'pull_request_target')
      return fail(
        'invalid-publisher',
        "valid token, but no corresponding publisher (Publisher with matching claims was not found: Publishing from a workflow invoked via 'pull_request_target' is not supported.)",
      );
    // The environment-specific publisher is chosen when both match.
    const candidates = publishers.filter((p) => matches(p, claims));
    const publisher = candidates.find((p) => p.environment) ?? candidates[0];
    if (!publisher)
      return fail(
        'invalid-publisher',
        `valid token, but no corresponding publisher (Publisher with matching claims was not found)`,
      );
    // Recorded once the publisher matched, and never undone (PyPI: Redis SET NX).
    if (usedJti.has(String(claims.jti)))
      return fail('invalid-reuse-token', 'invalid token: already used');
    usedJti.add(String(claims.jti));
    if (failingMints > 0) {
      failingMints--;
      return sendJson(res, 503, { message: 'Service Unavailable' });
    }
    const token = `pypi-${randomBytes(24).toString('base64url')}`;
    const expires = Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_SECONDS;
    mintedTokens.set(token, { kind: 'trusted', publisher, expires });
    sendJson(res, 200, { success: true, token, expires });
  };

  const devpiPrefix = options.devpi ? `/${options.devpi}/` : undefined;
  /** A devpi path as the Warehouse route that serves it; undefined: devpi has no such page. */
  const devpiRoute = (prefix: string, path: string): string | undefined => {
    if (path === prefix) return '/legacy/';
    if (path.startsWith(`${prefix}+simple/`))
      return `/simple/${path.slice(prefix.length + '+simple/'.length)}`;
    if (path.startsWith(`${prefix}+f/`)) return `/files/${path.slice(prefix.length + 3)}`;
    return undefined;
  };
  const filesBase = () => (devpiPrefix ? `${publicUrl}${devpiPrefix}+f` : `${publicUrl}/files`);

  const server = await listenLoopback(async (req, res) => {
    if (options.latencyMs) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
    const url = new URL(req.url ?? '/', 'http://sandbox');
    res.on('close', () =>
      requests.push({ method: req.method ?? '', path: url.pathname, status: res.statusCode }),
    );
    const path = devpiPrefix ? devpiRoute(devpiPrefix, url.pathname) : url.pathname;
    if (path === undefined) return void res.writeHead(404).end();
    if (path === '/legacy' && req.method === 'POST') {
      req.resume();
      res.writeHead(
        308,
        'An upload was attempted to /legacy but the expected upload URL is /legacy/ (with a trailing slash)',
        { location: '/legacy/' },
      );
      return void res.end();
    }
    if (path === '/legacy/' && req.method === 'POST') {
      try {
        const answer = await upload(req);
        if (answer === 'HTML')
          return void res
            .writeHead(200, { 'content-type': 'text/html' })
            .end('<html><body>Upload</body></html>');
        return void res.writeHead(200, { 'content-type': 'text/plain' }).end(answer);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        req.resume();
        res.writeHead(error.status, error.message.replace(/[^\x20-\x7e]/g, '?'), {
          'content-type': 'text/plain',
        });
        return void res.end(`${error.status} ${error.message}\n`);
      }
    }
    if (path === '/_/oidc/audience') {
      return trustedPublishing
        ? sendJson(res, 200, { audience })
        : sendJson(res, 403, { message: 'Trusted publishing functionality not enabled' });
    }
    if (path === '/_/oidc/mint-token' && req.method === 'POST') return mint(req, res);
    if (path === '/simple/')
      return html(
        res,
        [...projects].map((p) => `<a href="${p}/">${p}</a>`),
      );
    const simple = /^\/simple\/([^/]+)\/$/.exec(path);
    if (simple) {
      const project = normalize(decodeURIComponent(simple[1] as string));
      const list = files.filter((f) => f.project === project);
      // A project without files still has its page (Warehouse); an unknown one is 404.
      if (list.length === 0 && !projects.has(project)) return void res.writeHead(404).end();
      const accept = req.headers.accept ?? '';
      if (!devpiPrefix && accept.includes('application/vnd.pypi.simple.v1+json'))
        return simpleJson(res, simple[1] as string, list, publicUrl);
      return html(
        res,
        list.map(
          (f) =>
            `<a href="${filesBase()}/${f.project}/${f.filename}#sha256=${f.sha256}">${f.filename}</a>`,
        ),
      );
    }
    const download = /^\/files\/([^/]+)\/([^/]+)$/.exec(path);
    if (download) {
      const file = files.find(
        (f) =>
          f.project === download[1] && f.filename === decodeURIComponent(download[2] as string),
      );
      if (!file) return void res.writeHead(404).end();
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': String(file.size),
      });
      for (const chunk of file.chunks) res.write(chunk);
      return void res.end();
    }
    const json = /^\/pypi\/([^/]+)(?:\/([^/]+))?\/json$/.exec(path);
    if (json && options.jsonApi !== false)
      return jsonApi(
        res,
        normalize(decodeURIComponent(json[1] as string)),
        json[2] && decodeURIComponent(json[2]),
        files,
        filesBase(),
      );
    res.writeHead(404).end();
  });

  const publicUrl = server.url;

  return {
    url: publicUrl,
    uploadUrl: devpiPrefix ? `${publicUrl}${devpiPrefix}` : `${publicUrl}/legacy/`,
    simpleUrl: devpiPrefix ? `${publicUrl}${devpiPrefix}+simple/` : `${publicUrl}/simple/`,
    files: (project) => files.filter((f) => !project || f.project === normalize(project)),
    requests,
    get minted() {
      return [...mintedTokens.keys()];
    },
    addApiToken: (token) => void apiTokens.add(token),
    addUser: (name, password) => void users.set(name, password),
    addTrustedPublisher: (publisher) => void publishers.push(publisher),
    createProject: (name) => void projects.add(normalize(name)),
    ageRelease(project, version, days) {
      for (const f of files)
        if (f.project === normalize(project) && f.version === version)
          f.uploadedAt = new Date(f.uploadedAt.getTime() - days * 86_400_000);
    },
    disableTrustedPublishing: () => {
      trustedPublishing = false;
    },
    failNextMints: (count) => {
      failingMints = count;
    },
    failNextUploads: (count) => {
      failingUploads = count;
    },
    async close() {
      await server.close();
    },
  };
}

/** The `iss` of a JWT read without verifying it: Warehouse's first look ('malformed JWT'). */
function unverifiedIssuer(jwt: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as {
      iss?: unknown;
    };
    return typeof payload.iss === 'string' ? payload.iss : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `node sandbox/warehouse.ts [flags]`: announces `url`, `uploadUrl` and `simpleUrl`. Flags:
 * `--name pypi|testpypi`, `--oidc-url <issuer stand-in>` (without it no token is trusted),
 * `--trusted-root <file>` (without it no attestation verifies), `--latency-ms N`,
 * `--audience A` (default SANDBOX_AUDIENCE), and, each
 * repeatable, `--api-token T`, `--project NAME`, `--trusted-publisher <TrustedPublisher JSON>`.
 */
async function serveFromCommandLine(): Promise<void> {
  const flags = commandLine({
    name: { type: 'string', default: 'pypi' },
    'oidc-url': { type: 'string' },
    'trusted-root': { type: 'string' },
    'latency-ms': { type: 'string' },
    audience: { type: 'string' },
    'api-token': { type: 'string', multiple: true },
    project: { type: 'string', multiple: true },
    'trusted-publisher': { type: 'string', multiple: true },
  });
  const list = (flag: string) => (flags[flag] as string[] | undefined) ?? [];
  await serveUntilStopped(async () => {
    const name = flags.name;
    if (name !== 'pypi' && name !== 'testpypi')
      throw new Error(`--name must be pypi or testpypi, not ${String(name)}`);
    const latencyMs = numberFlag(flags['latency-ms'], 'latency-ms');
    const verifyToken = flags['oidc-url']
      ? await jwksVerifier(String(flags['oidc-url']))
      : () => {
          throw new Error('no OIDC issuer is trusted');
        };
    const trustedRoot = flags['trusted-root']
      ? (JSON.parse(await readFile(String(flags['trusted-root']), 'utf8')) as Record<
          string,
          unknown
        >)
      : {};
    const index = await startWarehouse({
      name,
      verifyToken,
      trustedRoot,
      ...(latencyMs === undefined ? {} : { latencyMs }),
      ...(flags.audience ? { audience: String(flags.audience) } : {}),
    });
    for (const token of list('api-token')) index.addApiToken(token);
    for (const project of list('project')) index.createProject(project);
    for (const publisher of list('trusted-publisher'))
      index.addTrustedPublisher(JSON.parse(publisher) as TrustedPublisher);
    return {
      announce: { url: index.url, uploadUrl: index.uploadUrl, simpleUrl: index.simpleUrl },
      close: () => index.close(),
    };
  });
}

if (import.meta.main) await serveFromCommandLine();
