import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultArtifactClient } from '@actions/artifact';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  HATCH_PLATFORM_WHEEL,
  HATCH_SDIST,
  HATCH_WHEEL,
  sigstoreInputs,
  startPipeline,
  type Job,
  type Pipeline,
} from '../../sandbox/pipeline.ts';

const FIXTURE_FILES = [HATCH_WHEEL, HATCH_PLATFORM_WHEEL, HATCH_SDIST];
const PROVENANCE = 'hatch_demo-0.1.0.intoto.jsonl';
function flipByte(bytes: Buffer, index: number, mask: number): void {
  bytes[index] = (bytes[index] ?? 0) ^ mask;
}

const sha256 = (path: string): string =>
  execFileSync('sha256sum', [path], { encoding: 'utf8' }).split(' ')[0] as string;

let pipeline: Pipeline;
let signer: Job;

beforeAll(async () => {
  pipeline = await startPipeline();
  const jobs = await Promise.all(
    FIXTURE_FILES.map((f, i) => pipeline.job('build', [f], `leg-${i}`)),
  );
  const runs = await Promise.all(jobs.map((job) => job.run({ step: 'collect' })));
  for (const run of runs) expect(run.exitCode, run.stdout).toBe(0);
});
afterAll(async () => {
  await pipeline?.close();
});

async function verifyStep(job: Job, inputs: Record<string, string> = {}) {
  return job.run({ step: 'verify', 'trusted-root': pipeline.trustedRootPath, ...inputs });
}

describe('fan-in: three collect jobs, one provenance job, verify', () => {
  it('signs every gathered file into SLSA provenance that @sigstore/verify accepts', async () => {
    signer = await pipeline.job('sign');
    const run = await signer.run(
      { step: 'provenance', ...sigstoreInputs(pipeline) },
      { idToken: true },
    );
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    const dist = join(signer.workspace, 'dist');
    expect((await readdir(dist)).sort()).toEqual([...FIXTURE_FILES, PROVENANCE].sort());
    expect(run.outputs.provenance).toBe(join(dist, PROVENANCE));
    expect(run.outputs.subjects).toBe('3');
    expect(run.outputs.signatures).toBe('[]');

    const json = JSON.parse(await readFile(join(dist, PROVENANCE), 'utf8'));
    const verifier = new Verifier(
      toTrustMaterial(TrustedRoot.fromJSON(pipeline.sandbox.sigstore.trustedRoot)),
      { tlogThreshold: 1, ctlogThreshold: 1 },
    );
    verifier.verify(toSignedEntity(bundleFromJSON(json)), {
      subjectAlternativeName:
        'https://github.com/octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.0.0',
      extensions: { issuer: 'https://token.actions.githubusercontent.com' },
    });
    const statement = JSON.parse(Buffer.from(json.dsseEnvelope.payload, 'base64').toString());
    expect(statement.predicateType).toBe('https://slsa.dev/provenance/v1');
    expect(statement.predicate.buildDefinition.resolvedDependencies[0].digest.gitCommit).toBe(
      'a'.repeat(40),
    );
    for (const file of FIXTURE_FILES) {
      expect(statement.subject).toContainEqual({
        name: file,
        digest: { sha256: sha256(join(dist, file)) },
      });
    }
    expect(run.summary).toContain(PROVENANCE);
  });

  it('verify passes for the repository and workflow, one line per file', async () => {
    const run = await verifyStep(signer, { workflow: 'release.yml', ref: 'refs/tags/v1.0.0' });
    expect(run.exitCode, run.stdout).toBe(0);
    for (const file of FIXTURE_FILES)
      expect(run.stdout).toContain(`✔ ${file}: verified by ${PROVENANCE}`);
    expect(JSON.parse(run.outputs.verified ?? '[]')).toHaveLength(3);
  });

  it('without trusted-root and offline it falls back to the embedded public-good root, saying so', async () => {
    const cache = join(signer.runnerTemp, 'release-action', 'tuf');
    await rm(cache, { recursive: true, force: true });
    const started = Date.now();
    const run = await verifyStep(signer, { 'trusted-root': '' });
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(run.stdout).toMatch(
      /Could not refresh Sigstore's public-good trusted root through TUF .*verifying with the copy embedded in the action, whose newest key dates from \d{4}-\d\d-\d\d/,
    );
    // The sandbox's certificates come from no public-good CA: refused, naming why.
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('which no loaded trusted root holds');
    expect(run.stdout).not.toMatch(/is not a function|TypeError/);
    // The TUF client ran: it seeded its cache with the root it ships before going online.
    const seeded = JSON.parse(
      await readFile(join(cache, 'tuf-repo-cdn.sigstore.dev', 'root.json'), 'utf8'),
    ) as {
      signed?: { _type?: string };
    };
    expect(seeded.signed?._type).toBe('root');
  });

  it('the command line verifies too, with the same code, and checks the repository id', async () => {
    const cli = (repositoryId: string) =>
      execFileSync(
        process.execPath,
        [
          join(import.meta.dirname, '../../dist/cli.js'),
          'verify',
          '--packages-dir',
          'dist',
          '--repository',
          'octo-org/octo-repo',
          '--repository-id',
          repositoryId,
          '--trusted-root',
          pipeline.trustedRootPath,
        ],
        {
          cwd: signer.workspace,
          encoding: 'utf8',
          stdio: 'pipe',
          env: {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            GITHUB_WORKSPACE: signer.workspace,
          },
        },
      );
    expect(cli('2002')).toContain(`✔ ${HATCH_SDIST}: verified by ${PROVENANCE}`);
    // The same name, registered again by someone else, is another repository id.
    let refused: { status?: number; stdout?: string } = {};
    try {
      cli('9999');
    } catch (error) {
      refused = error as { status?: number; stdout?: string };
    }
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain(
      'signed by repository id "2002", but octo-org/octo-repo is repository id "9999"',
    );
  });

  it('verify fails for another repository, a wrong workflow, a changed file and an edited payload', async () => {
    expect(errorOf(await verifyStep(signer, { repository: 'someone/else' }))).toMatch(
      /failed verification/,
    );
    expect(errorOf(await verifyStep(signer, { workflow: 'other.yml' }))).toMatch(
      /failed verification/,
    );

    const job = await pipeline.job('consumer');
    const dist = join(job.workspace, 'dist');
    for (const name of [...FIXTURE_FILES, PROVENANCE])
      await writeFile(join(dist, name), await readFile(join(signer.workspace, 'dist', name)));
    const wheel = join(dist, HATCH_WHEEL);
    const bytes = await readFile(wheel);
    flipByte(bytes, bytes.length - 30, 1);
    await writeFile(wheel, bytes);
    const changed = await verifyStep(job);
    expect(changed.exitCode).toBe(1);
    expect(changed.stdout).toMatch(
      new RegExp(`✘ ${HATCH_WHEEL}: sha256 [0-9a-f]{64} differs from the signed digest`),
    );
    expect(changed.stdout).toContain(`✔ ${HATCH_SDIST}`);

    await writeFile(wheel, await readFile(join(signer.workspace, 'dist', HATCH_WHEEL)));
    const bundle = JSON.parse(await readFile(join(dist, PROVENANCE), 'utf8'));
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString());
    statement.subject[0].digest.sha256 = '0'.repeat(64);
    bundle.dsseEnvelope.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    await writeFile(join(dist, PROVENANCE), JSON.stringify(bundle));
    const edited = await verifyStep(job);
    expect(edited.exitCode).toBe(1);
    expect(edited.stdout + edited.stderr).toMatch(/signature verification failed/);
  });

  it('verify refuses a bundle signed by another repository', async () => {
    const job = await pipeline.job('evil', FIXTURE_FILES);
    const evil = await job.run(
      { step: 'provenance', from: 'folder', ...sigstoreInputs(pipeline) },
      { idToken: { repository: 'evil-org/evil-repo' } },
    );
    // from: folder without collect in this job: nothing was recorded, nothing is signed.
    expect(evil.exitCode).toBe(1);
    expect(errorOf(evil)).toMatch(/No manifest from `step: collect`/);
    expect(
      await job.run({ step: 'collect', 'upload-artifact': 'false' }).then((r) => r.exitCode),
    ).toBe(0);
    const signed = await job.run(
      { step: 'provenance', from: 'folder', ...sigstoreInputs(pipeline) },
      { idToken: { repository: 'evil-org/evil-repo' } },
    );
    expect(signed.exitCode, signed.stdout).toBe(0);
    const run = await verifyStep(job, { repository: 'octo-org/octo-repo' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout + run.stderr).toMatch(/evil-org\/evil-repo/);
  });
});

describe('chain of custody before signing', () => {
  it('a byte changed in an artifact between collect and provenance stops the step and nothing is signed', async () => {
    const local = await startPipeline();
    try {
      const build = await local.job('build', [HATCH_WHEEL]);
      const collected = await build.run({ step: 'collect' });
      expect(collected.exitCode).toBe(0);
      const name = collected.outputs['artifact-name'] ?? '';
      // Replace the artifact with one whose wheel differs by one byte, manifest unchanged.
      const staged = join(build.runnerTemp, 'release-action', 'collect', name);
      const wheel = join(staged, HATCH_WHEEL);
      const bytes = await readFile(wheel);
      const original = sha256(wheel);
      await rm(wheel);
      flipByte(bytes, 100, 0xff);
      await writeFile(wheel, bytes);
      const saved = { ...process.env };
      // Re-uploaded by the same job (a later step of the build job, say): attribution holds,
      // the digest check catches it.
      Object.assign(process.env, local.sandbox.runnerEnv({ job: 'build' }), {
        GITHUB_SERVER_URL: 'https://github.com',
      });
      try {
        const client = new DefaultArtifactClient();
        await client.deleteArtifact(name);
        await client.uploadArtifact(name, [wheel, join(staged, 'release-manifest.json')], staged);
      } finally {
        process.env = saved;
      }
      const requestsBefore = local.sandbox.sigstore.requests.fulcio;
      const sign = await local.job('sign');
      const run = await sign.run(
        { step: 'provenance', ...sigstoreInputs(local) },
        { idToken: true },
      );
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toContain(HATCH_WHEEL);
      expect(errorOf(run)).toContain(original);
      expect(errorOf(run)).toContain(sha256(wheel));
      expect(local.sandbox.sigstore.requests.fulcio).toBe(requestsBefore);
      const left = await readdir(join(sign.workspace, 'dist')).catch(() => []);
      expect(left.filter((n) => n.endsWith('.intoto.jsonl'))).toEqual([]);
    } finally {
      await local.close();
    }
  });

  it('a look-alike artifact from another job, manifest edited to match, is refused', async () => {
    const local = await startPipeline();
    try {
      const build = await local.job('build', [HATCH_WHEEL]);
      const collected = await build.run({ step: 'collect' });
      expect(collected.exitCode).toBe(0);
      const name = collected.outputs['artifact-name'] ?? '';
      const staged = join(build.runnerTemp, 'release-action', 'collect', name);
      const wheel = join(staged, HATCH_WHEEL);
      const bytes = await readFile(wheel);
      await rm(wheel);
      flipByte(bytes, 100, 0xff);
      await writeFile(wheel, bytes);
      // The attacker rewrites the manifest so every digest matches the tampered wheel.
      const manifestPath = join(staged, 'release-manifest.json');
      const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
      const { digestFile } = await import('../../src/digests/digest.ts');
      const digests = await digestFile(wheel);
      manifest.files[0].sha256 = digests.sha256;
      manifest.files[0].blake2b256 = digests.blake2b256;
      manifest.files[0].size = digests.size;
      await rm(manifestPath);
      await writeFile(manifestPath, JSON.stringify(manifest));
      const saved = { ...process.env };
      Object.assign(process.env, local.sandbox.runnerEnv({ job: 'build', matrix: 'attacker' }), {
        GITHUB_SERVER_URL: 'https://github.com',
      });
      try {
        const client = new DefaultArtifactClient();
        await client.deleteArtifact(name);
        await client.uploadArtifact(name, [wheel, manifestPath], staged);
      } finally {
        process.env = saved;
      }
      const before = local.sandbox.sigstore.requests.fulcio;
      const sign = await local.job('sign');
      const run = await sign.run(
        { step: 'provenance', ...sigstoreInputs(local) },
        { idToken: true },
      );
      expect(run.exitCode).toBe(1);
      expect(errorOf(run)).toContain(name);
      expect(errorOf(run)).toContain(HATCH_WHEEL);
      expect(errorOf(run)).toMatch(/uploaded by a different job/);
      expect(local.sandbox.sigstore.requests.fulcio).toBe(before);
    } finally {
      await local.close();
    }
  });

  it('a file changed in the build job after collect stops provenance from a folder', async () => {
    const job = await pipeline.job('onejob', [HATCH_SDIST]);
    expect((await job.run({ step: 'collect', 'upload-artifact': 'false' })).exitCode).toBe(0);
    const path = join(job.workspace, 'dist', HATCH_SDIST);
    const bytes = await readFile(path);
    flipByte(bytes, bytes.length - 5, 1);
    await writeFile(path, bytes);
    const run = await job.run(
      { step: 'provenance', from: 'folder', ...sigstoreInputs(pipeline) },
      { idToken: true },
    );
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/does not match the digest recorded by `collect`/);
  });
});

describe('provenance environment, failures and options', () => {
  it('without id-token: write it fails first, with the YAML that fixes it', async () => {
    const job = await pipeline.job('noperm');
    const run = await job.run({ step: 'provenance', ...sigstoreInputs(pipeline) });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/id-token: write/);
    expect(errorOf(run)).toMatch(/permissions:/);
  });

  it('retries a failing Fulcio, and after too many failures names it and leaves nothing behind', async () => {
    const job = await pipeline.job('flaky');
    pipeline.sandbox.sigstore.failNext('fulcio', 2);
    const ok = await job.run(
      { step: 'provenance', ...sigstoreInputs(pipeline) },
      { idToken: true },
    );
    expect(ok.exitCode, ok.stdout).toBe(0);

    const down = await pipeline.job('down');
    pipeline.sandbox.sigstore.failNext('rekor', 100);
    const run = await down.run(
      { step: 'provenance', ...sigstoreInputs(pipeline) },
      { idToken: true },
    );
    pipeline.sandbox.sigstore.failNext('rekor', 0);
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/Rekor transparency log at http:\/\/127\.0\.0\.1/);
    const left = await readdir(join(down.workspace, 'dist'));
    expect(left.filter((n) => n.includes('intoto'))).toEqual([]);
  });

  it('an unreachable Fulcio is named with its address and the reason, and nothing is written', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const job = await pipeline.job('unreachable');
    const run = await job.run(
      {
        step: 'provenance',
        ...sigstoreInputs(pipeline),
        'fulcio-url': `http://127.0.0.1:${port}`,
      },
      { idToken: true },
    );
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(
      new RegExp(
        `Fulcio \\(the Sigstore certificate authority\\) at http://127\\.0\\.0\\.1:${port}`,
      ),
    );
    expect(errorOf(run)).toMatch(/ECONNREFUSED/);
    const left = await readdir(join(job.workspace, 'dist'));
    expect(left.filter((n) => n.includes('intoto'))).toEqual([]);
  });

  it('private repositories are timestamped by the TSA instead of logged', async () => {
    const job = await pipeline.job('private');
    const run = await job.run(
      {
        step: 'provenance',
        'fulcio-url': pipeline.sandbox.githubSigstore.url,
        'tsa-url': pipeline.sandbox.githubSigstore.url,
        'provenance-name': 'private.intoto.jsonl',
      },
      { idToken: { visibility: 'private' } },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    const bundle = JSON.parse(
      await readFile(join(job.workspace, 'dist', 'private.intoto.jsonl'), 'utf8'),
    );
    expect(bundle.verificationMaterial.tlogEntries ?? []).toEqual([]);
    expect(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1);
    const verified = await verifyStep(job, { provenance: 'dist/private.intoto.jsonl' });
    expect(verified.exitCode, verified.stdout).toBe(0);
  });

  it('stores a GitHub attestation and writes .asc files that gpg verifies', async () => {
    const key = (await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'Release', email: 'r@example.org' }],
      passphrase: 'hunter2-passphrase',
      format: 'armored',
    })) as unknown as { privateKey: string; publicKey: string };
    const job = await pipeline.job('gpg');
    const before = pipeline.sandbox.github.attestations.length;
    const run = await job.run(
      {
        step: 'provenance',
        ...sigstoreInputs(pipeline),
        'github-attestation': 'true',
        'gpg-private-key': key.privateKey,
        'gpg-passphrase': 'hunter2-passphrase',
        'provenance-name': 'cp311.intoto.jsonl',
      },
      { idToken: true },
    );
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(pipeline.sandbox.github.attestations.length).toBe(before + 1);
    const signatures = JSON.parse(run.outputs.signatures ?? '[]') as string[];
    expect(signatures.map((s) => s.split('/').pop()).sort()).toEqual(
      [...FIXTURE_FILES, 'cp311.intoto.jsonl'].map((f) => `${f}.asc`).sort(),
    );
    // The runner consumes ::add-mask:: lines; nothing else may carry the secret.
    const visible = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(visible + run.stderr + run.summary + JSON.stringify(run.outputs)).not.toContain(
      'hunter2-passphrase',
    );
    expect(run.masks).toContain('hunter2-passphrase');

    const home = await mkdtemp(join(tmpdir(), 'gnupg-'));
    try {
      await writeFile(join(home, 'pub.asc'), key.publicKey);
      execFileSync('gpg', ['--homedir', home, '--batch', '--import', join(home, 'pub.asc')], {
        stdio: 'pipe',
      });
      for (const asc of signatures)
        execFileSync('gpg', ['--homedir', home, '--batch', '--verify', asc, asc.slice(0, -4)], {
          stdio: 'pipe',
        });
    } finally {
      await rm(home, { recursive: true, force: true });
    }
    // Absolute paths as a user may give them (resolved, not joined to the workspace).
    const keyFile = join(job.workspace, 'signing-key.asc');
    await writeFile(keyFile, key.publicKey);
    const checked = await verifyStep(job, {
      provenance: join(job.workspace, 'dist/cp311.intoto.jsonl'),
      'public-key': keyFile,
    });
    expect(checked.exitCode, checked.stdout).toBe(0);
    const ascOf = (name: string): string =>
      signatures.find((s) => s.endsWith(`/${name}.asc`)) as string;
    await writeFile(ascOf(HATCH_WHEEL), await readFile(ascOf(HATCH_SDIST)));
    const swapped = await verifyStep(job, {
      provenance: 'dist/cp311.intoto.jsonl',
      'public-key': key.publicKey,
    });
    expect(swapped.exitCode).toBe(1);
    expect(swapped.stdout).toMatch(/\.asc does not verify/);
  });

  it('refuses a wrong GPG passphrase before any work', async () => {
    const key = (await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'R' }],
      passphrase: 'right',
      format: 'armored',
    })) as unknown as { privateKey: string };
    const job = await pipeline.job('gpgbad');
    const run = await job.run(
      {
        step: 'provenance',
        ...sigstoreInputs(pipeline),
        'gpg-private-key': key.privateKey,
        'gpg-passphrase': 'wrong',
      },
      { idToken: true },
    );
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/gpg-passphrase/);
    expect(await readdir(join(job.workspace, 'dist'))).toEqual([]);
  });
});
