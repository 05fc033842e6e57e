// A private repository end to end: provenance is signed by GitHub's Sigstore instance (Fulcio
// and a timestamp authority, no log), release puts it on the draft, publish verifies it with
// the trust picked from its certificate and still signs the PEP 740 attestations with
// public-good (the Warehouse stand-in verifies them against the public-good root only, as
// PyPI does), and verify checks the released files. Without `trusted-root`, GitHub's root
// comes from the runner's GitHub CLI: a fake `gh` on the job's PATH prints both stand-in
// roots as `gh attestation trusted-root` prints GitHub's and public-good's.
import { createHash } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  HATCH_PLATFORM_WHEEL,
  HATCH_SDIST,
  HATCH_WHEEL,
  startPipeline,
  type Job,
  type Pipeline,
} from '../../sandbox/pipeline.ts';
import { startWarehouse, type Warehouse } from '../../sandbox/warehouse.ts';
import type { ActionRun } from '../../sandbox/index.ts';
import { SANDBOX_AUDIENCE } from '../../sandbox/warehouse.ts';

const FILES = [HATCH_WHEEL, HATCH_PLATFORM_WHEEL, HATCH_SDIST];
const PROVENANCE = 'hatch_demo-0.1.0.intoto.jsonl';
const PRIVATE = { visibility: 'private' as const };
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

let pipeline: Pipeline;
let pypi: Warehouse;
let signer: Job;
/** PATH folders: one with the fake `gh`, one without any. */
let withGh: string;
let withoutGh: string;
/** Every step run of the pipeline, in order, for the annotation count. */
const runs: ActionRun[] = [];

beforeAll(async () => {
  pipeline = await startPipeline();
  pypi = await startWarehouse({
    name: 'pypi',
    verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
    trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
  });
  pypi.createProject('hatch-demo');
  pypi.addTrustedPublisher({
    project: 'hatch-demo',
    repository: 'octo-org/octo-repo',
    workflow: 'release.yml',
    environment: 'publish',
  });
  withGh = join(pipeline.root, 'gh-bin');
  withoutGh = join(pipeline.root, 'no-gh-bin');
  await mkdir(withGh);
  await mkdir(withoutGh);
  await writeFile(
    join(withGh, 'gh'),
    `#!/bin/sh
case "$1" in
  --version) echo 'gh version 2.60.1 (2024-10-25)' ;;
  attestation) exec /bin/cat '${pipeline.trustedRootPath}' ;;
  *) exit 1 ;;
esac
`,
  );
  await chmod(join(withGh, 'gh'), 0o755);
  const builds = await Promise.all(FILES.map((f, i) => pipeline.job('build', [f], `priv-${i}`)));
  for (const job of builds) {
    const run = await job.run({ step: 'collect' });
    expect(run.exitCode).toBe(0);
    runs.push(run);
  }
});
afterAll(async () => {
  await pypi?.close();
  await pipeline?.close();
});

describe('a private repository: provenance, release, publish, verify', () => {
  it("signs the provenance with GitHub's instance: a TSA timestamp, no log entry", async () => {
    signer = await pipeline.job('sign');
    const { githubSigstore } = pipeline.sandbox;
    // `sigstore: auto` picks GitHub's instance from the token's visibility; the URLs point it
    // at the stand-in.
    const run = await signer.run(
      { step: 'provenance', 'fulcio-url': githubSigstore.url, 'tsa-url': githubSigstore.url },
      { idToken: PRIVATE },
    );
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    runs.push(run);
    const json = JSON.parse(await readFile(join(signer.workspace, 'dist', PROVENANCE), 'utf8'));
    expect(json.verificationMaterial.tlogEntries ?? []).toEqual([]);
    new Verifier(toTrustMaterial(TrustedRoot.fromJSON(githubSigstore.trustedRoot)), {
      tlogThreshold: 0,
      ctlogThreshold: 0,
      timestampThreshold: 1,
    }).verify(toSignedEntity(bundleFromJSON(json)), {
      subjectAlternativeName:
        'https://github.com/octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.0.0',
      extensions: { issuer: 'https://token.actions.githubusercontent.com' },
    });
    // What the reviewer reads: per file its sha256, the commit, the signing workflow and run,
    // the timestamp in place of a log entry, and where publish uploads it: the publish job's
    // indexes, with PyPI's address (blake2b-256 path) should PyPI be one of them.
    const wheel = await readFile(join(signer.workspace, 'dist', HATCH_WHEEL));
    expect(run.summary).toContain(sha256(wheel));
    expect(run.summary).toContain(
      'href="https://github.com/octo-org/octo-repo/commit/' + 'a'.repeat(40),
    );
    expect(run.summary).toContain(
      'octo-org/octo-repo/.github/workflows/release.yml@refs/tags/v1.0.0',
    );
    expect(run.summary).toContain(
      'href="https://github.com/octo-org/octo-repo/actions/runs/4242/attempts/1"',
    );
    expect(run.summary).toMatch(/no log \(GitHub&#39;s instance\); timestamped \d{4}-\d\d-\d\dT/);
    expect(run.summary).toMatch(
      new RegExp(
        `href="https://files\\.pythonhosted\\.org/packages/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{60}/${HATCH_WHEEL.replace(/\./g, '\\.')}">the publish job&#39;s indexes`,
      ),
    );
    const released = await signer.run({ step: 'release' });
    expect(released.exitCode, released.stdout).toBe(0);
    runs.push(released);
  });

  it('publish with neither `trusted-root` nor gh refuses before uploading, naming the fix', async () => {
    const job = await pipeline.job('publish-no-root');
    const { sigstore } = pipeline.sandbox;
    const run = await job.run(
      {
        step: 'publish',
        'repository-url': pypi.uploadUrl,
        'oidc-audience': SANDBOX_AUDIENCE,
        'fulcio-url': sigstore.url,
        'rekor-url': sigstore.url,
      },
      { idToken: { ...PRIVATE, environment: 'publish' }, env: { PATH: withoutGh } },
    );
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.stdout + errorOf(run)).toContain("GitHub's Sigstore instance");
    expect(run.stdout + errorOf(run)).toContain(
      'the runner has no GitHub CLI (`gh` is not on PATH)',
    );
    expect(run.stdout + errorOf(run)).toContain('gh attestation trusted-root');
    expect(pypi.files('hatch-demo')).toHaveLength(0);
  });

  it("publishes with GitHub's root from the runner's gh, attestations signed by public-good", async () => {
    const job = await pipeline.job('publish');
    const { sigstore } = pipeline.sandbox;
    const run = await job.run(
      {
        step: 'publish',
        'repository-url': pypi.uploadUrl,
        'oidc-audience': SANDBOX_AUDIENCE,
        'fulcio-url': sigstore.url,
        'rekor-url': sigstore.url,
      },
      { idToken: { ...PRIVATE, environment: 'publish' }, env: { PATH: withGh } },
    );
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(
      "GitHub's Sigstore trusted root: from the runner's GitHub CLI (gh version 2.60.1 (2024-10-25))",
    );
    expect(run.stdout).toMatch(/PEP 740 attestations are signed with Sigstore's public-good/);
    runs.push(run);
    // Each file links to its own address on the index (PyPI's files.pythonhosted.org URL,
    // here the stand-in's /files/), as the index's JSON API gives it; not the project page.
    const published = JSON.parse(run.outputs.published ?? '[]') as Array<{
      filename: string;
      url: string;
    }>;
    expect(published.map((r) => r.filename).sort()).toEqual([...FILES].sort());
    for (const { filename, url } of published) {
      expect(url).toBe(`${pypi.url}/files/hatch-demo/${filename}`);
      expect(run.summary).toContain(`<a href="${url}">${filename}</a>`);
    }
    expect(new Set(published.map((r) => r.url)).size).toBe(published.length);
    const files = pypi.files('hatch-demo');
    expect(files.map((f) => f.filename).sort()).toEqual([...FILES].sort());
    for (const file of files) {
      expect(file.sha256).toBe(
        sha256(await readFile(join(signer.workspace, 'dist', file.filename))),
      );
      // The stand-in accepted them against the public-good root alone.
      expect(file.attestations).toHaveLength(1);
    }
  });

  it("verify passes with GitHub's root in trusted-root or from gh, and without either refuses, naming the fix", async () => {
    const ok = await signer.run({ step: 'verify', 'trusted-root': pipeline.trustedRootPath });
    expect(ok.exitCode, ok.stdout).toBe(0);
    expect(JSON.parse(ok.outputs.verified ?? '[]')).toHaveLength(3);
    runs.push(ok);
    const fromGh = await signer.run({ step: 'verify' }, { env: { PATH: withGh } });
    expect(fromGh.exitCode, fromGh.stdout).toBe(0);
    expect(JSON.parse(fromGh.outputs.verified ?? '[]')).toHaveLength(3);
    expect(fromGh.stdout).toContain("from the runner's GitHub CLI (gh version 2.60.1");
    const refused = await signer.run(
      { step: 'verify', 'trusted-root': '' },
      { env: { PATH: withoutGh } },
    );
    expect(refused.exitCode).toBe(1);
    // The certificate names GitHub's Fulcio as its issuer, as GitHub's own instance issues
    // them: the refusal says whose root is missing and how to get it.
    expect(refused.stdout).toContain("signed by GitHub's Sigstore instance (a private repository)");
    expect(refused.stdout).toContain('gh attestation trusted-root > trusted_root.jsonl');
    expect(refused.stdout).toContain('the runner has no GitHub CLI');
    expect(refused.stdout).not.toContain('which no loaded trusted root holds');
    expect(errorOf(refused)).toMatch(/3 of 3 file\(s\) failed verification/);
  });

  it('the whole pipeline raises a handful of notices: one per step, its summary heading', () => {
    // collect ×3, provenance, release, publish, verify
    expect(runs).toHaveLength(7);
    const notices = runs.flatMap((r) => r.annotations.filter((a) => a.level === 'notice'));
    expect(notices.map((n) => n.message)).toEqual([
      'Collected hatch-demo 0.1.0',
      'Collected hatch-demo 0.1.0',
      'Collected hatch-demo 0.1.0',
      'Provenance for hatch-demo 0.1.0',
      'Release v1.0.0',
      'Published hatch-demo 0.1.0',
      'Verification',
    ]);
  });
});
