import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, HATCH_WHEEL, startPipeline, type Pipeline } from '../../sandbox/pipeline.ts';

let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => {
  await pipeline?.close();
});

/** [case, inputs, what the one error must say (the input's name or the file)] */
const CASES: Array<[string, Record<string, string>, RegExp]> = [
  ['an unknown step', { step: 'deploy' }, /"step"/],
  ['a step with a newline', { step: 'collect\n::error::x' }, /"step"/],
  [
    'collect: a boolean that is not one',
    { step: 'collect', 'upload-artifact': 'yes please' },
    /upload-artifact/,
  ],
  [
    'collect: an artifact name with a slash',
    { step: 'collect', 'artifact-name': 'a/b' },
    /artifact-name/,
  ],
  [
    'collect: an artifact name with a colon',
    { step: 'collect', 'artifact-name': 'a:b' },
    /artifact-name/,
  ],
  [
    'collect: a very long artifact name',
    { step: 'collect', 'artifact-name': 'n'.repeat(500) },
    /artifact-name/,
  ],
  [
    'collect: a version that is not PEP 440',
    { step: 'collect', 'expected-version': '1.0-final-final' },
    /expected-version/,
  ],
  [
    'collect: a folder outside the workspace',
    { step: 'collect', 'packages-dir': '../../etc' },
    /packages-dir/,
  ],
  [
    'collect: an absolute folder elsewhere',
    { step: 'collect', 'packages-dir': '/etc' },
    /packages-dir/,
  ],
  ['provenance: an unknown source', { step: 'provenance', from: 'ftp' }, /"from"/],
  [
    'provenance: an unknown Sigstore instance',
    { step: 'provenance', sigstore: 'mine' },
    /"sigstore"/,
  ],
  [
    'provenance: a plain-http Fulcio',
    { step: 'provenance', 'fulcio-url': 'http://fulcio.example.com' },
    /fulcio-url/,
  ],
  [
    'provenance: a Fulcio URL that is not one',
    { step: 'provenance', 'fulcio-url': 'not a url' },
    /fulcio-url/,
  ],
  [
    'provenance: a provenance name with a path',
    { step: 'provenance', 'provenance-name': '../x.intoto.jsonl' },
    /provenance-name/,
  ],
  [
    'provenance: a provenance name with another suffix',
    { step: 'provenance', 'provenance-name': 'x.json' },
    /provenance-name/,
  ],
  [
    'provenance: a GPG key that is garbage',
    { step: 'provenance', 'gpg-private-key': 'not a key' },
    /gpg-private-key/,
  ],
  ['release: a tag with shell metacharacters', { step: 'release', tag: 'v1;rm -rf /' }, /tag/],
  ['release: a tag with $()', { step: 'release', tag: 'v$(whoami)' }, /tag/],
  ['release: a tag with ..', { step: 'release', tag: 'v1..2' }, /tag/],
  ['release: a tag with a backtick', { step: 'release', tag: 'v1`id`' }, /tag/],
  ['release: concurrency 0', { step: 'release', 'upload-concurrency': '0' }, /upload-concurrency/],
  [
    'release: concurrency as text',
    { step: 'release', 'upload-concurrency': 'many' },
    /upload-concurrency/,
  ],
  [
    'release: concurrency too high',
    { step: 'release', 'upload-concurrency': '1000' },
    /upload-concurrency/,
  ],
  [
    'release: make-latest that is not a choice',
    { step: 'release', 'make-latest': 'maybe' },
    /make-latest/,
  ],
  [
    'release: body and body-path both',
    { step: 'release', body: 'x', 'body-path': 'NOTES.md' },
    /body-path/,
  ],
  [
    'release: a body-path outside the workspace',
    { step: 'release', 'body-path': '../../secret' },
    /body-path/,
  ],
  [
    'release: publish-release not a boolean',
    { step: 'release', 'publish-release': 'sure' },
    /publish-release/,
  ],
  [
    'publish: an ftp repository URL',
    { step: 'publish', 'repository-url': 'ftp://upload.pypi.org/legacy/' },
    /repository-url/,
  ],
  [
    'publish: a URL without the trailing slash',
    { step: 'publish', 'repository-url': 'https://upload.pypi.org/legacy' },
    /repository-url/,
  ],
  ['publish: an unknown source', { step: 'publish', from: 'nowhere' }, /"from"/],
  ['publish: dry-run not a boolean', { step: 'publish', 'dry-run': 'y' }, /dry-run/],
  [
    'publish: require-provenance not a boolean',
    { step: 'publish', 'require-provenance': 'off' },
    /require-provenance/,
  ],
  [
    'verify: a repository that is not owner/name',
    { step: 'verify', repository: 'just-a-name' },
    /repository/,
  ],
  [
    'verify: a trusted root that is not one',
    { step: 'verify', 'trusted-root': 'README.md' },
    /trusted-root|provenance/,
  ],
  ['prepare: a project name that is not one', { step: 'prepare', project: 'bad name!' }, /project/],
  ['prepare: a tag with a space', { step: 'prepare', tag: 'v1 2' }, /tag/],
  ['index: a folder outside the workspace', { step: 'index', 'index-dir': '../out' }, /index-dir/],
];

describe('bad input: one clear error, a non-zero exit, nothing uploaded', () => {
  it('more distributions in one folder than the limit', async () => {
    const job = await pipeline.job('many');
    await Promise.all(
      Array.from({ length: 1001 }, (_, i) =>
        writeFile(join(job.workspace, 'dist', `many-1.0-${i + 1}-py3-none-any.whl`), 'x'),
      ),
    );
    const run = await job.run({ step: 'collect' });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/More than 1000 distributions/);
  });

  it.each(CASES)('%s', async (_name, inputs, subject) => {
    const job = await pipeline.job('bad', [HATCH_WHEEL]);
    await writeFile(join(job.workspace, 'README.md'), '# x\n');
    const artifacts = pipeline.sandbox.artifacts.list().length;
    const uploads = pipeline.sandbox.github.requests.filter((r) => r.method !== 'GET').length;
    const run = await job.run(inputs, { idToken: true });
    expect(run.exitCode).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors, run.stdout).toHaveLength(1);
    expect(errorOf(run)).toMatch(subject);
    expect(errorOf(run)).toMatch(/Fix: /);
    expect(
      run.stdout.split('\n').filter((l) => /^::(error|warning|set-output|add-mask)::x/.test(l)),
    ).toEqual([]);
    expect(pipeline.sandbox.artifacts.list().length).toBe(artifacts);
    expect(pipeline.sandbox.github.requests.filter((r) => r.method !== 'GET').length).toBe(uploads);
  });
});
