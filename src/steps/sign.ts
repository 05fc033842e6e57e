/**
 * `release-action sign --tag v1.2.3` — on the maintainer's machine, never in CI: downloads the
 * draft's assets, verifies every distribution against the provenance (refusing if anything
 * fails), signs each distribution and the provenance with the local gpg (its agent: pinentry,
 * smartcards), and uploads the `.asc` files to the draft. A signature already on the draft is
 * checked first with the signing key's public key: one that verifies is kept and its file not
 * signed again (a re-run asks for no passphrase or smartcard touch), one that does not is
 * refused before anything is signed.
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ChainOfCustodyError, EnvironmentError } from '../core/errors.ts';
import type { SignSettings } from '../config/inputs.ts';
import type { StepIO } from '../core/io.ts';
import type { RunnerEnv } from '../config/runner-env.ts';
import { quote } from '../core/text.ts';
import { verifyReleaseAssets } from '../custody/release-verify.ts';
import { githubFailure } from '../github/errors.ts';
import type { GitData } from '../github/git-data.ts';
import type { ReleaseClient } from '../github/release-types.ts';
import { verifyDetachedSignature } from '../provenance/gpg-verify.ts';
import {
  gpgDetachSign,
  gpgExportPublicKey,
  gpgSigningKey,
  signerFingerprint,
} from '../provenance/local-gpg.ts';
import { downloadReleaseAssets } from '../release/download.ts';
import { chooseDraft } from '../release/plan.ts';
import { loadTrustMaterial } from '../verify/trust.ts';
import { githubRootFromCli } from '../verify/github-cli-root.ts';

export interface SignDeps {
  io: StepIO;
  releases: (token: string, repository: string) => ReleaseClient;
  /** GitHub's git data for the repository signed (`repository`, else the running one). */
  git: GitData;
}

export async function runSign(
  settings: SignSettings,
  env: RunnerEnv,
  deps: SignDeps,
): Promise<void> {
  const { io } = deps;
  const { tag, githubToken: token } = settings;
  const repository = settings.repository ?? env.repository;
  if (!repository) {
    throw new EnvironmentError('`sign` needs the repository.', {
      subject: 'repository',
      hint: 'Pass `--repository octo-org/octo-repo` (or set GITHUB_REPOSITORY).',
    });
  }
  const client = deps.releases(token, repository);
  const { draft, published } = chooseDraft(
    await client.listReleases().catch((error: unknown) => {
      throw githubFailure(error, 'list releases', repository);
    }),
    tag,
  );
  if (!draft && published?.immutable) {
    throw new EnvironmentError(
      `Release ${quote(tag)} is published and immutable: no signatures can be added to it.`,
      {
        subject: 'tag',
        hint: 'Sign the draft before publishing it (keep releases as drafts until signed).',
      },
    );
  }
  const work = join(env.runnerTemp, 'release-action', 'sign', tag.replace(/[^A-Za-z0-9._-]/g, '_'));
  const { release, paths, digests } = await downloadReleaseAssets(
    client,
    repository,
    tag,
    join(work, 'assets'),
    4,
  );
  const trust = await loadTrustMaterial(
    settings.trustedRoot,
    join(env.runnerTemp, 'release-action', 'tuf'),
    undefined,
    githubRootFromCli({ serverUrl: env.serverUrl, token, info: (line) => io.info(line) }),
  );
  const checked = await verifyReleaseAssets(
    env,
    repository,
    tag,
    deps.git,
    paths,
    digests,
    trust,
    settings.workflow,
  );
  io.result(
    `${checked.distributions.length} distribution(s) of ${tag} verify against ${checked.provenance.length} provenance file(s)`,
  );

  // The signing key is found without the agent: signatures already on the draft are checked
  // with it first, so a re-run asks for no passphrase or smartcard touch, and a conflicting
  // one stops the run before anything is signed. The rest is signed into a separate folder;
  // nothing is uploaded before every signature has been checked.
  const fingerprint = await gpgSigningKey(settings.localUser);
  const publicKey = await gpgExportPublicKey(fingerprint);
  const signedDir = join(work, 'signed');
  await rm(signedDir, { recursive: true, force: true });
  await mkdir(signedDir, { recursive: true });
  const targets = [...checked.distributions, ...checked.provenance];
  const plan: Array<{ path: string; asc: string; upload: boolean }> = [];
  for (const path of targets) {
    const existing = `${path}.asc`;
    const there = await stat(existing).then(
      () => true,
      () => false,
    );
    if (!there) continue;
    const problem = await verifyDetachedSignature(path, existing, publicKey);
    if (problem) {
      throw new ChainOfCustodyError(
        `${basename(existing)} is already on release ${quote(tag)} and is not a signature of ${basename(path)} by key ${fingerprint}: ${problem}. Nothing was uploaded.`,
        {
          subject: basename(existing),
          hint: 'Delete that asset from the draft if it is wrong, then run `sign` again.',
        },
      );
    }
    io.info(`${basename(existing)}: already signed by ${fingerprint}`);
    plan.push({ path, asc: existing, upload: false });
  }
  const signed = new Set(plan.map((p) => p.path));
  for (const path of targets.filter((t) => !signed.has(t))) {
    const asc = join(signedDir, `${basename(path)}.asc`);
    await gpgDetachSign(path, asc, settings.localUser ?? fingerprint);
    const fresh = await verifyDetachedSignature(path, asc, publicKey);
    if (fresh) {
      const by = await signerFingerprint(await readFile(asc, 'utf8')).catch(() => 'unknown');
      throw new EnvironmentError(
        `gpg made a signature of ${basename(path)} that does not verify with key ${fingerprint} (signed by ${by}): ${fresh}. Nothing was uploaded.`,
        {
          subject: 'local-user',
          hint: 'Name the key with `--local-user <fingerprint>` (see `gpg --list-secret-keys`).',
        },
      );
    }
    plan.push({ path, asc, upload: true });
  }
  const uploads = plan.filter((p) => p.upload);
  for (const { asc } of uploads) {
    const { size } = await stat(asc);
    await client.uploadAsset(release, basename(asc), asc, size).catch((error: unknown) => {
      throw githubFailure(error, `upload ${basename(asc)}`, repository);
    });
  }
  io.setOutput('signatures', JSON.stringify(uploads.map((p) => basename(p.asc))));
  io.result(
    `Signed with key ${fingerprint}: ${uploads.length} signature(s) uploaded to ${release.draft ? 'draft' : 'release'} ${release.id}, ${plan.length - uploads.length} already there`,
  );
}
