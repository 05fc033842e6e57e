/**
 * A stand-in for GitHub's Actions results service, the backend `@actions/artifact` v6 talks to:
 * five Twirp JSON methods plus the Azure block-blob transfer their signed URLs point at, on one
 * loopback server. Blobs live on disk, so artifacts of any size keep memory flat.
 *
 * Wire format as the client sends and reads it (node_modules/@actions/artifact/lib): requests
 * use proto field names (snake_case), int64 as strings, `StringValue`/`Int64Value` as bare
 * values. Answers use proto names too: the client masks `signed_upload_url`/`signed_url` only
 * under those names. Every Twirp answer is JSON, errors included: the client parses error
 * bodies and retries (5 times from 3 s) when a body is not JSON or the status is 429/5xx.
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, rename, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { HttpError, listenLoopback, readBody, readJsonObject, sendJson } from './http.ts';
import { commandLine, serveUntilStopped } from './process.ts';

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';
const BLOB_PREFIX = '/blob/';
const MAX_RPC_BODY_BYTES = 1024 * 1024;
/** The client stages 8 MiB blocks; Azure's own limit is far higher. */
const MAX_BLOCK_BYTES = 256 * 1024 * 1024;
const MAX_BLOCK_LIST_BYTES = 16 * 1024 * 1024;
const MAX_BLOCK_ID_BYTES = 64;
const FIRST_ARTIFACT_ID = 1001;
const TOKEN_LIFETIME_SECONDS = 6 * 60 * 60;
/** The backend's own words for a duplicate name; workflows and docs quote them. */
export const DUPLICATE_NAME_MESSAGE =
  'an artifact with this name already exists on the workflow run';

/** Signs runtime tokens: the client only decodes them, the service checks them. */
const TOKEN_KEY = randomBytes(32);

export interface RuntimeIds {
  runBackendId: string;
  jobBackendId: string;
  /** Names are unique per run attempt: a re-run may upload a name again (default 1). */
  runAttempt?: number;
}

/**
 * A runtime token like the runner's `ACTIONS_RUNTIME_TOKEN`. The client reads the backend ids
 * from the `Actions.Results:<run>:<job>` entry of the space-separated `scp` claim.
 */
export function makeRuntimeToken(ids: RuntimeIds): string {
  const { runBackendId: run, jobBackendId: job } = ids;
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    scp: `Actions.GenericRead:${run} Actions.UploadArtifacts:${run}:${job} Actions.Results:${run}:${job}`,
    run_attempt: ids.runAttempt ?? 1,
    iss: 'sandbox-actions',
    iat: now,
    nbf: now,
    exp: now + TOKEN_LIFETIME_SECONDS,
  };
  const unsigned = `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url(claims)}`;
  return `${unsigned}.${hmac(unsigned)}`;
}

/** The ids a bearer token grants, or undefined when this process did not sign it. */
export function readRuntimeToken(
  authorization: string | undefined,
): Required<RuntimeIds> | undefined {
  const [header, payload, signature] =
    /^Bearer (\S+)$/.exec(authorization ?? '')?.[1]?.split('.') ?? [];
  if (!header || !payload || !signature) return undefined;
  const expected = Buffer.from(hmac(`${header}.${payload}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  const scope = String(claims.scp ?? '')
    .split(' ')
    .find((entry) => entry.startsWith('Actions.Results:'));
  const [, run, job] = scope?.split(':') ?? [];
  if (!run || !job) return undefined;
  return { runBackendId: run, jobBackendId: job, runAttempt: Number(claims.run_attempt) || 1 };
}

const base64url = (value: unknown): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');
const hmac = (text: string): string =>
  createHmac('sha256', TOKEN_KEY).update(text).digest('base64url');

/** One artifact as the backend knows it. */
export interface ArtifactRecord {
  id: number;
  name: string;
  runBackendId: string;
  jobBackendId: string;
  runAttempt: number;
  /** Bytes of the stored blob (the zip the client built, or the raw file with `skipArchive`). */
  size: number;
  /** `sha256:<hex>` of the stored blob. */
  digest: string;
  /** The blob on disk; read it with `service.read(id)` or stream it. */
  path: string;
  contentType: string;
  createdAt: Date;
}

export type ArtifactOperation =
  | 'CreateArtifact'
  | 'FinalizeArtifact'
  | 'ListArtifacts'
  | 'GetSignedArtifactURL'
  | 'DeleteArtifact'
  | 'StageBlock'
  | 'CommitBlockList'
  | 'Download';

/** What a fault hook sees of a request. */
export interface ArtifactCall {
  operation: ArtifactOperation;
  method: string;
  /** Path and query as requested. */
  url: string;
}

/** `'reset'` destroys the socket; a number answers that status (Twirp JSON or Azure XML). */
export type Fault = 'reset' | number | undefined;

export interface ArtifactServiceOptions {
  /** Called for every recognised request before it is served; lets a test inject failures. */
  faults?: (call: ArtifactCall) => Fault;
  /**
   * Which artifacts of an earlier run attempt GetSignedArtifactURL answers 404 "workflow run
   * not found" for, when a later attempt asks (they stay listed, as on GitHub since 2026-07;
   * default: none, all of them download).
   */
  earlierAttemptNotFound?: (record: ArtifactRecord) => boolean;
}

export interface ArtifactService {
  /** Origin to use as `ACTIONS_RESULTS_URL`. */
  url: string;
  /** Finalized artifacts, oldest first (copies); of one run when `runBackendId` is given. */
  list(runBackendId?: string): ArtifactRecord[];
  /** The stored bytes of a finalized artifact (for small artifacts in tests). */
  read(id: number): Promise<Buffer>;
  close(): Promise<void>;
}

interface Entry {
  record: ArtifactRecord;
  key: string;
  uploadSig: string;
  downloadSig: string;
  committed: boolean;
  finalized: boolean;
}

interface State {
  options: ArtifactServiceOptions;
  url: string;
  dir: string;
  entries: Entry[];
  nextId: number;
}

type Caller = Required<RuntimeIds>;
type Rpc = (
  state: State,
  caller: Caller,
  body: Record<string, unknown>,
) => Promise<object> | object;

/** Starts the service on 127.0.0.1; blobs go to a temp dir removed by `close()`. */
export async function startArtifactService(
  options: ArtifactServiceOptions = {},
): Promise<ArtifactService> {
  const state: State = {
    options,
    url: '',
    dir: await mkdtemp(join(tmpdir(), 'sandbox-artifacts-')),
    entries: [],
    nextId: FIRST_ARTIFACT_ID,
  };
  const loopback = await listenLoopback(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const operation = classify(req.method ?? '', url);
    if (!operation)
      return sendJson(res, 404, { code: 'bad_route', msg: `no route for ${url.pathname}` });
    const fault = options.faults?.({ operation, method: req.method ?? '', url: req.url ?? '' });
    if (fault === 'reset') return void req.socket.destroy();
    if (url.pathname.startsWith(TWIRP_PREFIX)) await serveRpc(state, req, res, operation, fault);
    else await serveBlob(state, req, res, url, operation, fault);
  });
  state.url = loopback.url;
  return {
    url: loopback.url,
    list: (runBackendId) =>
      state.entries
        .filter((e) => e.finalized && (!runBackendId || e.record.runBackendId === runBackendId))
        .map((e) => ({ ...e.record })),
    async read(id) {
      const entry = state.entries.find((e) => e.finalized && e.record.id === id);
      if (!entry) throw new Error(`no finalized artifact with id ${id}`);
      return readFile(entry.record.path);
    },
    async close() {
      await loopback.close();
      await rm(state.dir, { recursive: true, force: true });
    },
  };
}

function classify(method: string, url: URL): ArtifactOperation | undefined {
  if (url.pathname.startsWith(TWIRP_PREFIX)) {
    const name = url.pathname.slice(TWIRP_PREFIX.length);
    return method === 'POST' && Object.hasOwn(RPCS, name) ? (name as ArtifactOperation) : undefined;
  }
  if (!url.pathname.startsWith(BLOB_PREFIX)) return undefined;
  if (method === 'GET') return 'Download';
  const comp = url.searchParams.get('comp');
  if (method === 'PUT' && comp === 'block') return 'StageBlock';
  if (method === 'PUT' && comp === 'blocklist') return 'CommitBlockList';
  return undefined;
}

// ---- Twirp methods -----------------------------------------------------------------------

const TWIRP_CODES: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'already_exists',
  412: 'failed_precondition',
  413: 'invalid_argument',
  429: 'resource_exhausted',
  503: 'unavailable',
};

async function serveRpc(
  state: State,
  req: IncomingMessage,
  res: ServerResponse,
  operation: ArtifactOperation,
  fault: Fault,
): Promise<void> {
  try {
    if (typeof fault === 'number') throw new HttpError(fault, `fault injected into ${operation}`);
    const caller = readRuntimeToken(req.headers.authorization);
    if (!caller) throw new HttpError(401, 'the runtime token is missing or invalid');
    const body = await readJsonObject(req, MAX_RPC_BODY_BYTES);
    if (body.workflow_run_backend_id !== caller.runBackendId) {
      throw new HttpError(403, 'the runtime token does not grant access to this workflow run');
    }
    sendJson(res, 200, await (RPCS[operation] as Rpc)(state, caller, body));
  } catch (error) {
    req.resume();
    const status = error instanceof HttpError ? error.status : 400;
    const msg = error instanceof Error ? error.message : String(error);
    sendJson(res, status, {
      code: TWIRP_CODES[status] ?? (status >= 500 ? 'internal' : 'unknown'),
      msg,
    });
  }
}

const RPCS: Record<string, Rpc> = {
  CreateArtifact: createArtifact,
  FinalizeArtifact: finalizeArtifact,
  ListArtifacts: listArtifacts,
  GetSignedArtifactURL: getSignedArtifactUrl,
  DeleteArtifact: deleteArtifact,
};

function createArtifact(state: State, caller: Caller, body: Record<string, unknown>): object {
  requireOwnJob(caller, body);
  const name = requireString(body, 'name');
  const taken = state.entries.some(
    ({ record: r }) =>
      r.runBackendId === caller.runBackendId &&
      r.runAttempt === caller.runAttempt &&
      r.name === name,
  );
  if (taken) throw new HttpError(409, DUPLICATE_NAME_MESSAGE);
  const key = randomUUID();
  const entry: Entry = {
    key,
    uploadSig: randomBytes(24).toString('hex'),
    downloadSig: randomBytes(24).toString('hex'),
    committed: false,
    finalized: false,
    record: {
      id: state.nextId++,
      name,
      runBackendId: caller.runBackendId,
      jobBackendId: caller.jobBackendId,
      runAttempt: caller.runAttempt,
      size: 0,
      digest: '',
      path: join(state.dir, `${key}.blob`),
      contentType: typeof body.mime_type === 'string' ? body.mime_type : 'application/zip',
      createdAt: new Date(),
    },
  };
  state.entries.push(entry);
  return { ok: true, signed_upload_url: blobUrl(state, entry, entry.uploadSig, 'cw') };
}

function finalizeArtifact(state: State, caller: Caller, body: Record<string, unknown>): object {
  requireOwnJob(caller, body);
  const entry = findEntry(state, caller, body, false);
  if (!entry.committed) throw new HttpError(412, 'no blob was uploaded for this artifact');
  const { record } = entry;
  // The client sends what it streamed; a mismatch means bytes changed on the way.
  if (String(body.size ?? '0') !== String(record.size)) {
    throw new HttpError(400, `size ${String(body.size)} is not the blob's ${record.size}`);
  }
  if (body.hash !== record.digest) {
    throw new HttpError(400, `hash ${String(body.hash)} is not the blob's ${record.digest}`);
  }
  entry.finalized = true;
  return { ok: true, artifact_id: String(record.id) };
}

/**
 * Every finalized artifact of the run, of every attempt: a partial re-run ("Re-run failed
 * jobs") sees the earlier attempts' artifacts next to its own. Each names the backend job that
 * uploaded it, and a job's backend id is new in every attempt; the attempt itself is not listed.
 */
function listArtifacts(state: State, caller: Caller, body: Record<string, unknown>): object {
  const { name_filter: nameFilter, id_filter: idFilter } = body;
  const artifacts = state.entries
    .filter((e) => e.finalized && e.record.runBackendId === caller.runBackendId)
    .filter((e) => nameFilter === undefined || e.record.name === nameFilter)
    .filter((e) => idFilter === undefined || String(e.record.id) === String(idFilter))
    .map(({ record: r }) => ({
      workflow_run_backend_id: r.runBackendId,
      workflow_job_run_backend_id: r.jobBackendId,
      database_id: String(r.id),
      name: r.name,
      size: String(r.size),
      created_at: r.createdAt.toISOString(),
      digest: r.digest,
    }));
  return { artifacts };
}

function getSignedArtifactUrl(state: State, caller: Caller, body: Record<string, unknown>): object {
  const entry = findEntry(state, caller, body, true);
  // A partial re-run lists the earlier attempts' artifacts; fetching some of them has failed.
  const { record } = entry;
  if (record.runAttempt < caller.runAttempt && state.options.earlierAttemptNotFound?.(record)) {
    throw new HttpError(404, 'workflow run not found');
  }
  return { signed_url: blobUrl(state, entry, entry.downloadSig, 'r') };
}

async function deleteArtifact(
  state: State,
  caller: Caller,
  body: Record<string, unknown>,
): Promise<object> {
  const entry = findEntry(state, caller, body, true);
  state.entries.splice(state.entries.indexOf(entry), 1);
  await rm(entry.record.path, { force: true });
  return { ok: true, artifact_id: String(entry.record.id) };
}

function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || !value) throw new HttpError(400, `${field} is required`);
  return value;
}

function requireOwnJob(caller: Caller, body: Record<string, unknown>): void {
  if (body.workflow_job_run_backend_id !== caller.jobBackendId) {
    throw new HttpError(403, 'the runtime token does not grant access to this job');
  }
}

/**
 * The artifact a request names: the caller's run, the job and name in the body. Names repeat
 * across attempts, but each attempt's jobs have their own backend ids.
 */
function findEntry(
  state: State,
  caller: Caller,
  body: Record<string, unknown>,
  finalized: boolean,
): Entry {
  const name = requireString(body, 'name');
  const entry = state.entries.find(
    ({ record: r, finalized: done }) =>
      r.runBackendId === caller.runBackendId &&
      r.jobBackendId === body.workflow_job_run_backend_id &&
      r.name === name &&
      (done || !finalized),
  );
  if (!entry) throw new HttpError(404, `artifact ${JSON.stringify(name)} not found`);
  return entry;
}

function blobUrl(state: State, entry: Entry, sig: string, permissions: string): string {
  const expiry = new Date(Date.now() + 60 * 60 * 1000).toISOString();
  return `${state.url}${BLOB_PREFIX}${entry.key}?sv=2024-11-04&sr=b&sp=${permissions}&se=${encodeURIComponent(expiry)}&sig=${sig}`;
}

// ---- Azure block blob ----------------------------------------------------------------------

const AZURE_CODES: Record<number, string> = {
  400: 'InvalidInput',
  403: 'AuthenticationFailed',
  404: 'BlobNotFound',
  409: 'BlobAlreadyExists',
  413: 'RequestBodyTooLarge',
};

async function serveBlob(
  state: State,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  operation: ArtifactOperation,
  fault: Fault,
): Promise<void> {
  try {
    if (typeof fault === 'number') throw new HttpError(fault, `fault injected into ${operation}`);
    const entry = state.entries.find((e) => e.key === url.pathname.slice(BLOB_PREFIX.length));
    if (!entry) throw new HttpError(404, 'The specified blob does not exist.');
    const sig = operation === 'Download' ? entry.downloadSig : entry.uploadSig;
    if (url.searchParams.get('sig') !== sig) throw new HttpError(403, 'Signature did not match.');
    if (operation === 'Download') return await download(entry, res);
    if (entry.committed) throw new HttpError(409, 'The blob is already committed.');
    if (operation === 'StageBlock')
      await stageBlock(state, entry, req, url.searchParams.get('blockid'));
    else await commitBlockList(state, entry, req);
    res.writeHead(201, azureHeaders({ etag: `"${entry.key}"` }));
    res.end();
  } catch (error) {
    if (res.headersSent) throw error;
    req.resume();
    const status = error instanceof HttpError ? error.status : 400;
    const code = AZURE_CODES[status] ?? 'InternalError';
    const message = error instanceof Error ? error.message : String(error);
    res.writeHead(
      status,
      azureHeaders({ 'content-type': 'application/xml', 'x-ms-error-code': code }),
    );
    res.end(
      `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${escapeXml(message)}</Message></Error>`,
    );
  }
}

function azureHeaders(extra: Record<string, string>): Record<string, string> {
  return { 'x-ms-request-id': randomUUID(), 'x-ms-version': '2024-11-04', ...extra };
}

const blocksDir = (state: State, entry: Entry): string => join(state.dir, `${entry.key}.blocks`);
// Block ids are base64 text; hex of that text is a safe, unique file name.
const blockFile = (dir: string, id: string): string => join(dir, Buffer.from(id).toString('hex'));

/** Stores one block under its id; write-then-rename so concurrent or repeated PUTs never mix. */
async function stageBlock(
  state: State,
  entry: Entry,
  req: IncomingMessage,
  blockId: string | null,
): Promise<void> {
  const decoded = Buffer.from(blockId ?? '', 'base64');
  if (!blockId || decoded.length === 0 || decoded.length > MAX_BLOCK_ID_BYTES) {
    throw new HttpError(400, 'The blockid is missing or invalid.');
  }
  if (Number(req.headers['content-length'] ?? 0) > MAX_BLOCK_BYTES) {
    throw new HttpError(413, `A block may hold at most ${MAX_BLOCK_BYTES} bytes.`);
  }
  const dir = blocksDir(state, entry);
  await mkdir(dir, { recursive: true });
  const target = blockFile(dir, blockId);
  const partial = `${target}.${randomUUID()}.part`;
  try {
    await pipeline(req, limitBytes(MAX_BLOCK_BYTES), createWriteStream(partial));
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Assembles the listed blocks in list order into the blob, hashing as it streams. */
async function commitBlockList(state: State, entry: Entry, req: IncomingMessage): Promise<void> {
  const xml = (await readBody(req, MAX_BLOCK_LIST_BYTES)).toString('utf8');
  if (!/<BlockList\s*(\/>|>[\s\S]*<\/BlockList>)/.test(xml)) {
    throw new HttpError(400, 'The body is not a BlockList document.');
  }
  // Block ids are base64, which never needs XML escaping.
  const ids = [...xml.matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)].map(
    (m) => m[1] ?? '',
  );
  const dir = blocksDir(state, entry);
  for (const id of ids) {
    await access(blockFile(dir, id)).catch(() => {
      throw new HttpError(400, `InvalidBlockList: block ${id} was never staged.`);
    });
  }
  const partial = `${entry.record.path}.${randomUUID()}.part`;
  const out = createWriteStream(partial);
  const hash = createHash('sha256');
  let size = 0;
  try {
    for (const id of ids) {
      for await (const chunk of createReadStream(blockFile(dir, id)) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        size += chunk.length;
        if (!out.write(chunk)) await once(out, 'drain');
      }
    }
    out.end();
    await finished(out);
    await rename(partial, entry.record.path);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
  await rm(dir, { recursive: true, force: true });
  Object.assign(entry.record, { size, digest: `sha256:${hash.digest('hex')}` });
  const contentType = req.headers['x-ms-blob-content-type'];
  if (typeof contentType === 'string' && contentType) entry.record.contentType = contentType;
  entry.committed = true;
}

async function download(entry: Entry, res: ServerResponse): Promise<void> {
  if (!entry.finalized) throw new HttpError(404, 'The specified blob does not exist.');
  const { record } = entry;
  const headers = azureHeaders({
    'content-type': record.contentType,
    'content-length': String(record.size),
    'x-ms-blob-type': 'BlockBlob',
    etag: `"${entry.key}"`,
  });
  // Real signed URLs carry a content-disposition override; the client names raw files by it.
  if (!record.contentType.includes('zip')) {
    headers['content-disposition'] =
      `attachment; filename*=UTF-8''${encodeURIComponent(record.name)}`;
  }
  res.writeHead(200, headers);
  await pipeline(createReadStream(record.path), res);
}

function limitBytes(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit) callback(new HttpError(413, `A block may hold at most ${limit} bytes.`));
      else callback(null, chunk);
    },
  });
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

// `node sandbox/artifact-service.ts [--run-backend-id ID] [--job-backend-id ID]`: announces the
// URL (ACTIONS_RESULTS_URL) and `runtimeToken`, an ACTIONS_RUNTIME_TOKEN for that job (signed
// by this process, so made here; the ids default to fresh UUIDs).
if (import.meta.main) {
  const flags = commandLine({
    'run-backend-id': { type: 'string' },
    'job-backend-id': { type: 'string' },
  });
  await serveUntilStopped(async () => {
    const service = await startArtifactService();
    const ids = {
      runBackendId: String(flags['run-backend-id'] ?? randomUUID()),
      jobBackendId: String(flags['job-backend-id'] ?? randomUUID()),
    };
    return {
      announce: { url: service.url, ...ids, runtimeToken: makeRuntimeToken(ids) },
      close: () => service.close(),
    };
  });
}
