/**
 * Stores a Sigstore bundle with GitHub's artifact attestations API, so that
 * `gh attestation verify <file> --repo owner/repo` finds it.
 * https://docs.github.com/en/rest/repos/attestations#create-an-attestation
 */
import type { SerializedBundle } from '@sigstore/bundle';
import { EnvironmentError } from '../core/errors.ts';
import { MAX_SERVICE_ANSWER_BYTES, readBoundedText } from '../http/answer.ts';
import { fetchWithRetry } from '../http/fetch.ts';
import type { RetryPolicy } from '../http/retry.ts';
import { isEnterpriseServer } from '../config/runner-env.ts';
import { githubFailure } from './errors.ts';

export async function storeGitHubAttestation(
  apiUrl: string,
  repository: string,
  token: string | undefined,
  bundle: SerializedBundle,
  policy?: RetryPolicy,
  serverUrl = 'https://github.com',
): Promise<string> {
  if (!token) {
    throw new EnvironmentError('`github-attestation: true` needs a GitHub token.', {
      subject: 'github-token',
      hint: 'Leave `github-token` at its default (the workflow token) and give the job `attestations: write`.',
    });
  }
  const url = `${apiUrl}/repos/${repository}/attestations`;
  const response = await fetchWithRetry(
    url,
    () => ({
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        accept: 'application/vnd.github+json',
        'content-type': 'application/json',
        'x-github-api-version': '2022-11-28',
      },
      body: JSON.stringify({ bundle }),
    }),
    'store the attestation on GitHub',
    policy,
  );
  const text = await readBoundedText(response, {
    service: "GitHub's attestations API",
    url,
    maxBytes: MAX_SERVICE_ANSWER_BYTES,
    hint: 'Re-run the job; if it persists, check GitHub’s status page or set `github-attestation: false`.',
  });
  if (response.status === 404 && isEnterpriseServer(serverUrl)) {
    // GHES has no attestations API at all: not a permission or plan problem.
    throw new EnvironmentError(
      `${serverUrl} has no artifact attestations API (GitHub Enterprise Server does not offer it).`,
      {
        subject: 'github-attestation',
        hint: 'Set `github-attestation: false`; the provenance file released with the files is what verifiers check.',
      },
    );
  }
  if (response.status === 403 || response.status === 404) {
    throw new EnvironmentError(`GitHub refused to store the attestation (${response.status}).`, {
      subject: 'github-attestation',
      hint: 'Give the job `permissions: { attestations: write, id-token: write }`; private repositories need a plan with artifact attestations.',
    });
  }
  if (!response.ok) {
    // Shaped like Octokit's RequestError, so the one translation serves both.
    const failure = Object.assign(new Error(text.slice(0, 200)), {
      status: response.status,
      response: { headers: response.headers, data: parseJson(text) },
    });
    throw githubFailure(failure, 'store the attestation on GitHub', repository);
  }
  const { id } = (parseJson(text) ?? {}) as { id?: number | string };
  return String(id ?? '');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
