/**
 * Where the GitHub token may go: the API host and that API's own upload host, decided from the
 * API URL alone, never from a URL an answer names (`upload_url`, a redirect's `Location`). A
 * download redirected to storage (`release-assets.githubusercontent.com`) goes without it:
 * the signed URL is the credential there, and storage refuses a second one.
 * Docs: https://docs.github.com/rest/releases/assets#upload-a-release-asset
 */
import { ServiceError } from '../core/errors.ts';

/**
 * Whether `url` is the API of `apiUrl` or its upload host: `api.github.com` uploads to
 * `uploads.github.com`, `api.<sub>.ghe.com` to `uploads.<sub>.ghe.com`, GitHub Enterprise
 * Server to its own host (`/api/uploads`) or `uploads.<host>` with subdomain isolation.
 * `uploadUrl` names the upload host of an API whose URL does not tell (a loopback stand-in).
 */
export function mayCarryToken(apiUrl: string, url: string | URL, uploadUrl?: string): boolean {
  const api = new URL(apiUrl);
  const target = new URL(url);
  if (target.origin === api.origin) return true;
  if (uploadUrl !== undefined && target.origin === new URL(uploadUrl).origin) return true;
  if (target.protocol !== api.protocol || target.port !== api.port) return false;
  const uploads = api.hostname.startsWith('api.')
    ? `uploads.${api.hostname.slice('api.'.length)}`
    : `uploads.${api.hostname}`;
  return target.hostname === uploads;
}

/** Refuses an `upload_url` the token may not go to, before a byte is sent. */
export function checkUploadUrl(
  apiUrl: string,
  uploadUrl: string,
  name: string,
  knownUploadUrl?: string,
): void {
  let allowed: boolean;
  try {
    allowed = mayCarryToken(apiUrl, uploadUrl, knownUploadUrl);
  } catch {
    allowed = false; // not a URL at all
  }
  if (allowed) return;
  throw new ServiceError(
    `GitHub's answer names ${JSON.stringify(uploadUrl.slice(0, 200))} as the upload URL for ${name}, which is neither the API host (${new URL(apiUrl).host}) nor its upload host; the token is not sent there and nothing was uploaded.`,
    {
      subject: name,
      hint: 'Something between the runner and GitHub rewrote the answer, or GITHUB_API_URL points at the wrong server; check both, then re-run.',
    },
  );
}
