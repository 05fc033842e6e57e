import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionRun } from '../../sandbox/index.ts';
import {
  HATCH_SDIST,
  HATCH_WHEEL,
  sigstoreInputs,
  startPipeline,
  type Pipeline,
} from '../../sandbox/pipeline.ts';
import { SANDBOX_AUDIENCE } from '../../sandbox/warehouse.ts';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => {
  await pipeline?.close();
});

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Every place a secret could leak to: logs, outputs, the summary, files left behind. */
async function leaks(run: ActionRun, canaries: string[]): Promise<string[]> {
  const found: string[] = [];
  const visibleStdout = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  const places: Array<[string, string]> = [
    ['stdout', visibleStdout],
    ['stderr', run.stderr],
    ['outputs', JSON.stringify(run.outputs)],
    ['summary', run.summary],
  ];
  for (const file of [
    ...(await filesUnder(run.workspace)),
    ...(await filesUnder(run.runnerTemp)),
  ]) {
    if (file === run.env.GITHUB_OUTPUT || file === run.env.GITHUB_STEP_SUMMARY) continue;
    places.push([file, (await readFile(file)).toString('latin1')]);
  }
  for (const canary of canaries) {
    for (const [where, text] of places)
      if (text.includes(canary)) found.push(`${canary.slice(0, 12)}… in ${where}`);
  }
  return found;
}

describe('secrets never leak', () => {
  it('the GitHub token, OIDC tokens, minted index tokens, GPG key and passphrase stay out of logs, outputs, summaries and files', async () => {
    const passphrase = `canary-passphrase-${Math.random().toString(36).slice(2)}`;
    const { privateKey } = (await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'Canary' }],
      passphrase,
      format: 'armored',
    })) as unknown as { privateKey: string };
    const keyLines = privateKey.split('\n').filter((l) => l.length > 40 && !l.startsWith('-----'));
    const githubToken = pipeline.sandbox.github.token(['contents:write', 'attestations:write']);

    const builds = await Promise.all(
      [HATCH_WHEEL, HATCH_SDIST].map((f, i) => pipeline.job('build', [f], `s${i}`)),
    );
    const runs: ActionRun[] = [];
    for (const job of builds) runs.push(await job.run({ step: 'collect' }));
    const signer = await pipeline.job('sign');
    const inputs = {
      ...sigstoreInputs(pipeline),
      'github-token': githubToken,
      'github-attestation': 'true',
      'gpg-private-key': privateKey,
      'gpg-passphrase': passphrase,
    };
    runs.push(await signer.run({ step: 'provenance', ...inputs }, { idToken: true }));
    runs.push(await signer.run({ step: 'release', 'github-token': githubToken }));
    runs.push(await signer.run({ step: 'verify', 'trusted-root': pipeline.trustedRootPath }));
    const { pypi } = pipeline.sandbox;
    pypi.createProject('hatch-demo');
    pypi.addTrustedPublisher({
      project: 'hatch-demo',
      repository: 'octo-org/octo-repo',
      workflow: 'release.yml',
      environment: 'publish',
    });
    const publisher = await pipeline.job('publish');
    runs.push(
      await publisher.run(
        {
          step: 'publish',
          'github-token': githubToken,
          'repository-url': pypi.uploadUrl,
          'oidc-audience': SANDBOX_AUDIENCE,
          'trusted-root': pipeline.trustedRootPath,
          ...sigstoreInputs(pipeline),
        },
        { idToken: { environment: 'publish' } },
      ),
    );
    // A failure path too: a wrong passphrase must not echo the right one or the key.
    runs.push(
      await signer.run(
        { step: 'provenance', ...inputs, 'gpg-passphrase': `${passphrase}-wrong` },
        { idToken: true },
      ),
    );
    for (const [i, run] of runs.entries())
      expect(run.exitCode, `run ${i}: ${run.stdout}`).toBe(i === runs.length - 1 ? 1 : 0);

    expect(pypi.minted.length).toBeGreaterThan(0);
    const canaries = [
      passphrase,
      githubToken,
      ...keyLines,
      ...pipeline.sandbox.oidc.issued,
      ...pypi.minted,
    ];
    expect(pipeline.sandbox.oidc.issued.length).toBeGreaterThan(0);
    const found = (await Promise.all(runs.map((run) => leaks(run, canaries)))).flat();
    expect(found).toEqual([]);
    // Masked the moment they were read:
    const provenance = runs[2] as ActionRun;
    expect(provenance.masks).toContain(passphrase);
    expect(provenance.masks).toContain(githubToken);
    for (const line of keyLines) expect(provenance.masks).toContain(line);
  });
});
