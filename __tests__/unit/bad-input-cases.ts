/**
 * The bad inputs every step must refuse with one clear error naming the input. Shared by the
 * in-process test (every case, milliseconds each) and the end-to-end test (a sample per step run
 * through dist/index.js as the runner would).
 */

export interface BadInputCase {
  name: string;
  inputs: Record<string, string>;
  /** What the one error must say: the input's name or the file. */
  subject: RegExp;
  /** One case per step (and the injection cases) also runs end to end. */
  endToEnd?: true;
}

const bad = (
  name: string,
  inputs: Record<string, string>,
  subject: RegExp,
  endToEnd?: 'e2e',
): BadInputCase => ({ name, inputs, subject, ...(endToEnd ? { endToEnd: true } : {}) });

export const BAD_INPUTS: BadInputCase[] = [
  bad('an unknown step', { step: 'deploy' }, /"step"/, 'e2e'),
  bad('a step with a newline', { step: 'collect\n::error::x' }, /"step"/, 'e2e'),
  bad(
    'collect: a boolean that is not one',
    { step: 'collect', 'upload-artifact': 'yes please' },
    /upload-artifact/,
  ),
  bad(
    'collect: an artifact name with a slash',
    { step: 'collect', 'artifact-name': 'a/b' },
    /artifact-name/,
  ),
  bad(
    'collect: an artifact name with a colon',
    { step: 'collect', 'artifact-name': 'a:b' },
    /artifact-name/,
  ),
  bad(
    'collect: a very long artifact name',
    { step: 'collect', 'artifact-name': 'n'.repeat(500) },
    /artifact-name/,
  ),
  bad(
    'collect: a version that is not PEP 440',
    { step: 'collect', 'expected-version': '1.0-final-final' },
    /expected-version/,
  ),
  bad(
    'collect: a folder outside the workspace',
    { step: 'collect', 'packages-dir': '../../etc' },
    /packages-dir/,
    'e2e',
  ),
  bad(
    'collect: an absolute folder elsewhere',
    { step: 'collect', 'packages-dir': '/etc' },
    /packages-dir/,
  ),
  bad('provenance: an unknown source', { step: 'provenance', from: 'ftp' }, /"from"/),
  bad(
    'provenance: an unknown Sigstore instance',
    { step: 'provenance', sigstore: 'mine' },
    /"sigstore"/,
  ),
  bad(
    'provenance: a plain-http Fulcio',
    { step: 'provenance', 'fulcio-url': 'http://fulcio.example.com' },
    /fulcio-url/,
  ),
  bad(
    'provenance: a Fulcio URL that is not one',
    { step: 'provenance', 'fulcio-url': 'not a url' },
    /fulcio-url/,
  ),
  bad(
    'provenance: a provenance name with a path',
    { step: 'provenance', 'provenance-name': '../x.intoto.jsonl' },
    /provenance-name/,
  ),
  bad(
    'provenance: a provenance name with another suffix',
    { step: 'provenance', 'provenance-name': 'x.json' },
    /provenance-name/,
  ),
  bad(
    'provenance: a GPG key that is garbage',
    { step: 'provenance', 'gpg-private-key': 'not a key' },
    /gpg-private-key/,
    'e2e',
  ),
  bad('release: a tag with shell metacharacters', { step: 'release', tag: 'v1;rm -rf /' }, /tag/),
  bad('release: a tag with $()', { step: 'release', tag: 'v$(whoami)' }, /tag/, 'e2e'),
  bad('release: a tag with ..', { step: 'release', tag: 'v1..2' }, /tag/),
  bad('release: a tag with a backtick', { step: 'release', tag: 'v1`id`' }, /tag/),
  bad(
    'release: concurrency 0',
    { step: 'release', 'upload-concurrency': '0' },
    /upload-concurrency/,
  ),
  bad(
    'release: concurrency as text',
    { step: 'release', 'upload-concurrency': 'many' },
    /upload-concurrency/,
  ),
  bad(
    'release: concurrency too high',
    { step: 'release', 'upload-concurrency': '1000' },
    /upload-concurrency/,
  ),
  bad(
    'release: make-latest that is not a choice',
    { step: 'release', 'make-latest': 'maybe' },
    /make-latest/,
  ),
  bad(
    'release: body and body-path both',
    { step: 'release', body: 'x', 'body-path': 'NOTES.md' },
    /body-path/,
  ),
  bad(
    'release: a body-path outside the workspace',
    { step: 'release', 'body-path': '../../secret' },
    /body-path/,
  ),
  bad(
    'release: publish-release not a boolean',
    { step: 'release', 'publish-release': 'sure' },
    /publish-release/,
  ),
  bad(
    'publish: an ftp repository URL',
    { step: 'publish', 'repository-url': 'ftp://upload.pypi.org/legacy/' },
    /repository-url/,
    'e2e',
  ),
  bad(
    'publish: a URL without the trailing slash',
    { step: 'publish', 'repository-url': 'https://upload.pypi.org/legacy' },
    /repository-url/,
  ),
  bad('publish: an unknown source', { step: 'publish', from: 'nowhere' }, /"from"/),
  bad('publish: dry-run not a boolean', { step: 'publish', 'dry-run': 'y' }, /dry-run/),
  bad(
    'publish: require-provenance not a boolean',
    { step: 'publish', 'require-provenance': 'off' },
    /require-provenance/,
  ),
  bad(
    'verify: a repository that is not owner/name',
    { step: 'verify', repository: 'just-a-name' },
    /repository/,
  ),
  bad(
    'verify: a trusted root that is not one',
    { step: 'verify', 'trusted-root': 'README.md' },
    /trusted-root|provenance/,
    'e2e',
  ),
  bad(
    'prepare: a project name that is not one',
    { step: 'prepare', project: 'bad name!' },
    /project/,
    'e2e',
  ),
  bad('prepare: a tag with a space', { step: 'prepare', tag: 'v1 2' }, /tag/),
  bad(
    'index: a folder outside the workspace',
    { step: 'index', 'index-dir': '../out' },
    /index-dir/,
    'e2e',
  ),
];
