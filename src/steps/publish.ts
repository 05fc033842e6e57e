/**
 * `step: publish` — the last hop, in a job gated by a protected environment: takes the files
 * the reviewer saw (the draft release by default), verifies each against the signed
 * provenance (and, with `public-key`, its `.asc` against the maintainer's key; `.asc` files are
 * never uploaded), checks what the index would refuse, then uploads to each index in order through
 * trusted publishing with PEP 740 attestations (signed only after the token exchange), and
 * confirms every file landed intact. A dry run also performs the exchange, and stops there.
 */
import { basename, join } from 'node:path';
import type { ArtifactStore } from '../github/artifacts.ts';
import { mapLimit } from '../core/concurrency.ts';
import type { Sha256Digest } from '../digests/digest.ts';
import { sha256Files } from '../digests/hash-pool.ts';
import { checkConsistency, inspectDistribution } from '../distributions/inspect.ts';
import { applyIndexRules, isStdlibName } from '../pypi/rules/index.ts';
import { projectExists } from '../pypi/index-api.ts';
import type { InspectedDistribution } from '../distributions/types.ts';
import { ChainOfCustodyError, EnvironmentError, ServiceError } from '../core/errors.ts';
import type { RetryPolicy, Sleep } from '../http/retry.ts';
import { resolveTag, type PublishSettings } from '../config/inputs.ts';
import type { StepIO } from '../core/io.ts';
import {
  decodeClaims,
  fetchIdToken,
  requireIdTokenPermission,
  type GitHubClaims,
} from '../github/oidc.ts';
import {
  PUBLIC_GOOD_ENDPOINTS,
  type SigningTiming,
  type SigstoreEndpoints,
} from '../provenance/endpoints.ts';
import type { SigningSession } from '../provenance/sign.ts';
import type { GitData } from '../github/git-data.ts';
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
import {
  publishToIndex,
  type IndexCredentials,
  type IndexResult,
  type PublishFile,
} from '../pypi/publish-index.ts';
import { reusableWorkflowNote } from '../pypi/trusted-publishing.ts';
import { publicKeyFingerprint, readArmoredPublicKey } from '../provenance/gpg-verify.ts';
import {
  checkMaintainerSignatures,
  requireMaintainerSignatures,
} from '../custody/maintainer-signatures.ts';

export interface PublishDeps {
  io: StepIO;
  artifacts: () => Promise<ArtifactStore>;
  /** GitHub's releases API; the factory refuses when there is no token. */
  releases: () => Promise<ReleaseClient>;
  policy: RetryPolicy;
  signing: SigningTiming;
  sleep: Sleep;
  git: GitData;
}

/**
 * The other permissions a publish job needs, for the YAML of the `id-token` fix: reading the
 * draft release needs `contents: write` (GitHub lists drafts only to tokens that can push);
 * the other sources need none beyond what checkout needs.
 */
function otherPermissions(settings: PublishSettings): string[] {
  return settings.from === 'release'
    ? ['contents: write  # GitHub lists draft releases only to tokens that can write']
    : [];
}

export async function runPublish(
  settings: PublishSettings,
  env: RunnerEnv,
  deps: PublishDeps,
): Promise<void> {
  const { io, policy, sleep } = deps;
  const trusted = !settings.password;
  if (trusted)
    requireIdTokenPermission(env, 'publish with trusted publishing', otherPermissions(settings));
  const maintainerKey = await readMaintainerKey(settings, env);
  const identity = await checkIdentity(settings, env, deps);
  const session = await signingSession(settings, identity, deps.signing);

  const { files, known } = await io.group('Gathering the files', () =>
    gatherFiles(settings, env, deps),
  );
  const distributions = files.filter((p) => p.endsWith('.whl') || p.endsWith('.tar.gz'));
  if (distributions.length === 0) {
    throw new ChainOfCustodyError('There is nothing to publish: no wheels or sdists were found.', {
      subject: 'from',
      hint: 'Check `from` (release, artifacts or folder) and that the release step uploaded the distributions.',
    });
  }
  // Each file is hashed once: the sha256 the provenance covers is the one sent with the upload
  // and the one the index must list afterwards. Files hashed as they were fetched are not read
  // again. Hashing (on worker threads), the provenance's signatures and the archives' checks
  // run at once; their results are taken in this order, so the first failure reported is the
  // one it always was.
  const [hashed, provenance, inspection, signatures] = await Promise.allSettled([
    hashDistributions(distributions, known, settings.uploadConcurrency, io),
    checkProvenanceFiles(
      settings,
      env,
      io,
      deps.git,
      files.filter((p) => p.endsWith('.intoto.jsonl')),
    ),
    mapLimit(distributions, settings.uploadConcurrency, inspectDistribution),
    checkMaintainerSignatures(
      distributions,
      files,
      maintainerKey?.armored,
      settings.uploadConcurrency,
    ),
  ]);
  const digests = valueOf(hashed);
  const checked = valueOf(provenance);
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
  // The maintainer's signatures, before the first token exchange: they are never uploaded.
  requireMaintainerSignatures(valueOf(signatures), maintainerKey, tagForHint(settings, env), io);
  const { publishFiles, release } = await io.group('Checking the distributions', async () => {
    const inspected = valueOf(inspection);
    const identity = checkConsistency(inspected);
    const newOn = await indexesWithoutProject(settings, identity.name, deps);
    // The whole set, before the first upload to any index.
    await applyIndexRules(
      inspected,
      settings.indexRules,
      (m) => io.warning(m),
      newOn && newOn.length > 0
        ? `nothing was uploaded to any index (${identity.name} is a new project on ${newOn.join(', ')})`
        : 'nothing was uploaded to any index',
      newOn === undefined ? {} : { newProject: newOn.length > 0 },
    );
    const list = inspected.map((dist) =>
      toPublishFile(dist, digests.get(dist.path) as Sha256Digest),
    );
    io.result(`${identity.name} ${identity.version}: ${list.length} distribution(s) ready`);
    return { publishFiles: list, release: identity };
  });

  if (session && identity?.claims.repository_visibility !== 'public')
    io.info(
      `The repository is ${identity?.claims.repository_visibility ?? 'not public'}, so its provenance is signed by GitHub's Sigstore instance (with \`sigstore: auto\`); the PEP 740 attestations are signed with Sigstore's public-good instance all the same, because PyPI verifies them against no other. Their certificates, naming the repository and the workflow, go to the public Rekor log.`,
    );
  const credentials: IndexCredentials = settings.password
    ? { password: settings.password, user: settings.user }
    : {
        idToken: (audience) => fetchIdToken(env, audience, io.setSecret, policy),
        audience: settings.oidcAudience,
      };
  const results: IndexResult[] = [];
  for (const uploadUrl of settings.repositoryUrls) {
    const result = await io.group(`Publishing to ${uploadUrl}`, () =>
      publishToIndex({
        uploadUrl,
        project: release.project,
        version: release.version,
        files: publishFiles,
        credentials,
        simpleUrl: settings.simpleUrls[uploadUrl],
        skipExisting: settings.skipExisting,
        dryRun: settings.dryRun,
        concurrency: settings.uploadConcurrency,
        log: io,
        policy,
        sleep,
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
      ['File', 'Index', 'Result'],
      // Each file links to where the index serves it.
      ...rows.map((r) => [
        r.url ? { text: r.filename, href: r.url } : r.filename,
        r.index,
        r.result,
      ]),
    ],
  );
}

/** The maintainer's key of `public-key`, read before anything is fetched. */
interface MaintainerKey {
  armored: string;
  fingerprint: string;
}

async function readMaintainerKey(
  settings: PublishSettings,
  env: RunnerEnv,
): Promise<MaintainerKey | undefined> {
  if (!settings.publicKey) return undefined;
  const armored = await readArmoredPublicKey(settings.publicKey, env.workspace);
  return { armored, fingerprint: await publicKeyFingerprint(armored) };
}

/** The tag for the fix in a message; a folder publish may have none. */
function tagForHint(settings: PublishSettings, env: RunnerEnv): string {
  try {
    return resolveTag(settings.tag, env.ref);
  } catch {
    return '<tag>';
  }
}

/** A settled check's result, or its failure thrown now (in the caller's order). */
function valueOf<T>(settled: PromiseSettledResult<T>): T {
  if (settled.status === 'rejected') throw settled.reason;
  return settled.value;
}

/**
 * The indexes that do not have the project yet, asked only where the answer matters: PyPI
 * refuses a new project named like a standard-library module, a rule `collect` can only warn
 * about. For such a name every index is asked before the first upload (JSON API or simple
 * page; 404 = new); undefined when not asked. An index that cannot say stops the step (fail
 * closed): a refusal by the second index after the first took the files is a half-published
 * release.
 */
async function indexesWithoutProject(
  settings: PublishSettings,
  name: string,
  { io, policy }: PublishDeps,
): Promise<string[] | undefined> {
  if (settings.indexRules === 'none' || !isStdlibName(name)) return undefined;
  const missing: string[] = [];
  for (const url of settings.repositoryUrls) {
    const exists = await projectExists(url, name, policy, settings.simpleUrls[url]).catch(
      (error: unknown) => {
        if (!(error instanceof ServiceError)) throw error;
        throw new ServiceError(
          `${error.message} It must be known before anything is uploaded: ${name} is a standard-library module name, which PyPI refuses for a new project. Nothing was uploaded to any index.`,
          error.hint ? { hint: error.hint } : {},
        );
      },
    );
    io.info(
      `${name} is a standard-library module name; ${url} ${exists ? 'already has the project' : 'does not have the project yet'}.`,
    );
    if (!exists) missing.push(url);
  }
  return missing;
}

/** The job's OIDC identity for Sigstore, when it can have one. */
interface Identity {
  sigstoreToken: string;
  claims: GitHubClaims;
}

/** The environment gate and the Sigstore identity, both from one OIDC token. */
async function checkIdentity(
  settings: PublishSettings,
  env: RunnerEnv,
  { io, policy }: PublishDeps,
): Promise<Identity | undefined> {
  if (!env.idTokenRequestUrl || !env.idTokenRequestToken) {
    if (settings.environment)
      io.warning(
        `Cannot check that this job runs in the "${settings.environment}" environment without an OIDC token (no \`id-token: write\`).`,
      );
    return undefined;
  }
  const sigstoreToken = await fetchIdToken(env, 'sigstore', io.setSecret, policy);
  const claims = decodeClaims(sigstoreToken);
  checkEnvironment(settings.environment, claims);
  const note = reusableWorkflowNote(claims);
  if (note) io.warning(note);
  return { sigstoreToken, claims };
}

/**
 * PEP 740 attestations go with trusted publishing. PyPI verifies them against public-good
 * Sigstore only, so they are signed there whatever the repository's visibility (a private
 * repository's provenance is signed by GitHub's instance; its attestations cannot be).
 */
function attestationsApply(settings: PublishSettings, identity: Identity | undefined): boolean {
  return !settings.password && settings.attestations && identity !== undefined;
}

/**
 * One signing session for every index, when PEP 740 attestations apply: one certificate,
 * asked for on the first signature, which comes after the first token exchange (a
 * certificate is a public log entry too); each file gets its own log entry.
 */
async function signingSession(
  settings: PublishSettings,
  identity: Identity | undefined,
  timing: SigningTiming,
): Promise<SigningSession | undefined> {
  if (!identity || !attestationsApply(settings, identity) || settings.dryRun) return undefined;
  const endpoints: SigstoreEndpoints = {
    fulcioUrl: settings.fulcioUrl ?? PUBLIC_GOOD_ENDPOINTS.fulcioUrl,
    rekorUrl: settings.rekorUrl ?? (PUBLIC_GOOD_ENDPOINTS.rekorUrl as string),
  };
  const { createSigningSession } = await import('../provenance/sign.ts');
  return createSigningSession(endpoints, identity.sigstoreToken, timing);
}

/** The sha256 of every distribution, hashing on worker threads only those not known yet. */
async function hashDistributions(
  distributions: string[],
  known: Map<string, Sha256Digest>,
  concurrency: number,
  io: StepIO,
): Promise<Map<string, Sha256Digest>> {
  const { digests, threads } = await sha256Files(
    distributions.filter((p) => !known.has(p)),
    concurrency,
  );
  if (threads > 0) io.info(`Hashed ${digests.size} file(s) on ${threads} worker threads.`);
  return new Map([...known, ...digests]);
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

async function gatherFiles(
  settings: PublishSettings,
  env: RunnerEnv,
  deps: PublishDeps,
): Promise<GatheredFiles> {
  const workDir = join(env.runnerTemp, 'release-action', 'publish');
  if (settings.from === 'release') {
    const tag = resolveTag(settings.tag, env.ref);
    const { downloadReleaseAssets } = await import('../release/download.ts');
    const { release, paths, digests } = await downloadReleaseAssets(
      await deps.releases(),
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
      env.runAttempt,
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
  io: StepIO,
  git: GitData,
  provenance: string[],
): Promise<CheckedProvenance> {
  const checked: CheckedProvenance = { bundles: [], lines: [] };
  if (provenance.length === 0) return checked;
  // The verification libraries load only when there is provenance to verify.
  const [{ BundleRejected, verifyProvenanceFile }, { loadTrustMaterial }, current, cli] =
    await Promise.all([
      import('../verify/bundles.ts'),
      import('../verify/trust.ts'),
      import('../verify/policy.ts'),
      import('../verify/github-cli-root.ts'),
    ]);
  // GitHub as it is now: the repository's ids, and the commit the tag points at.
  const tag = resolveTag(settings.tag, env.ref);
  const ids = await current.expectedIds(env, env.repository, undefined, git);
  const policy = {
    serverUrl: env.serverUrl,
    issuer: env.oidcIssuer,
    repository: env.repository,
    ref: `refs/tags/${tag}`,
    repositoryId: ids.repositoryId,
    ...(ids.ownerId ? { ownerId: ids.ownerId } : {}),
    ...(settings.workflow ? { workflow: settings.workflow } : {}),
  };
  const trust = await loadTrustMaterial(
    settings.trustedRoot,
    join(env.runnerTemp, 'release-action', 'tuf'),
    undefined,
    cli.githubRootFromCli({
      serverUrl: env.serverUrl,
      token: settings.githubToken,
      info: (line) => io.info(line),
    }),
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
  current.requireBuiltFromTag(checked.bundles, await current.tagNow(git, env.repository, tag));
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
