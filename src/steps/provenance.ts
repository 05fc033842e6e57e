/**
 * `step: provenance` — gathers the distributions, checks each against the manifest `collect`
 * wrote for it, signs a SLSA v1 statement over their sha256 digests with Sigstore, and writes
 * `<name>.intoto.jsonl` (plus optional `.asc` signatures and a GitHub attestation).
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArtifactStore } from '../github/artifacts.ts';
import { requireArtifactService } from '../github/artifacts.ts';
import {
  checkAgainstManifests,
  gatherFromArtifacts,
  manifestsOfThisJob,
  type Gathered,
} from '../custody/gather.ts';
import type { IgnoredArtifact } from '../custody/attempts.ts';
import { provenanceRows } from '../custody/review-summary.ts';
import { storeGitHubAttestation } from '../github/attestations.ts';
import type { GitData } from '../github/git-data.ts';
import type { RetryPolicy } from '../http/retry.ts';
import type { ProvenanceSettings } from '../config/inputs.ts';
import type { StepIO } from '../core/io.ts';
import {
  decodeClaims,
  fetchIdToken,
  requireIdTokenPermission,
  type GitHubClaims,
} from '../github/oidc.ts';
import { loadSigningKey, type GpgSigner } from '../provenance/gpg.ts';
import {
  githubEndpoints,
  PUBLIC_GOOD_ENDPOINTS,
  signStatement,
  type SigningTiming,
  type SigstoreEndpoints,
} from '../provenance/sign.ts';
import { buildProvenanceStatement } from '../provenance/statement.ts';
import { resolveDispatchSource } from '../provenance/source.ts';
import { isEnterpriseServer, oidcIssuerFor, type RunnerEnv } from '../config/runner-env.ts';
import { EnvironmentError } from '../core/errors.ts';
import {
  listDistributionFiles,
  resolveWorkspaceDir,
  workspacePath,
} from '../core/workspace-files.ts';

export const SIGSTORE_AUDIENCE = 'sigstore';

export interface ProvenanceDeps {
  io: StepIO;
  artifacts: () => Promise<ArtifactStore>;
  policy: RetryPolicy;
  signing: SigningTiming;
  git: GitData;
}

export async function runProvenance(
  settings: ProvenanceSettings,
  env: RunnerEnv,
  { io, artifacts, policy, signing, git }: ProvenanceDeps,
): Promise<void> {
  // Everything that can be checked without work is checked first.
  requireIdTokenPermission(env, 'sign the provenance with Sigstore');
  if (settings.from === 'artifacts') requireArtifactService(env, 'from');
  const gpg = settings.gpgPrivateKey
    ? await loadSigningKey(settings.gpgPrivateKey, settings.gpgPassphrase)
    : undefined;
  if (gpg) io.info(`GPG key ${gpg.fingerprint} (${gpg.userIds.join(', ')}) is ready to sign.`);

  const gathered = await io.group('Checking files against the collect manifests', async () => {
    const result = await gather(settings, env, artifacts);
    for (const ignored of result.ignored) io.info(`Ignored ${ignored.reason}.`);
    io.result(
      `${result.name} ${result.version}: ${result.files.length} file(s) match the digests recorded by collect`,
    );
    return result;
  });
  const outputDir = await resolveWorkspaceDir('packages-dir', settings.packagesDir, env.workspace);
  const provenanceName =
    settings.provenanceName ??
    `${gathered.project.replace(/-/g, '_')}-${gathered.version}.intoto.jsonl`;
  const provenancePath = join(outputDir, provenanceName);

  const { bundle, claims, rekorUrl } = await io.group(
    'Signing the provenance with Sigstore',
    async () => {
      const token = await fetchIdToken(env, SIGSTORE_AUDIENCE, io.setSecret, policy);
      const tokenClaims = decodeClaims(token);
      requireIssuer(tokenClaims.iss, env.oidcIssuer);
      const dispatch = await resolveDispatchSource(
        tokenClaims,
        env,
        settings.tag,
        settings.githubToken,
        git,
      );
      if (dispatch) io.info(`Dispatch run: the source is ${dispatch.ref} at ${dispatch.commit}`);
      const statement = buildProvenanceStatement(
        gathered.files.map((file) => ({ name: file.filename, digest: { sha256: file.sha256 } })),
        tokenClaims,
        env.serverUrl,
        dispatch,
      );
      const endpoints = chooseEndpoints(settings, tokenClaims, env.serverUrl);
      io.info(
        `Fulcio ${endpoints.fulcioUrl}; ${endpoints.rekorUrl ? `Rekor ${endpoints.rekorUrl}` : `timestamp authority ${endpoints.tsaUrl}`}`,
      );
      const signed = await signStatement(statement, endpoints, token, signing);
      await writeAtomically(provenancePath, `${JSON.stringify(signed)}\n`);
      const logIndex = signed.verificationMaterial.tlogEntries?.[0]?.logIndex;
      io.result(
        `Signed ${statement.subject.length} subject(s) into ${provenanceName}${logIndex ? ` (Rekor log index ${logIndex})` : ''}`,
      );
      return { bundle: signed, claims: tokenClaims, rekorUrl: endpoints.rekorUrl };
    },
  );

  const signatures = gpg
    ? await signWithGpg(io, gpg, [...gathered.files.map((f) => f.path), provenancePath])
    : [];
  if (settings.githubAttestation) {
    await io.group('Storing the attestation on GitHub', async () => {
      const id = await storeGitHubAttestation(
        env.apiUrl,
        env.repository,
        settings.githubToken,
        bundle,
        policy,
        env.serverUrl,
      );
      io.result(
        `Stored GitHub attestation ${id}; check it with \`gh attestation verify <file> --repo ${env.repository}\``,
      );
    });
  }

  io.setOutput('provenance', provenancePath);
  io.setOutput('subjects', String(gathered.files.length));
  io.setOutput('signatures', JSON.stringify(signatures));
  const ignored = gathered.ignored.length
    ? ` Ignored, superseded by a re-run: ${gathered.ignored.map((i) => i.name).join(', ')}.`
    : '';
  await io.summaryTable(
    `Provenance for ${gathered.name} ${gathered.version}`,
    provenanceRows(gathered.files, bundle, {
      serverUrl: env.serverUrl,
      repository: env.repository,
      jobWorkflowRef: claims.job_workflow_ref,
      runId: env.runId,
      runAttempt: env.runAttempt,
      rekorUrl,
    }),
    `Signed into ${provenanceName}${gpg ? ` and with GPG key ${gpg.fingerprint}` : ''}.${ignored} PyPI serves each file at the address shown once \`publish\` uploads it there.`,
  );
}

async function gather(
  settings: ProvenanceSettings,
  env: RunnerEnv,
  artifacts: () => Promise<ArtifactStore>,
): Promise<Gathered & { ignored: IgnoredArtifact[] }> {
  if (settings.from === 'artifacts') {
    const output = workspacePath('packages-dir', settings.packagesDir, env.workspace);
    const downloads = join(env.runnerTemp, 'release-action', 'gather');
    return gatherFromArtifacts(
      await artifacts(),
      settings.artifactPattern,
      downloads,
      output,
      env.runAttempt,
    );
  }
  const dir = await resolveWorkspaceDir('packages-dir', settings.packagesDir, env.workspace);
  const gathered = await checkAgainstManifests(
    await listDistributionFiles(dir, 'packages-dir'),
    await manifestsOfThisJob(env.runnerTemp),
  );
  return { ...gathered, ignored: [] };
}

/** Public repositories sign into the public-good log; private ones use GitHub's instance. */
export function chooseEndpoints(
  settings: ProvenanceSettings,
  claims: GitHubClaims,
  serverUrl: string,
): SigstoreEndpoints {
  const instance =
    settings.sigstore === 'auto'
      ? claims.repository_visibility === 'public'
        ? 'public-good'
        : 'github'
      : settings.sigstore;
  if (isEnterpriseServer(serverUrl) && !settings.fulcioUrl) {
    // Public-good Fulcio accepts no GHES issuer and GitHub runs no Sigstore for GHES.
    throw new EnvironmentError(
      `${serverUrl} is a GitHub Enterprise Server: neither public-good Sigstore nor GitHub's instance signs for its OIDC issuer (${oidcIssuerFor(serverUrl)}).`,
      {
        subject: 'fulcio-url',
        hint: 'Give `fulcio-url` (with `rekor-url` or `tsa-url`) of a private Sigstore instance that trusts this issuer, and verify with its `trusted-root`.',
      },
    );
  }
  const base = instance === 'public-good' ? PUBLIC_GOOD_ENDPOINTS : githubEndpoints(serverUrl);
  const endpoints: SigstoreEndpoints = { fulcioUrl: settings.fulcioUrl ?? base.fulcioUrl };
  const rekorUrl = settings.rekorUrl ?? base.rekorUrl;
  const tsaUrl = settings.tsaUrl ?? base.tsaUrl;
  if (rekorUrl) endpoints.rekorUrl = rekorUrl;
  if (tsaUrl) endpoints.tsaUrl = tsaUrl;
  return endpoints;
}

async function signWithGpg(io: StepIO, gpg: GpgSigner, paths: string[]): Promise<string[]> {
  return io.group('Signing with GPG', async () => {
    const written: string[] = [];
    for (const path of paths) written.push(await gpg.signFile(path));
    io.result(`Wrote ${written.length} detached signature(s) with key ${gpg.fingerprint}`);
    return written;
  });
}

/** The token must come from this server's issuer: a certificate for another would not verify. */
function requireIssuer(iss: string, expected: string): void {
  if (iss === expected) return;
  throw new EnvironmentError(
    `The OIDC token was issued by ${JSON.stringify(iss)}, but this server's issuer is ${JSON.stringify(expected)}.`,
    {
      subject: 'GITHUB_SERVER_URL',
      hint: 'Run the step on the runner of the server that issues its tokens; GITHUB_SERVER_URL must name that server.',
    },
  );
}

/** Writes next to the target and renames, so a failure never leaves a file that looks complete. */
async function writeAtomically(path: string, content: string): Promise<void> {
  const partial = `${path}.partial`;
  try {
    await writeFile(partial, content);
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
