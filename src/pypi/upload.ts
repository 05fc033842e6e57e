/**
 * One file to one index through the legacy upload API: a multipart form with the core
 * metadata, both digests and the file streamed from disk (a file-backed Blob: never read into
 * memory whole). Retries only 5xx, 429 and broken connections, each time with a fresh body;
 * reads both the reason phrase and the body for the index's error message.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ServiceError } from '../errors.ts';
import { backoffDelay, isRetryableStatus, type RetryPolicy, type Sleep } from '../http.ts';
import { quote } from '../text.ts';
import type { Attestation } from './attestations.ts';
import type { FormField } from './metadata-fields.ts';

export interface UploadRequest {
  uploadUrl: string;
  /** Basic auth password for user `__token__`: an API token or a minted one. */
  token: string;
  path: string;
  filename: string;
  kind: 'wheel' | 'sdist';
  /** The wheel's python tag set (`py3`, `cp311`, `py2.py3`); `source` for an sdist. */
  pyversion: string;
  sha256: string;
  blake2b256: string;
  metadata: FormField[];
  attestations?: Attestation[];
}

/** Read size per chunk of the uploaded file. */
const UPLOAD_CHUNK_BYTES = 256 * 1024;

export type UploadOutcome = 'uploaded' | 'skipped';

/** Why an index refused a file; `alreadyExists` follows twine's --skip-existing rule. */
export class UploadRefused extends ServiceError {
  readonly alreadyExists: boolean;
  constructor(message: string, status: number, alreadyExists: boolean, hint: string) {
    super(message, { status, hint });
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
async function buildBody(
  request: UploadRequest,
): Promise<{ body: AsyncIterable<Buffer>; type: string; length: number }> {
  const mark = boundary();
  const fields: Array<[string, string]> = [
    ...request.metadata,
    [':action', 'file_upload'],
    ['protocol_version', '1'],
    ['filetype', request.kind === 'wheel' ? 'bdist_wheel' : 'sdist'],
    ['pyversion', request.pyversion],
    ['sha256_digest', request.sha256],
    ['blake2_256_digest', request.blake2b256],
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
  async function* body(): AsyncIterable<Buffer> {
    yield head;
    for await (const chunk of createReadStream(request.path, { highWaterMark: UPLOAD_CHUNK_BYTES }))
      yield chunk as Buffer;
    yield tail;
  }
  return {
    body: body(),
    type: `multipart/form-data; boundary=${mark}`,
    length: head.length + size + tail.length,
  };
}

export async function uploadFile(
  request: UploadRequest,
  policy: RetryPolicy,
  sleep: Sleep,
): Promise<void> {
  const authorization = `Basic ${Buffer.from(`__token__:${request.token}`).toString('base64')}`;
  for (let attempt = 0; ; attempt++) {
    let response: Response | undefined;
    let failure: unknown;
    try {
      const { body, type, length } = await buildBody(request);
      response = await postStreaming(
        request.uploadUrl,
        {
          authorization,
          'user-agent': 'release-action',
          'content-type': type,
          'content-length': String(length),
        },
        body,
        policy.timeoutMs,
      );
    } catch (error) {
      failure = error;
    }
    if (response && !isRetryableStatus(response.status)) return checkAnswer(request, response);
    if (attempt >= policy.retries) {
      const why = response
        ? `${response.status} ${quote(response.statusText)}`
        : String((failure as Error)?.message ?? failure);
      throw new ServiceError(
        `Failed to upload ${quote(request.filename)} to ${request.uploadUrl}: ${why}`,
        {
          retryable: true,
          hint: `The index did not accept it after ${attempt + 1} attempts. Re-run the job: files already uploaded are recognised.`,
        },
      );
    }
    await response?.body?.cancel().catch(() => undefined);
    await sleep(backoffDelay(attempt + 1, policy, response?.headers.get('retry-after')));
  }
}

/**
 * POSTs a streamed body with node:http(s), which waits for the socket to drain before reading
 * more of the file (fetch's iterable bodies run ahead and can hold a whole file in memory).
 * The answer comes back as a fetch Response so callers read it the usual way.
 */
function postStreaming(
  url: string,
  headers: Record<string, string>,
  body: AsyncIterable<Buffer>,
  timeoutMs: number,
): Promise<Response> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(target, { method: 'POST', headers, timeout: timeoutMs }, (res) => {
      const status = res.statusCode ?? 502;
      const answer = new Response(
        status === 204 || status === 304 ? null : (Readable.toWeb(res) as ReadableStream),
        {
          status,
          statusText: res.statusMessage ?? '',
          headers: Object.entries(res.headers).flatMap(([k, v]) =>
            Array.isArray(v)
              ? v.map((x) => [k, x] as [string, string])
              : v === undefined
                ? []
                : [[k, v] as [string, string]],
          ),
        },
      );
      resolve(answer);
    });
    req.on('timeout', () =>
      req.destroy(Object.assign(new Error('timed out'), { name: 'TimeoutError' })),
    );
    req.on('error', reject);
    pipeline(Readable.from(body), req).catch(reject);
  });
}

async function checkAnswer(request: UploadRequest, response: Response): Promise<void> {
  const text = (await response.text()).slice(0, 4000);
  const reason = response.statusText;
  if (response.status >= 300 && response.status < 400) {
    throw new UploadRefused(
      `Failed to upload ${quote(request.filename)} to ${request.uploadUrl}: redirected (${response.status}) to ${quote(response.headers.get('location') ?? '')}.`,
      response.status,
      false,
      'Use the exact upload URL, with its trailing slash, e.g. https://upload.pypi.org/legacy/.',
    );
  }
  if (response.ok) {
    if (/<html/i.test(text)) {
      throw new UploadRefused(
        `${request.uploadUrl} answered an HTML page instead of accepting ${quote(request.filename)}.`,
        response.status,
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
    response.status,
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
