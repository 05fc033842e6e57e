/**
 * One file to one index through the legacy upload API: a multipart form with the core
 * metadata, the sha256 digest and the file streamed from disk (never read into
 * memory whole). Retries by the action's one policy (`http/retry.ts`), each time with a fresh body;
 * reads both the reason phrase and the body for the index's error message.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { closeSync, openSync, readSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ServiceError } from '../core/errors.ts';
import { describeFetchError } from '../http/fetch.ts';
import { isTransient, retryDelay, retryLine, type RetryPolicy, type Sleep } from '../http/retry.ts';
import { progressReporter, seconds, transferBoundMs } from '../http/transfer.ts';
import { quote } from '../core/text.ts';
import type { Attestation } from './attestations.ts';
import type { FormField } from './metadata-fields.ts';

export interface UploadRequest {
  uploadUrl: string;
  /** Basic auth password: an API token or a minted one. */
  token: string;
  /** Basic auth user name; `__token__` when absent (PyPI tokens, minted tokens). */
  user?: string;
  path: string;
  filename: string;
  kind: 'wheel' | 'sdist';
  /** The wheel's python tag set (`py3`, `cp311`, `py2.py3`); `source` for an sdist. */
  pyversion: string;
  /** The one digest sent: the index computes the others itself, and checks each one given. */
  sha256: string;
  metadata: FormField[];
  attestations?: Attestation[];
  /** Progress lines of a long upload (as `http/transfer.ts` prints them for downloads). */
  progress?: (line: string) => void;
}

/** Read size per chunk of the uploaded file. */
const UPLOAD_CHUNK_BYTES = 128 * 1024;

export type UploadOutcome = 'uploaded' | 'skipped';

/** Why an index refused a file; `alreadyExists` follows twine's --skip-existing rule. */
export class UploadRefused extends ServiceError {
  readonly alreadyExists: boolean;
  constructor(message: string, alreadyExists: boolean, hint: string) {
    super(message, { hint });
    this.alreadyExists = alreadyExists;
  }
}

/** Multipart boundaries: random, so no field value can contain one by chance. */
function boundary(): string {
  return `release-action-${randomBytes(16).toString('hex')}`;
}

/** Quotes a value for a Content-Disposition parameter (RFC 7578: escape `"`, no line breaks). */
function dispositionValue(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/**
 * The upload as multipart/form-data, built by hand so the file streams from disk in chunks:
 * the text parts, then the file, then the closing boundary. Its length is known up front.
 */
async function buildBody(request: UploadRequest): Promise<UploadBody> {
  const mark = boundary();
  const fields: Array<[string, string]> = [
    ...request.metadata,
    [':action', 'file_upload'],
    ['protocol_version', '1'],
    ['filetype', request.kind === 'wheel' ? 'bdist_wheel' : 'sdist'],
    ['pyversion', request.pyversion],
    ['sha256_digest', request.sha256],
    ...(request.attestations?.length
      ? [['attestations', JSON.stringify(request.attestations)] as [string, string]]
      : []),
  ];
  const head = Buffer.from(
    fields
      .map(
        ([name, value]) =>
          `--${mark}\r\nContent-Disposition: form-data; name="${dispositionValue(name)}"\r\n\r\n${value}\r\n`,
      )
      .join('') +
      `--${mark}\r\nContent-Disposition: form-data; name="content"; filename="${dispositionValue(request.filename)}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${mark}--\r\n`);
  const { size } = await stat(request.path);
  return {
    head,
    path: request.path,
    size,
    tail,
    type: `multipart/form-data; boundary=${mark}`,
    length: head.length + size + tail.length,
  };
}

interface UploadBody {
  head: Buffer;
  /** The file sent between head and tail. */
  path: string;
  size: number;
  tail: Buffer;
  type: string;
  length: number;
}

export async function uploadFile(
  request: UploadRequest,
  policy: RetryPolicy,
  sleep: Sleep,
): Promise<void> {
  const authorization = `Basic ${Buffer.from(`${request.user ?? '__token__'}:${request.token}`).toString('base64')}`;
  const host = new URL(request.uploadUrl).host;
  const startedAt = Date.now();
  for (let retry = 1; ; retry++) {
    let response: Response | undefined;
    let failure: unknown;
    try {
      const body = await buildBody(request);
      response = await postStreaming(
        request.uploadUrl,
        {
          authorization,
          'user-agent': 'release-action',
          'content-type': body.type,
          'content-length': String(body.length),
        },
        body,
        policy.timeoutMs,
        progressReporter(`upload ${request.filename} to ${host}`, body.size, request.progress),
      );
    } catch (error) {
      // An answer that is no HTTP answer to a form is not worth another attempt.
      if (error instanceof NotAnAnswer)
        throw new ServiceError(
          `Failed to upload ${quote(request.filename)} to ${request.uploadUrl}: ${error.message}.`,
          { hint: 'Check `repository-url`: it must be the upload URL of a Warehouse-like index.' },
        );
      failure = error;
    }
    const answer = { status: response?.status, headers: response?.headers };
    const delay = retryDelay(policy, retry, startedAt, answer);
    if (delay === undefined) {
      if (response && !isTransient(answer)) return checkAnswer(request, response);
      const why = response
        ? `${response.status} ${quote(response.statusText)}`
        : failureText(failure);
      throw new ServiceError(
        `Failed to upload ${quote(request.filename)} to ${request.uploadUrl}: ${why}`,
        {
          cause: failure,
          hint: `The index did not accept it after ${retry} attempt(s). Re-run the job: files already uploaded are recognised.`,
        },
      );
    }
    const what = response
      ? `${host} answered ${response.status}${response.statusText ? ` ${quote(response.statusText)}` : ''} to the upload of ${quote(request.filename)}`
      : `The upload of ${quote(request.filename)} to ${host} failed: ${failureText(failure)}`;
    policy.warn?.(retryLine(what, retry, policy, delay));
    await sleep(delay);
  }
}

/** A failed attempt in a few words: the bound it crossed, or the socket's error. */
function failureText(failure: unknown): string {
  if (failure instanceof Error && failure.name === 'TimeoutError') return failure.message;
  return `no answer (${describeFetchError(failure)})`;
}

/**
 * Bytes of the index's answer that are read: its first lines say why it refused, and the head
 * of a page shows that it is one. The rest is not read.
 */
export const MAX_UPLOAD_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs the form with node:http(s). The file goes out through a small ring of reused buffers:
 * a buffer is read into again only once the socket has taken its previous contents, and no
 * more is read while the socket is full. Memory stays at the ring's size whatever the file's,
 * and the garbage collector has nothing to collect.
 *
 * Bounds: no data either way for `timeoutMs` (the socket's idle timeout); the form sent within
 * the bound of a transfer of its size (`transfer.ts`); and the answer, from the moment the form
 * is sent (or the index answers early), whole within `timeoutMs`: an index that drips its
 * answer a byte at a time does not hold the step. Of the answer, the first
 * `MAX_UPLOAD_ANSWER_BYTES` are read; it comes back as a fetch Response with that body.
 */
function postStreaming(
  url: string,
  headers: Record<string, string>,
  body: UploadBody,
  timeoutMs: number,
  report: (sent: number) => void,
): Promise<Response> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      timers.forEach(clearTimeout);
      outcome();
    };
    const fail = (error: Error): void =>
      settle(() => {
        req.destroy(error);
        reject(error);
      });
    const timedOut = (detail: string): Error =>
      Object.assign(new Error(`timed out (${detail})`), { name: 'TimeoutError' });
    const sendMs = transferBoundMs(body.length, timeoutMs);
    const sending = setTimeout(
      () => fail(timedOut(`the form was not sent within ${seconds(sendMs)}`)),
      sendMs,
    );
    timers.push(sending);
    let answerClock = false;
    const startAnswerClock = (): void => {
      clearTimeout(sending);
      if (answerClock) return;
      answerClock = true;
      timers.push(
        setTimeout(
          () => fail(timedOut(`the index's answer was not whole within ${seconds(timeoutMs)}`)),
          timeoutMs,
        ),
      );
    };
    const req = send(target, { method: 'POST', headers, timeout: timeoutMs }, (res) => {
      startAnswerClock();
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (): void =>
        settle(() => {
          // The index answered before it read the whole form (a refusal, a 503): nothing more
          // of the file is sent on this request while the next attempt starts.
          if (!req.writableFinished) req.destroy();
          try {
            resolve(answerOf(res, Buffer.concat(chunks)));
          } catch (error) {
            reject(error as Error);
          }
        });
      res.on('data', (chunk: Buffer) => {
        const room = MAX_UPLOAD_ANSWER_BYTES - size;
        chunks.push(chunk.subarray(0, room));
        size += Math.min(room, chunk.length);
        if (size < MAX_UPLOAD_ANSWER_BYTES) return;
        // Enough to say what the index answered: the rest is not read.
        done();
        res.destroy();
      });
      res.on('end', done);
      res.on('error', fail);
      res.on('close', () => {
        if (!res.complete) fail(new Error('the answer broke off'));
      });
    });
    req.on('finish', startAnswerClock);
    req.on('timeout', () => fail(timedOut(`no data for ${seconds(timeoutMs)}`)));
    req.on('error', fail);
    writeBody(req, body, report).catch((error: unknown) => fail(error as Error));
  });
}

/** A status line no HTTP server sends in answer to a form. */
class NotAnAnswer extends Error {}

/** The answer's status, headers and first bytes as a fetch Response. */
function answerOf(res: IncomingMessage, text: Buffer): Response {
  const status = res.statusCode ?? 502;
  if (status < 200 || status > 599)
    throw new NotAnAnswer(
      `the index answered status ${status}, which is not an HTTP answer to a form`,
    );
  return new Response(status === 204 || status === 304 ? null : text, {
    status,
    statusText: res.statusMessage ?? '',
    headers: Object.entries(res.headers).flatMap(([k, v]) =>
      Array.isArray(v)
        ? v.map((x) => [k, x] as [string, string])
        : v === undefined
          ? []
          : [[k, v] as [string, string]],
    ),
  });
}

/** Ring of read buffers per upload. */
const RING_SLOTS = 4;

async function writeBody(
  req: ClientRequest,
  body: UploadBody,
  report: (sent: number) => void,
): Promise<void> {
  // Settles when the request ends early (the index answered before reading it all, or the
  // connection broke): nothing more is read from the file then.
  let ended = false;
  const stopped = new Promise<void>((resolve) =>
    req.once('close', () => {
      ended = true;
      resolve();
    }),
  );
  let flushedBytes = 0;
  /** Writes `chunk`, of which `fileBytes` are the file's (for progress). */
  const written = (chunk: Buffer, fileBytes = 0): Promise<void> => {
    const flushed = new Promise<void>((resolve, reject) => {
      req.write(chunk, (error) => {
        if (error) return reject(error);
        if (fileBytes) report((flushedBytes += fileBytes));
        resolve();
      });
    });
    // A write cut short by an early answer is not an error of its own: the answer says why.
    flushed.catch(() => undefined);
    return flushed;
  };
  // Reads are synchronous: the file was just built or downloaded and sits in the page cache,
  // where a 128 KiB read takes microseconds; a thread-pool round trip per chunk would cost
  // several times the copy itself.
  const fd = openSync(body.path, 'r');
  try {
    const ring = Array.from({ length: RING_SLOTS }, () => ({
      buffer: Buffer.allocUnsafe(UPLOAD_CHUNK_BYTES),
      flushed: Promise.resolve(),
    }));
    const headFlushed = written(body.head);
    let sent = 0;
    for (let i = 0; sent < body.size && !ended; i++) {
      const slot = ring[i % RING_SLOTS] as (typeof ring)[number];
      await Promise.race([slot.flushed, stopped]);
      if (ended) break;
      const want = Math.min(slot.buffer.length, body.size - sent);
      const bytesRead = readSync(fd, slot.buffer, 0, want, null);
      if (bytesRead === 0) break;
      sent += bytesRead;
      slot.flushed = written(slot.buffer.subarray(0, bytesRead), bytesRead);
      if (req.writableNeedDrain) await Promise.race([once(req, 'drain'), stopped]);
    }
    if (ended) return;
    if (sent !== body.size)
      throw new Error(`${body.path} changed size while it was being uploaded`);
    await Promise.race([Promise.all([headFlushed, ...ring.map((s) => s.flushed)]), stopped]);
    if (!ended) req.end(body.tail);
  } finally {
    closeSync(fd);
  }
}

async function checkAnswer(request: UploadRequest, response: Response): Promise<void> {
  const text = (await response.text()).slice(0, 4000);
  const reason = response.statusText;
  if (response.status >= 300 && response.status < 400) {
    throw new UploadRefused(
      `Failed to upload ${quote(request.filename)} to ${request.uploadUrl}: redirected (${response.status}) to ${quote(response.headers.get('location') ?? '')}.`,
      false,
      'Use the exact upload URL, with its trailing slash, e.g. https://upload.pypi.org/legacy/.',
    );
  }
  if (response.ok) {
    if (/<html/i.test(text)) {
      throw new UploadRefused(
        `${request.uploadUrl} answered an HTML page instead of accepting ${quote(request.filename)}.`,
        false,
        "Check `repository-url`: it must be the index's legacy upload URL.",
      );
    }
    return;
  }
  const message = firstLine(reason) || firstLine(text.replace(/<[^>]+>/g, ' ')) || 'no message';
  const alreadyExists =
    response.status === 409 ||
    (response.status === 400 && /already exist/i.test(`${reason}\n${text}`));
  throw new UploadRefused(
    `Failed to upload ${quote(request.filename)} to ${request.uploadUrl}: ${response.status} ${quote(message)}`,
    alreadyExists,
    hintFor(response.status, `${reason}\n${text}`),
  );
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? ''
  );
}

function hintFor(status: number, text: string): string {
  if (/already exists/i.test(text))
    return 'A different file with this name is on the index; a filename can never be reused. Publish a new version (or a build tag for wheels).';
  if (/14 days/.test(text))
    return 'PyPI takes no new files for releases older than 14 days: publish a new version (e.g. a post release).';
  if (/Only one sdist/i.test(text)) return 'The release already has an sdist; upload wheels only.';
  if (status === 403)
    return 'The token was refused: check the trusted publisher (or the API token in `password`) and that it covers this project.';
  if (/attestation/i.test(text))
    return 'The PEP 740 attestation was refused; set `attestations: false` to upload without one, and report the message.';
  return 'Fix what the index says, then re-run: files already uploaded are recognised.';
}
