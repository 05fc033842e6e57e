/**
 * `step: publish` — the last hop, in a job gated by a protected environment: takes the files
 * the reviewer saw (the draft release by default), verifies each against the signed
 * provenance, checks what the index would refuse, then uploads to each index in order through
 * trusted publishing with PEP 740 attestations, and confirms every file landed intact.
 */
import { basename, join } from 'node:path';
import type { ArtifactStore } from '../github/artifacts.ts';
import { mapLimit } from '../core/concurrency.ts';
import type { Sha256Digest } from '../digests/digest.ts';
import { sha256Files } from '../digests/hash-pool.ts';
import {
  checkConsistency,
  inspectDistribution,
  pypiUploadProblems,
} from '../distributions/inspect.ts';
import { DistributionError } from '../core/errors.ts';
import type { InspectedDistribution } from '../distributions/types.ts';
import { ChainOfCustodyError, EnvironmentError } from '../core/errors.ts';
import { retryPolicyFor, type Sleep } from '../http/fetch.ts';
import { resolveTag, type PublishSettings } from '../config/inputs.ts';
import type { StepIO } from '../core/io.ts';
import {
  decodeClaims,
  fetchIdToken,
  requireIdTokenPermission,
  type GitHubClaims,
} from '../github/oidc.ts';
import {
  DEFAULT_SIGNING_TIMING,
  PUBLIC_GOOD_ENDPOINTS,
  type SigningTiming,
  type SigstoreEndpoints,
} from '../provenance/endpoints.ts';
import type { SigningSession } from '../provenance/sign.ts';
import type { ReleaseClient } from '../github/release-types.ts';
import type { RunnerEnv } from '../config/runner-env.ts';
import { quote } from '../core/text.ts';
import { matchFilesToSubjects } from '../custody/verify-files.ts';
import type { VerifiedBundle } from '../verify/bundles.ts';
import {
  listDistributionFiles,
  resolveWorkspaceDir,
  workspacePath,
} from '../core/workspace-files.ts';
import { readdir } from 'node:fs/promises';
import { publishToIndex, type IndexResult, type PublishFile } from '../pypi/publish-index.ts';
import { reusableWorkflowNote } from '../pypi/trusted-publishing.ts';

export interface PublishDeps {
  io: StepIO;
  artifacts: () => Promise<ArtifactStore>;
  releaseClient: (token: string) => Promise<ReleaseClient>;
  sleep?: Sleep;
}

export async function runPublish(
  settings: PublishSettings,
  env: RunnerEnv,
  deps: PublishDeps,
): Promise<void> {
  const { io } = deps;
  const trusted = !settings.password;
  if (trusted) requireIdTokenPermission(env, 'publish with trusted publishing');
  const policy = retryPolicyFor(env.retryDelayMs, env.timeoutMs);
  const sleep =
    deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  // Gathering, hashing, reading metadata and checking the provenance signatures need no OIDC
  // token: they start at once, while the token is fetched, and what they find is reported
  // after the environment check, in the usual order.
  const stop = new AbortController();
  const preparing = io
    .group('Gathering the files', () => gatherFiles(settings, env, deps))
    .then(({ files, known }) => startChecks(settings, env, files, known, io, stop.signal));
  preparing.catch(() => undefined);

  // The environment gate and the Sigstore identity come from one token.
  let sigstoreToken: string | undefined;
  let claims: GitHubClaims | undefined;
  try {
    if (env.idTokenRequestUrl && env.idTokenRequestToken) {
      sigstoreToken = await fetchIdToken(env, 'sigstore', io.setSecret, policy);
      claims = decodeClaims(sigstoreToken);
      checkEnvironment(settings.environment, claims);
      const note = reusableWorkflowNote(claims);
      if (note) io.warning(note);
    } else if (settings.environment) {
      io.warning(
        `Cannot check that this job runs in the "${settings.environment}" environment without an OIDC token (no \`id-token: write\`).`,
      );
    }
  } catch (error) {
    stop.abort(error);
    throw error;
  }

  const { distributions, hashing, inspecting, checking } = await preparing;
  const attest =
    trusted &&
    settings.attestations &&
    claims?.repository_visibility !== 'private' &&
    sigstoreToken !== undefined;
  const endpoints: SigstoreEndpoints = {
    fulcioUrl: settings.fulcioUrl ?? PUBLIC_GOOD_ENDPOINTS.fulcioUrl,
    rekorUrl: settings.rekorUrl ?? (PUBLIC_GOOD_ENDPOINTS.rekorUrl as string),
  };
  // One signing session for every index: one certificate, asked for now; each file is still
  // signed only once verified, and gets its own log entry.
  let session: SigningSession | undefined;
  if (attest && sigstoreToken && !settings.dryRun) {
    const { createSigningSession } = await import('../provenance/sign.ts');
    session = createSigningSession(endpoints, sigstoreToken, signingTiming(env));
    session.prefetchCertificate();
  }
  const digests = await hashing;
  const checked = await checking;
  await io.group('Verifying every file against the signed provenance', () =>
    verifyAgainstProvenance(
      settings,
      env,
      io,
      distributions,
      checked,
      new Map([...digests].map(([path, d]) => [path, d.sha256])),
    ),
  );
  const { publishFiles, release } = await io.group('Checking the distributions', async () => {
    const inspected = await inspecting;
    const identity = checkConsistency(inspected);
    const problems = inspected.flatMap(pypiUploadProblems);
    if (problems.length > 0) {
      throw new DistributionError(
        `The index would refuse these files: ${problems.join('; ')}. Nothing was uploaded.`,
        {
          subject: inspected[0]?.parsed.filename,
          hint: 'Rebuild with a current build backend (PEP 625 sdist names, normalized wheel names, Metadata-Version 2.5 or lower, no local versions).',
        },
      );
    }
    const list = inspected.map((dist) =>
      toPublishFile(dist, digests.get(dist.path) as Sha256Digest),
    );
    io.result(`${identity.name} ${identity.version}: ${list.length} distribution(s) ready`);
    return { publishFiles: list, release: identity };
  });

  if (trusted && settings.attestations && !attest)
    io.warning(
      'PEP 740 attestations are skipped: PyPI verifies them only for public repositories signed with public-good Sigstore.',
    );
  const results: IndexResult[] = [];
  for (const uploadUrl of settings.repositoryUrls) {
    const result = await io.group(`Publishing to ${uploadUrl}`, () =>
      publishToIndex({
        uploadUrl,
        project: release.project,
        version: release.version,
        files: publishFiles,
        settings,
        env,
        io,
        policy,
        sleep,
        ...(claims ? { claims } : {}),
        ...(session ? { attest: { session } } : {}),
      }),
    );
    results.push(result);
  }
  const rows = results.flatMap((r) => r.files.map((f) => ({ index: r.uploadUrl, ...f })));
  io.setOutput('published', JSON.stringify(rows));
  await io.summaryTable(
    `Published ${release.name} ${release.version}${settings.dryRun ? ' (dry run)' : ''}`,
    [
      ['File', 'Index', 'Result', 'URL'],
      ...rows.map((r) => [r.filename, r.index, r.result, r.url]),
    ],
  );
}

/** Sigstore's waits and retries, shortened by the runner's test knobs when set. */
function signingTiming(env: RunnerEnv): SigningTiming {
  return {
    ...DEFAULT_SIGNING_TIMING,
    ...(env.retryDelayMs === undefined ? {} : { minRetryDelayMs: env.retryDelayMs }),
    ...(env.timeoutMs === undefined ? {} : { timeoutMs: env.timeoutMs }),
  };
}

function checkEnvironment(expected: string | undefined, claims: GitHubClaims): void {
  if (!expected) return;
  if ((claims.environment ?? '').toLowerCase() === expected.toLowerCase()) return;
  throw new EnvironmentError(
    `This job does not run in the "${expected}" environment (its OIDC token says ${claims.environment ? quote(claims.environment) : 'no environment'}): publishing needs a person's approval.`,
    {
      subject: 'environment',
      hint: `Put the publish job in the protected environment and add required reviewers to it (Settings → Environments):\n\n    publish:\n      environment: ${expected}\n      permissions:\n        id-token: write\n\nor set \`environment\` to the one the job uses.`,
    },
  );
}

/** The files to publish, and the digests of those already hashed while they were fetched. */
interface GatheredFiles {
  files: string[];
  known: Map<string, Sha256Digest>;
}

interface StartedChecks {
  distributions: string[];
  hashing: Promise<Map<string, Sha256Digest>>;
  inspecting: Promise<Awaited<ReturnType<typeof inspectDistribution>>[]>;
  checking: ReturnType<typeof checkProvenanceFiles>;
}

/**
 * Starts every check of the gathered files. Each file is hashed once, here: the sha256 that
 * the provenance covers is the one sent with the upload and the one the index must list
 * afterwards. While worker threads hash, this thread loads the verification and signing code
 * and reads each distribution's metadata. Files hashed as they were downloaded or gathered are
 * not read again. Nothing is reported yet: the caller awaits each result in order.
 */
function startChecks(
  settings: PublishSettings,
  env: RunnerEnv,
  files: string[],
  known: Map<string, Sha256Digest>,
  io: StepIO,
  signal: AbortSignal,
): StartedChecks {
  const distributions = files.filter((p) => p.endsWith('.whl') || p.endsWith('.tar.gz'));
  if (distributions.length === 0) {
    throw new ChainOfCustodyError('There is nothing to publish: no wheels or sdists were found.', {
      subject: 'from',
      hint: 'Check `from` (release, artifacts or folder) and that the release step uploaded the distributions.',
    });
  }
  const provenance = files.filter((p) => p.endsWith('.intoto.jsonl'));
  const hashing = sha256Files(
    distributions.filter((p) => !known.has(p)),
    settings.uploadConcurrency,
    signal,
  ).then(({ digests, threads }) => {
    if (threads > 0) io.info(`Hashed ${digests.size} file(s) on ${threads} worker threads.`);
    return new Map([...known, ...digests]);
  });
  const inspecting = mapLimit(distributions, settings.uploadConcurrency, inspectDistribution);
  const checking = checkProvenanceFiles(settings, env, provenance);
  hashing.catch(() => undefined);
  inspecting.catch(() => undefined);
  checking.catch(() => undefined);
  return { distributions, hashing, inspecting, checking };
}

async function gatherFiles(
  settings: PublishSettings,
  env: RunnerEnv,
  deps: PublishDeps,
): Promise<GatheredFiles> {
  const workDir = join(env.runnerTemp, 'release-action', 'publish');
  if (settings.from === 'release') {
    if (!settings.githubToken)
      throw new EnvironmentError('`from: release` needs a GitHub token.', {
        subject: 'github-token',
        hint: 'Leave `github-token` at its default and give the job `contents: write` (GitHub lists drafts only to tokens that can write).',
      });
    const tag = resolveTag(settings.tag, env.ref);
    const { downloadReleaseAssets } = await import('../release/download.ts');
    const { release, paths, digests } = await downloadReleaseAssets(
      await deps.releaseClient(settings.githubToken),
      env.repository,
      tag,
      join(workDir, 'release'),
      settings.uploadConcurrency,
    );
    deps.io.result(
      `Downloaded ${paths.length} asset(s) of ${release.draft ? 'draft' : 'published'} release ${release.id} (${tag})`,
    );
    return { files: paths, known: digests };
  }
  if (settings.from === 'artifacts') {
    const output = workspacePath('packages-dir', settings.packagesDir, env.workspace);
    const { gatherFromArtifacts } = await import('../custody/gather.ts');
    const gathered = await gatherFromArtifacts(
      await deps.artifacts(),
      settings.artifactPattern,
      join(workDir, 'artifacts'),
      output,
    );
    const extra = (await readdir(output))
      .filter((n) => n.endsWith('.intoto.jsonl'))
      .map((n) => join(output, n));
    return {
      files: [...gathered.files.map((f) => f.path), ...extra],
      known: new Map(gathered.files.map((f) => [f.path, { size: f.size, sha256: f.sha256 }])),
    };
  }
  const dir = await resolveWorkspaceDir('packages-dir', settings.packagesDir, env.workspace);
  const provenance = (await readdir(dir))
    .filter((n) => n.endsWith('.intoto.jsonl'))
    .map((n) => join(dir, n));
  return {
    files: [...(await listDistributionFiles(dir, 'packages-dir')), ...provenance],
    known: new Map(),
  };
}

interface CheckedProvenance {
  bundles: VerifiedBundle[];
  /** What to log for each provenance file, in order. */
  lines: Array<{ ok: boolean; text: string }>;
}

/** Verifies the provenance files' signatures and signers; the files' digests come later. */
async function checkProvenanceFiles(
  settings: PublishSettings,
  env: RunnerEnv,
  provenance: string[],
): Promise<CheckedProvenance> {
  const checked: CheckedProvenance = { bundles: [], lines: [] };
  if (provenance.length === 0) return checked;
  const policy = {
    serverUrl: env.serverUrl,
    issuer: env.oidcIssuer,
    repository: env.repository,
    ...(settings.workflow ? { workflow: settings.workflow } : {}),
  };
  // The verification libraries load only when there is provenance to verify.
  const [{ BundleRejected, verifyProvenanceFile }, { loadTrustMaterial }] = await Promise.all([
    import('../verify/bundles.ts'),
    import('../verify/trust.ts'),
  ]);
  const trust = await loadTrustMaterial(
    settings.trustedRoot,
    join(env.runnerTemp, 'release-action', 'tuf'),
  );
  for (const path of provenance) {
    try {
      checked.bundles.push(...(await verifyProvenanceFile(path, trust, policy)));
      checked.lines.push({
        ok: true,
        text: `✔ ${basename(path)} verifies: signed by ${env.serverUrl}/${env.repository}`,
      });
    } catch (error) {
      if (!(error instanceof BundleRejected)) throw error;
      checked.lines.push({ ok: false, text: `✘ ${error.message}` });
    }
  }
  return checked;
}

async function verifyAgainstProvenance(
  settings: PublishSettings,
  env: RunnerEnv,
  io: StepIO,
  distributions: string[],
  checked: CheckedProvenance,
  known: ReadonlyMap<string, string>,
): Promise<void> {
  for (const line of checked.lines) {
    if (line.ok) io.info(line.text);
    else io.warning(line.text);
  }
  const bundles = checked.bundles;
  const verdicts = await matchFilesToSubjects(distributions, bundles, known);
  const failed = verdicts.filter((v) => v.problem);
  for (const v of verdicts)
    io.info(
      v.problem
        ? `✘ ${v.filename}: ${v.problem}`
        : `✔ ${v.filename}: covered by ${basename(v.coveredBy ?? '')}`,
    );
  if (failed.length === 0)
    return io.result(
      `All ${verdicts.length} distribution(s) are covered by verified provenance from ${env.repository}`,
    );
  const names = failed.map((v) => `${quote(v.filename)} (${v.problem})`).join('; ');
  if (!settings.requireProvenance)
    return io.warning(`Publishing without verified provenance for: ${names}.`);
  throw new ChainOfCustodyError(
    `${failed.length} file(s) are not covered by verified provenance from ${env.repository}: ${names}. Nothing was uploaded.`,
    {
      subject: failed[0]?.filename,
      hint: 'Publish only what `step: provenance` signed in this repository. For projects that do not sign, set `require-provenance: false`.',
    },
  );
}

function toPublishFile(dist: InspectedDistribution, digests: Sha256Digest): PublishFile {
  return {
    path: dist.path,
    filename: dist.parsed.filename,
    kind: dist.parsed.kind,
    pyversion: dist.parsed.kind === 'wheel' ? dist.parsed.pythonTags.join('.') : 'source',
    metadata: dist.metadata,
    ...digests,
  };
}
