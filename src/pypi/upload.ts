/**
 * One file to one index through the legacy upload API: a multipart form with the core
 * metadata, both digests and the file streamed from disk (a file-backed Blob: never read into
 * memory whole). Retries only 5xx, 429 and broken connections, each time with a fresh body;
 * reads both the reason phrase and the body for the index's error message.
 */
import { openAsBlob } from 'node:fs';
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

export type UploadOutcome = 'uploaded' | 'skipped';

/** Why an index refused a file; `alreadyExists` follows twine's --skip-existing rule. */
export class UploadRefused extends ServiceError {
  readonly alreadyExists: boolean;
  constructor(message: string, status: number, alreadyExists: boolean, hint: string) {
    super(message, { status, hint });
    this.alreadyExists = alreadyExists;
  }
}

async function buildForm(request: UploadRequest): Promise<FormData> {
  const form = new FormData();
  for (const [name, value] of request.metadata) form.append(name, value);
  form.append(':action', 'file_upload');
  form.append('protocol_version', '1');
  form.append('filetype', request.kind === 'wheel' ? 'bdist_wheel' : 'sdist');
  form.append('pyversion', request.pyversion);
  form.append('sha256_digest', request.sha256);
  form.append('blake2_256_digest', request.blake2b256);
  if (request.attestations?.length)
    form.append('attestations', JSON.stringify(request.attestations));
  form.append(
    'content',
    await openAsBlob(request.path, { type: 'application/octet-stream' }),
    request.filename,
  );
  return form;
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
      response = await fetch(request.uploadUrl, {
        method: 'POST',
        headers: { authorization, 'user-agent': 'release-action' },
        body: await buildForm(request),
        redirect: 'manual',
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
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
