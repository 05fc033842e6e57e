/**
 * Where Sigstore lives and how long to wait for it: plain data, kept apart from the signing
 * code so that steps can name endpoints without loading the signing libraries.
 */

export interface SigstoreEndpoints {
  fulcioUrl: string;
  /** Transparency log; public-good Sigstore. */
  rekorUrl?: string;
  /** Timestamp authority; GitHub's Sigstore instance for private repositories. */
  tsaUrl?: string;
}

export interface SigningTiming {
  timeoutMs: number;
  retries: number;
  minRetryDelayMs: number;
}

export const DEFAULT_SIGNING_TIMING: SigningTiming = {
  timeoutMs: 30_000,
  retries: 3,
  minRetryDelayMs: 1000,
};

export const PUBLIC_GOOD_ENDPOINTS: SigstoreEndpoints = {
  fulcioUrl: 'https://fulcio.sigstore.dev',
  rekorUrl: 'https://rekor.sigstore.dev',
};

/** GitHub's own Sigstore instance (private repositories): Fulcio and a TSA, no public log. */
export function githubEndpoints(serverUrl: string): SigstoreEndpoints {
  const host = new URL(serverUrl).hostname;
  if (host === 'github.com') {
    return { fulcioUrl: 'https://fulcio.githubapp.com', tsaUrl: 'https://timestamp.githubapp.com' };
  }
  return { fulcioUrl: `https://fulcio.${host}`, tsaUrl: `https://timestamp.${host}` };
}
