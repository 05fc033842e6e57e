/**
 * Trust material for verifying Sigstore bundles, one entry per Sigstore instance, and the rule
 * that picks the instance from the bundle's certificate (as `gh attestation verify` does):
 * - public-good (CA organisation `sigstore.dev`): a verified transparency-log entry and an SCT
 *   are required; a timestamp-authority timestamp alone is not enough;
 * - GitHub's instance (`GitHub, Inc.`, private repositories): it logs nothing, so a signed
 *   timestamp is required instead;
 * - any other root from `trusted-root`: a timestamp, plus a log entry and an SCT where the root
 *   lists logs.
 * A certificate that no loaded root issued is refused with the instance it names. Without
 * `trusted-root`, GitHub's root is asked of the runner's GitHub CLI the first time a bundle
 * from GitHub's instance needs it (./github-cli-root.ts).
 */
import { readFile } from 'node:fs/promises';
import { X509Certificate } from '@sigstore/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, type TrustMaterial } from '@sigstore/verify';
import { InputError, ServiceError } from '../core/errors.ts';
import { quote } from '../core/text.ts';

export type InstanceKind = 'public-good' | 'github' | 'custom';

export interface SigstoreInstance {
  kind: InstanceKind;
  /** How messages name it. */
  label: string;
  material: TrustMaterial;
  /** Transparency-log entries and SCTs this instance's bundles must carry. */
  tlogThreshold: number;
  ctlogThreshold: number;
  /** The CA certificates: a leaf that one of them signed is this instance's. */
  caCertificates: X509Certificate[];
}

export interface TrustSet {
  instances: SigstoreInstance[];
  /**
   * GitHub's instance, loaded on first need when `trusted-root` was not given; it throws with
   * what went wrong when the root cannot be had.
   */
  githubRoot?: () => Promise<SigstoreInstance[]>;
}

export const PUBLIC_GOOD_ORGANIZATION = 'sigstore.dev';
export const GITHUB_ORGANIZATION = 'GitHub, Inc.';
const PUBLIC_GOOD_MIRROR = 'https://tuf-repo-cdn.sigstore.dev';

export const GITHUB_ROOT_HINT =
  "Pass `trusted-root` with GitHub's Sigstore trusted root: run `gh attestation trusted-root > trusted_root.jsonl` on a machine with network access and give that file (it holds both the public-good and GitHub's roots).";

/**
 * Loads the roots to verify with: every root in the `trusted-root` file (JSON, or JSON lines
 * as `gh attestation trusted-root` prints them), else Sigstore's public-good root through TUF,
 * falling back to the copy embedded in the action when TUF cannot be reached, and `githubRoot`
 * for GitHub's instance when a bundle needs it.
 */
export async function loadTrustMaterial(
  trustedRootPath: string | undefined,
  cacheDir: string,
  warn: (message: string) => void = () => undefined,
  githubRoot?: () => Promise<SigstoreInstance[]>,
): Promise<TrustSet> {
  if (trustedRootPath) return { instances: (await readRootFile(trustedRootPath)).map(toInstance) };
  const instances = [toInstance(await publicGoodRoot(cacheDir, warn))];
  return githubRoot ? { instances, githubRoot } : { instances };
}

async function readRootFile(path: string): Promise<TrustedRoot[]> {
  const fail = (cause?: unknown) =>
    new InputError(
      `Input "trusted-root": ${quote(path)} is not a Sigstore trusted root JSON file.`,
      {
        subject: 'trusted-root',
        cause,
        hint: 'Pass the trusted_root.json of your Sigstore instance (or the JSON lines of `gh attestation trusted-root`), or leave it empty for the public-good root.',
      },
    );
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw fail(error);
  }
  try {
    return parseTrustedRoots(text);
  } catch (error) {
    throw fail(error);
  }
}

/** Every trusted root in `text` (one JSON document, or one per line); each names a CA. */
export function parseTrustedRoots(text: string): TrustedRoot[] {
  return jsonDocuments(text).map((json) => {
    const root = TrustedRoot.fromJSON(json);
    if (root.certificateAuthorities.length === 0) throw new Error('no certificate authority');
    return root;
  });
}

/** One JSON document, or one per line. */
export function jsonDocuments(text: string): unknown[] {
  const trimmed = text.trim();
  if (!trimmed) throw new Error('the file is empty');
  try {
    return [JSON.parse(trimmed)];
  } catch {
    return trimmed
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as unknown);
  }
}

export function toInstance(root: TrustedRoot): SigstoreInstance {
  const organizations = root.certificateAuthorities.map((ca) => ca.subject?.organization ?? '');
  const kind: InstanceKind = organizations.includes(PUBLIC_GOOD_ORGANIZATION)
    ? 'public-good'
    : organizations.includes(GITHUB_ORGANIZATION)
      ? 'github'
      : 'custom';
  const hasLogs = root.tlogs.length > 0;
  const hasCtLogs = root.ctlogs.length > 0;
  return {
    kind,
    label:
      kind === 'public-good'
        ? "Sigstore's public-good instance"
        : kind === 'github'
          ? "GitHub's Sigstore instance"
          : `the Sigstore instance of ${quote(organizations.find(Boolean) ?? 'trusted-root')}`,
    material: toTrustMaterial(root),
    // Public-good must log; GitHub's instance cannot; another root logs when it lists logs.
    tlogThreshold: kind === 'public-good' || (kind === 'custom' && hasLogs) ? 1 : 0,
    ctlogThreshold: kind === 'public-good' || (kind === 'custom' && hasCtLogs) ? 1 : 0,
    caCertificates: root.certificateAuthorities.flatMap((ca) =>
      (ca.certChain?.certificates ?? []).map((c) => X509Certificate.parse(Buffer.from(c.rawBytes))),
    ),
  };
}

/** The instance whose CA issued `leaf`; refuses, naming the issuer, when none of them did. */
export function instanceFor(trust: TrustSet, leaf: X509Certificate): SigstoreInstance {
  const found = issuingInstance(trust.instances, leaf);
  if (found) return found;
  if (issuedByGitHub(leaf))
    throw new UnknownInstance(
      `it was signed by GitHub's Sigstore instance (a private repository), whose trusted root is not loaded. ${GITHUB_ROOT_HINT}`,
    );
  const issuer = describeName(leaf.issuer);
  throw new UnknownInstance(
    `its certificate was issued by ${quote(issuer)}, which no loaded trusted root holds (loaded: ${trust.instances.map((i) => i.label).join(', ')}); pass that instance's trusted root as \`trusted-root\``,
  );
}

/**
 * `instanceFor`, loading GitHub's root through `trust.githubRoot` when the certificate names
 * GitHub's instance and no loaded root issued it; refuses with what went wrong and the fix.
 */
export async function resolveInstance(
  trust: TrustSet,
  leaf: X509Certificate,
): Promise<SigstoreInstance> {
  const found = issuingInstance(trust.instances, leaf);
  if (found || !trust.githubRoot || !issuedByGitHub(leaf)) return instanceFor(trust, leaf);
  let github: SigstoreInstance[];
  try {
    github = await trust.githubRoot();
  } catch (error) {
    throw new UnknownInstance(
      `it was signed by GitHub's Sigstore instance (a private repository), whose trusted root is not loaded: no \`trusted-root\` was given and ${(error as Error).message}. ${GITHUB_ROOT_HINT} Or run where GitHub's CLI (gh 2.53 or newer) is on PATH and reaches https://tuf-repo.github.com.`,
    );
  }
  const instance = issuingInstance(github, leaf);
  if (instance) return instance;
  throw new UnknownInstance(
    `its certificate names GitHub's Sigstore instance (${quote(describeName(leaf.issuer))}) as its issuer, but none of the certificate authorities in GitHub's trusted root issued it`,
  );
}

function issuingInstance(
  instances: SigstoreInstance[],
  leaf: X509Certificate,
): SigstoreInstance | undefined {
  return instances.find((instance) =>
    instance.caCertificates.some((ca) => ca.subject.equals(leaf.issuer) && signedBy(leaf, ca)),
  );
}

function issuedByGitHub(leaf: X509Certificate): boolean {
  return describeName(leaf.issuer).includes(`O=${GITHUB_ORGANIZATION}`);
}

function signedBy(leaf: X509Certificate, ca: X509Certificate): boolean {
  try {
    return leaf.verify(ca);
  } catch {
    return false;
  }
}

export class UnknownInstance extends Error {
  override name = 'UnknownInstance';
}

/** A readable form of a DER X.501 name: the organisation and common name. */
function describeName(der: Buffer): string {
  const text = der.toString('latin1');
  const parts: string[] = [];
  // OIDs 2.5.4.10 (O) and 2.5.4.3 (CN), each followed by a string of one-byte length.
  for (const [label, oid] of [
    ['O', '\x06\x03\x55\x04\x0a'],
    ['CN', '\x06\x03\x55\x04\x03'],
  ] as const) {
    const at = text.indexOf(oid);
    if (at < 0) continue;
    const length = der[at + oid.length + 1] ?? 0;
    const start = at + oid.length + 2;
    parts.push(`${label}=${der.subarray(start, start + length).toString('utf8')}`);
  }
  return parts.join(', ') || der.toString('hex');
}

async function publicGoodRoot(
  cacheDir: string,
  warn: (message: string) => void,
): Promise<TrustedRoot> {
  // TUF (and its HTTP stack) loads only when the public-good root is needed. The package is
  // CommonJS: loaded on demand from the bundle, its functions are on the default export.
  const tuf = (await import('@sigstore/tuf')).default;
  try {
    return await tuf.getTrustedRoot({ cachePath: cacheDir, retry: 1, timeout: 3000 });
  } catch (error) {
    const embedded = await embeddedPublicGoodRoot();
    if (!embedded)
      throw new ServiceError(
        `Failed to fetch Sigstore's public-good trusted root through TUF: ${(error as Error).message}`,
        {
          cause: error,
          hint: `Check network access to ${PUBLIC_GOOD_MIRROR}, or pass \`trusted-root\` with a local copy.`,
        },
      );
    warn(
      `Could not refresh Sigstore's public-good trusted root through TUF (${(error as Error).message}); verifying with the copy embedded in the action, ${embedded.date}. Keys Sigstore rotated in since then are unknown to it: pass \`trusted-root\` with a current trusted_root.json (\`gh attestation trusted-root\`, or the trusted_root.json target of ${PUBLIC_GOOD_MIRROR}) to verify against today's root.`,
    );
    return embedded.root;
  }
}

/** The public-good trusted root in @sigstore/tuf's seed, and how old it is. */
async function embeddedPublicGoodRoot(): Promise<{ root: TrustedRoot; date: string } | undefined> {
  const seeds = (await import('@sigstore/tuf/seeds.json', { with: { type: 'json' } }))
    .default as Record<string, { targets?: Record<string, string> }>;
  const encoded = seeds[PUBLIC_GOOD_MIRROR]?.targets?.['trusted_root.json'];
  if (!encoded) return undefined;
  const root = TrustedRoot.fromJSON(JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')));
  const starts = [
    ...root.tlogs.map((log) => log.publicKey?.validFor?.start),
    ...root.ctlogs.map((log) => log.publicKey?.validFor?.start),
    ...root.certificateAuthorities.map((ca) => ca.validFor?.start),
    ...root.timestampAuthorities.map((tsa) => tsa.validFor?.start),
  ].filter((d): d is Date => d instanceof Date);
  const newest = new Date(Math.max(...starts.map((d) => d.getTime())));
  return { root, date: `whose newest key dates from ${newest.toISOString().slice(0, 10)}` };
}
