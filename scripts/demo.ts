/**
 * `npm run demo`: the pipeline against the local sandbox, as a workflow run would do it.
 * Three matrix build jobs run `collect` (separate processes), one job runs `provenance` and
 * `release`, a consumer runs `verify`, the gated job publishes to the TestPyPI and PyPI
 * stand-ins and pip downloads from them; then a cp311 backfill goes the same way. Everything
 * each job wrote stays in demo-output/ for inspection.
 */
import { execFile } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { join, relative } from 'node:path';
import { writeWheel } from '../fixtures/archives.ts';
import { ensureSystemTools } from './system-tools.mjs';
import type { ActionRun } from '../sandbox/index.ts';
import { RUN_DEFAULTS } from '../sandbox/harness.ts';
import { dispatchIdentity } from '../sandbox/oidc-issuer.ts';
import {
  errorOf,
  HATCH_PLATFORM_WHEEL,
  HATCH_SDIST,
  HATCH_WHEEL,
  sigstoreInputs,
  startPipeline,
} from '../sandbox/pipeline.ts';
import { SANDBOX_AUDIENCE } from '../sandbox/warehouse.ts';

// pip and twine check what the demo publishes: make sure of them first, or say how.
const unmet = ensureSystemTools();
if (unmet) {
  console.error(unmet);
  process.exit(1);
}

const OUTPUT = join(import.meta.dirname, '..', 'demo-output');
const started = Date.now();
const say = (line = ''): void => console.log(line);

function check(stage: string, run: ActionRun): void {
  if (run.exitCode === 0) return;
  say(`✘ ${stage} failed: ${errorOf(run)}`);
  process.exit(1);
}

await rm(OUTPUT, { recursive: true, force: true });
const pipeline = await startPipeline({ root: OUTPUT });
try {
  say('release-action demo: one workflow run against the loopback sandbox\n');
  const matrix = [
    ['linux-x86_64', HATCH_PLATFORM_WHEEL],
    ['pure-python', HATCH_WHEEL],
    ['sdist', HATCH_SDIST],
  ] as const;

  say('1. collect, in three matrix build jobs at once');
  const jobs = await Promise.all(matrix.map(([leg, file]) => pipeline.job('build', [file], leg)));
  const collected = await Promise.all(
    jobs.map((job) => job.run({ step: 'collect', 'expected-version': 'v0.1.0' })),
  );
  for (const [i, run] of collected.entries()) {
    check(`collect [${matrix[i]?.[0]}]`, run);
    const hashes = Buffer.from(run.outputs.hashes ?? '', 'base64')
      .toString()
      .trim();
    say(`   [${matrix[i]?.[0]}] artifact ${run.outputs['artifact-name']}`);
    say(`       ${hashes}`);
  }

  say(
    '\n2. provenance, in one job: gather the artifacts, re-check every digest, sign with Sigstore',
  );
  const signer = await pipeline.job('provenance');
  const signed = await signer.run(
    { step: 'provenance', ...sigstoreInputs(pipeline) },
    { idToken: true },
  );
  check('provenance', signed);
  say(
    `   ${signed.outputs.subjects} subjects signed into ${relative(process.cwd(), signed.outputs.provenance ?? '')}`,
  );
  say(`   Fulcio and Rekor stand-ins: ${pipeline.sandbox.sigstore.url}`);

  say('\n3. verify, as a consumer would: signature, log entry, signer identity, digests');
  const verified = await signer.run({
    step: 'verify',
    'trusted-root': pipeline.trustedRootPath,
    workflow: 'release.yml',
  });
  check('verify', verified);
  for (const line of verified.stdout.split('\n').filter((l) => l.startsWith('✔')))
    say(`   ${line}`);

  say('\n4. release, in the same job: one draft release for the tag, assets checked by digest');
  const released = await signer.run({ step: 'release' });
  check('release', released);
  const [draft] = pipeline.sandbox.github.releases('octo-org/octo-repo');
  say(
    `   release ${released.outputs['release-id']} (${draft?.draft ? 'draft' : 'published'}) for ${draft?.tag_name}:`,
  );
  for (const asset of draft?.assets ?? []) say(`     ${asset.name}  ${asset.digest ?? ''}`);
  const again = await signer.run({ step: 'release' });
  check('release (re-run)', again);
  say(
    `   re-run: ${JSON.parse(again.outputs.skipped ?? '[]').length} asset(s) already there, nothing duplicated`,
  );

  say(
    '\n5. publish, in the protected environment: verify against the provenance, then TestPyPI and PyPI',
  );
  const { testpypi, pypi } = pipeline.sandbox;
  for (const index of [testpypi, pypi]) {
    index.createProject('hatch-demo');
    index.addTrustedPublisher({
      project: 'hatch-demo',
      repository: 'octo-org/octo-repo',
      workflow: 'release.yml',
      environment: 'publish',
    });
  }
  const publisher = await pipeline.job('publish');
  const publishInputs = {
    step: 'publish',
    'repository-url': `${testpypi.uploadUrl}\n${pypi.uploadUrl}`,
    'oidc-audience': SANDBOX_AUDIENCE,
    'trusted-root': pipeline.trustedRootPath,
    ...sigstoreInputs(pipeline),
  };
  const indexName = (url: string) => (url === pypi.uploadUrl ? 'PyPI' : 'TestPyPI');
  const published = await publisher.run(publishInputs, { idToken: { environment: 'publish' } });
  check('publish', published);
  for (const row of JSON.parse(published.outputs.published ?? '[]') as Array<{
    filename: string;
    index: string;
    result: string;
  }>) {
    say(`   ${row.result.padEnd(13)} ${row.filename} → ${indexName(row.index)}`);
  }
  say(
    `   every file carries a verified PEP 740 attestation: ${pypi.files('hatch-demo').every((f) => f.attestations.length === 1)}`,
  );
  const downloads = join(OUTPUT, 'pip-download');
  await promisify(execFile)(
    '/usr/bin/python3',
    [
      '-m',
      'pip',
      'download',
      '--no-deps',
      '--disable-pip-version-check',
      '--index-url',
      pypi.simpleUrl,
      '--trusted-host',
      '127.0.0.1',
      '-d',
      downloads,
      'hatch-demo==0.1.0',
    ],
    { env: { PATH: process.env.PATH, HOME: process.env.HOME, PIP_CONFIG_FILE: '/dev/null' } },
  ).then(
    () =>
      say(
        `   pip download hatch-demo==0.1.0 from the PyPI stand-in → ${relative(process.cwd(), downloads)}/`,
      ),
    (error: Error) => say(`   (pip download failed: ${error.message.split('\n')[0]})`),
  );

  say(
    '\n6. backfill, dispatched from main in the same workflow file: a cp311 wheel built from the tag, signed into cp311.intoto.jsonl, appended to the release',
  );
  const backfill = await pipeline.job('backfill');
  // Dispatched from main, as GitHub runs it: GITHUB_REF and the token name main and its head;
  // the job checks out the tag's commit, which prepare proves and the provenance records as
  // the source.
  const mainHead = 'b'.repeat(40);
  await mkdir(join(backfill.workspace, '.git'), { recursive: true });
  await writeFile(join(backfill.workspace, '.git', 'HEAD'), `${RUN_DEFAULTS.sha}\n`);
  const dispatched = {
    env: {
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: mainHead,
    },
    event: { inputs: { tag: 'v1.0.0', python: 'cp311' }, ref: 'refs/heads/main' },
  };
  const prepared = await backfill.run({ step: 'prepare', tag: 'v1.0.0' }, dispatched);
  check('backfill prepare', prepared);
  say(
    `   prepare: the checkout is v1.0.0's commit ${prepared.outputs.sha?.slice(0, 12)}, not main's head; backfill of the existing release: ${prepared.outputs.backfill}`,
  );
  await writeWheel(
    join(backfill.workspace, 'dist', 'hatch_demo-0.1.0-cp311-cp311-win_amd64.whl'),
    'hatch_demo',
    '0.1.0',
  );
  check(
    'backfill collect',
    await backfill.run(
      { step: 'collect', 'upload-artifact': 'false', 'expected-version': 'v0.1.0' },
      dispatched,
    ),
  );
  check(
    'backfill provenance',
    await backfill.run(
      {
        step: 'provenance',
        from: 'folder',
        'provenance-name': 'cp311.intoto.jsonl',
        ...sigstoreInputs(pipeline),
      },
      { ...dispatched, idToken: dispatchIdentity(mainHead) },
    ),
  );
  const consumer = await backfill.run({
    step: 'verify',
    'trusted-root': pipeline.trustedRootPath,
    workflow: 'release.yml',
    ref: 'refs/tags/v1.0.0',
  });
  check('backfill verify', consumer);
  say("   signed by the dispatch run from main, source refs/tags/v1.0.0 at the tag's commit;");
  say("   README's consumer command (--workflow release.yml --ref refs/tags/v1.0.0) accepts it");
  const appended = await backfill.run({ step: 'release', tag: 'v1.0.0' }, dispatched);
  check('backfill release', appended);
  say(`   uploaded: ${JSON.parse(appended.outputs.uploaded ?? '[]').join(', ')}`);
  const [after] = pipeline.sandbox.github.releases('octo-org/octo-repo');
  say(
    `   the release now holds ${after?.assets.length} assets; SHA256SUMS lists every distribution`,
  );
  const backfilled = await publisher.run(
    { ...publishInputs, tag: 'v1.0.0' },
    { ...dispatched, idToken: { ...dispatchIdentity(mainHead), environment: 'publish' } },
  );
  check('backfill publish', backfilled);
  const fresh = (
    JSON.parse(backfilled.outputs.published ?? '[]') as Array<{ filename: string; result: string }>
  ).filter((r) => r.result === 'uploaded');
  say(
    `   published only the new file, to both indexes: ${[...new Set(fresh.map((r) => r.filename))].join(', ')}`,
  );

  say(
    `\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. Each job's workspace and RUNNER_TEMP are in ${relative(process.cwd(), OUTPUT)}/.`,
  );
} finally {
  await pipeline.close();
}
