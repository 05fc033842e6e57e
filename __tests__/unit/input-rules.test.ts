/**
 * Every rule of the input reader, in process: defaults, normalisation, bounds, and the
 * refusals at each bound (the bad-input cases cover one refusal per input and step).
 */
import { describe, expect, it } from 'vitest';
import {
  readSettings,
  resolveTag,
  type InputSource,
  type Settings,
} from '../../src/config/inputs.ts';
import { InputError } from '../../src/core/errors.ts';

const source = (values: Record<string, string>, masked: string[] = []): InputSource => ({
  get: (name) => values[name] ?? '',
  mask: (secret) => void masked.push(secret),
});
const read = (values: Record<string, string>): Settings => readSettings(source(values));

function refusal(fn: () => unknown, subject: string): InputError {
  let error: unknown;
  try {
    fn();
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(InputError);
  expect((error as InputError).subject).toBe(subject);
  expect((error as InputError).hint).toBeTruthy();
  return error as InputError;
}

describe('step', () => {
  it('is trimmed and case-insensitive', () => {
    expect(read({ step: '  Collect\n' }).step).toBe('collect');
  });

  it('names the steps when it is missing', () => {
    const error = refusal(() => read({}), 'step');
    expect(error.hint).toContain('prepare, collect, provenance, release, publish, verify, index');
  });
});

describe('defaults of every step', () => {
  it('provenance', () => {
    expect(read({ step: 'provenance' })).toEqual({
      step: 'provenance',
      from: 'artifacts',
      packagesDir: 'dist',
      artifactPattern: 'release-dists-*',
      provenanceName: undefined,
      sigstore: 'auto',
      fulcioUrl: undefined,
      rekorUrl: undefined,
      tsaUrl: undefined,
      githubAttestation: false,
      githubToken: undefined,
      gpgPrivateKey: undefined,
      gpgPassphrase: undefined,
    });
  });

  it('release', () => {
    expect(read({ step: 'release' })).toEqual({
      step: 'release',
      tag: undefined,
      packagesDir: 'dist',
      githubToken: undefined,
      releaseName: undefined,
      body: undefined,
      bodyPath: undefined,
      generateReleaseNotes: false,
      prerelease: false,
      makeLatest: undefined,
      overwrite: false,
      publishRelease: false,
      uploadConcurrency: 8,
    });
  });

  it('publish: PyPI, provenance required, attestations on', () => {
    expect(read({ step: 'publish' })).toMatchObject({
      from: 'release',
      repositoryUrls: ['https://upload.pypi.org/legacy/'],
      requireProvenance: true,
      attestations: true,
      skipExisting: false,
      dryRun: false,
      environment: undefined,
      uploadConcurrency: 8,
    });
  });

  it('verify and prepare', () => {
    expect(read({ step: 'verify' })).toEqual({
      step: 'verify',
      packagesDir: 'dist',
      provenance: [],
      repository: undefined,
      workflow: undefined,
      ref: undefined,
      trustedRoot: undefined,
      publicKey: undefined,
      githubToken: undefined,
      repositoryId: undefined,
      serverUrl: undefined,
      tagSigners: [],
    });
    expect(read({ step: 'prepare' })).toEqual({
      step: 'prepare',
      tag: undefined,
      githubToken: undefined,
      project: undefined,
      repositoryUrls: [],
      simpleUrls: {},
      tagSigners: [],
    });
  });
});

describe('booleans: YAML 1.2 core schema, as core.getBooleanInput', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    [' false ', false],
    ['False', false],
    ['FALSE', false],
    ['', true],
  ])('%j -> %s', (raw, value) => {
    expect(read({ step: 'collect', 'upload-artifact': raw })).toMatchObject({
      uploadArtifact: value,
    });
  });

  it.each(['yes', 'no', 'on', '1', 'tRuE'])('refuses %j', (raw) => {
    refusal(() => read({ step: 'publish', 'skip-existing': raw }), 'skip-existing');
  });
});

describe('choices', () => {
  it('are case-insensitive', () => {
    expect(read({ step: 'provenance', from: 'Folder', sigstore: 'GitHub' })).toMatchObject({
      from: 'folder',
      sigstore: 'github',
    });
    expect(read({ step: 'release', 'make-latest': 'Legacy' })).toMatchObject({
      makeLatest: 'legacy',
    });
  });

  it('list the valid values when refusing', () => {
    expect(refusal(() => read({ step: 'publish', from: 'ftp' }), 'from').hint).toBe(
      'Use one of: release, artifacts, folder.',
    );
  });
});

describe('service URLs', () => {
  it('take https, and plain http on loopback only; trailing slashes go', () => {
    expect(
      read({
        step: 'provenance',
        'fulcio-url': 'https://fulcio.example.com//',
        'rekor-url': 'http://127.0.0.1:8080/',
        'tsa-url': 'http://localhost:9/tsa',
      }),
    ).toMatchObject({
      fulcioUrl: 'https://fulcio.example.com',
      rekorUrl: 'http://127.0.0.1:8080',
      tsaUrl: 'http://localhost:9/tsa',
    });
    expect(read({ step: 'publish', 'rekor-url': 'http://[::1]:1' })).toMatchObject({
      rekorUrl: 'http://[::1]:1',
    });
  });

  it.each(['http://10.0.0.1', 'http://127.0.0.1.example.com', 'file:///etc/passwd', 'https//x'])(
    'refuses %s',
    (url) => {
      refusal(() => read({ step: 'provenance', 'tsa-url': url }), 'tsa-url');
    },
  );
});

describe('upload URLs (repository-url)', () => {
  it('are a list, one per line or comma-separated, in upload order', () => {
    expect(
      read({
        step: 'publish',
        'repository-url':
          ' https://test.pypi.org/legacy/\n\nhttps://upload.pypi.org/legacy/, http://127.0.0.1:1/legacy/ ',
        'oidc-audience': 'my-index',
      }),
    ).toMatchObject({
      repositoryUrls: [
        'https://test.pypi.org/legacy/',
        'https://upload.pypi.org/legacy/',
        'http://127.0.0.1:1/legacy/',
      ],
    });
  });

  it('each one is checked, for prepare too', () => {
    refusal(
      () =>
        read({
          step: 'prepare',
          'repository-url': 'https://test.pypi.org/legacy/\nhttp://pypi.example.com/legacy/',
        }),
      'repository-url',
    );
  });
});

describe('the OIDC audience (oidc-audience)', () => {
  it('is not needed for PyPI and TestPyPI, nor with a password', () => {
    expect(
      read({
        step: 'publish',
        'repository-url': 'https://test.pypi.org/legacy/\nhttps://upload.pypi.org/legacy/',
      }),
    ).toMatchObject({ oidcAudience: undefined });
    expect(
      read({ step: 'publish', 'repository-url': 'https://pypi.example.com/', password: 'pypi-x' }),
    ).toMatchObject({ oidcAudience: undefined });
  });

  it('is required for trusted publishing to any other index, naming it', () => {
    const error = refusal(
      () =>
        read({
          step: 'publish',
          'repository-url':
            'https://upload.pypi.org/legacy/\nhttps://upload.pypi.org.evil.example/legacy/',
        }),
      'oidc-audience',
    );
    expect(error.message).toContain('"https://upload.pypi.org.evil.example/legacy/"');
    expect(error.message).not.toContain('"https://upload.pypi.org/legacy/"');
    expect(
      read({
        step: 'publish',
        'repository-url': 'https://pypi.example.com/legacy/',
        'oidc-audience': 'example-index',
      }),
    ).toMatchObject({ oidcAudience: 'example-index' });
  });

  it.each(['pypi', 'testpypi', ' PyPI ', 'two words'])('refuses %j', (audience) => {
    refusal(
      () =>
        read({
          step: 'publish',
          'repository-url': 'https://pypi.example.com/legacy/',
          'oidc-audience': audience,
        }),
      'oidc-audience',
    );
  });
});

describe('the upload user (user)', () => {
  it('defaults to __token__ and takes a user name', () => {
    expect(read({ step: 'publish' })).toMatchObject({ user: '__token__' });
    expect(read({ step: 'publish', user: ' ci-bot ' })).toMatchObject({ user: 'ci-bot' });
  });

  it.each(['a:b', 'two words'])('refuses %j', (user) => {
    refusal(() => read({ step: 'publish', user }), 'user');
  });
});

describe('tags', () => {
  it('lose a refs/tags/ prefix and keep slashes, dots, plus and underscores', () => {
    expect(read({ step: 'release', tag: 'refs/tags/release/v1.2.3+build_1' })).toMatchObject({
      tag: 'release/v1.2.3+build_1',
    });
  });

  it.each([
    'v1.lock',
    'v1/',
    'v1.',
    'a//b',
    '-v1',
    '.v1',
    'v1~1',
    'v1^',
    'v1:x',
    'v1@{x}',
    `v${'1'.repeat(200)}`,
  ])('refuse %j', (tag) => {
    refusal(() => read({ step: 'publish', tag }), 'tag');
  });

  it('come from GITHUB_REF when the input is empty', () => {
    expect(resolveTag(undefined, 'refs/tags/v2.0.0')).toBe('v2.0.0');
    expect(resolveTag('v1', 'refs/tags/v2.0.0')).toBe('v1');
  });

  it('are required for a run that is not for a tag, saying what GITHUB_REF is', () => {
    expect(refusal(() => resolveTag(undefined, 'refs/heads/main'), 'tag').message).toContain(
      '"refs/heads/main"',
    );
    expect(refusal(() => resolveTag(undefined, ''), 'tag').message).toContain('(unset)');
  });

  it('from GITHUB_REF are checked too, naming it', () => {
    expect(refusal(() => resolveTag(undefined, 'refs/tags/v1..2'), 'tag').message).toMatch(
      /^GITHUB_REF/,
    );
  });
});

describe('upload-concurrency: a whole number from 1 to 16', () => {
  it.each([
    ['1', 1],
    ['16', 16],
    [' 4 ', 4],
    ['', 8],
  ])('%j -> %i', (raw, value) => {
    expect(read({ step: 'publish', 'upload-concurrency': raw })).toMatchObject({
      uploadConcurrency: value,
    });
  });

  it.each(['17', '-1', '1.5', 'eight', '0x4', '1e1', '0b11', '0o7', '4.0', '+4', '٤', '4 4'])(
    'refuses %j',
    (raw) => {
      const error = refusal(
        () => read({ step: 'release', 'upload-concurrency': raw }),
        'upload-concurrency',
      );
      expect(error.message).toBe(
        `Input "upload-concurrency" must be a whole decimal number from 1 to 16, not ${JSON.stringify(raw)}.`,
      );
    },
  );
});

describe('simple-url: one simple API root per repository-url', () => {
  const UP = 'https://devpi.example.com/ci/prod/';
  it('pairs each with its upload URL, in order', () => {
    expect(
      read({
        step: 'publish',
        password: 'token',
        'repository-url': `${UP}\nhttps://upload.pypi.org/legacy/`,
        'simple-url': `${UP}+simple/\nhttps://pypi.org/simple/`,
      }),
    ).toMatchObject({
      simpleUrls: {
        [UP]: `${UP}+simple/`,
        'https://upload.pypi.org/legacy/': 'https://pypi.org/simple/',
      },
    });
    expect(read({ step: 'publish' })).toMatchObject({ simpleUrls: {} });
  });

  it.each([
    ['not https', 'http://devpi.example.com/ci/prod/+simple/', /invalid simple API URL/],
    ['no trailing slash', `${UP}+simple`, /invalid simple API URL/],
    [
      'two for one upload URL',
      `${UP}+simple/\n${UP}+simple/`,
      /has 2 URL\(s\) but "repository-url" has 1/,
    ],
  ])('refuses %s', (_why, raw, message) => {
    const error = refusal(
      () => read({ step: 'publish', password: 'token', 'repository-url': UP, 'simple-url': raw }),
      'simple-url',
    );
    expect(error.message).toMatch(message);
  });
});

describe('names', () => {
  it.each(['cp311.intoto.jsonl', 'hatch_demo-0.1.0.intoto.jsonl', 'a+b.intoto.jsonl'])(
    'provenance-name %s',
    (name) => {
      expect(read({ step: 'provenance', 'provenance-name': name })).toMatchObject({
        provenanceName: name,
      });
    },
  );

  it.each(['.intoto.jsonl', '-x.intoto.jsonl', 'a b.intoto.jsonl', 'x.intoto.jsonl.asc'])(
    'refuses provenance-name %j',
    (name) => {
      refusal(() => read({ step: 'provenance', 'provenance-name': name }), 'provenance-name');
    },
  );

  it.each(['a', 'hatch-demo', 'Zope.Interface', 'a_b'])('project %s', (project) => {
    expect(read({ step: 'prepare', project })).toMatchObject({ project });
  });

  it.each(['-a', 'a-', 'a b', 'ä'])('refuses project %j', (project) => {
    refusal(() => read({ step: 'prepare', project }), 'project');
  });

  it('repository is owner/name; an artifact name takes up to 200 characters', () => {
    expect(read({ step: 'verify', repository: 'octo-org/octo.repo_1' })).toMatchObject({
      repository: 'octo-org/octo.repo_1',
    });
    refusal(() => read({ step: 'verify', repository: 'a/b/c' }), 'repository');
    expect(read({ step: 'collect', 'artifact-name': 'n'.repeat(200) })).toMatchObject({
      artifactName: 'n'.repeat(200),
    });
  });
});

describe('expected-version', () => {
  it.each([
    ['v1.2.3', '1.2.3'],
    ['V2.0', '2.0'],
    ['refs/tags/v1.0.0rc1', '1.0.0rc1'],
    ['1.0-post1', '1.0.post1'],
  ])('%s -> %s', (raw, version) => {
    expect(read({ step: 'collect', 'expected-version': raw })).toMatchObject({
      expectedVersion: version,
    });
  });
});

describe('secrets', () => {
  it('are masked whole and line by line the moment they are read; key armour lines are not', () => {
    const masked: string[] = [];
    const key =
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGZ0secretline1\nshort\n=abcd1234\n-----END PGP PRIVATE KEY BLOCK-----\n';
    const settings = readSettings(
      source(
        {
          step: 'provenance',
          'gpg-private-key': key,
          'gpg-passphrase': ' pass phrase ',
          'github-token': 'ghs_token',
        },
        masked,
      ),
    );
    expect(settings).toMatchObject({
      gpgPrivateKey: key.trim(),
      gpgPassphrase: 'pass phrase',
      githubToken: 'ghs_token',
    });
    expect(masked).toEqual(
      expect.arrayContaining([
        key,
        'lQOYBGZ0secretline1',
        '=abcd1234',
        ' pass phrase ',
        'pass phrase',
        'ghs_token',
      ]),
    );
    expect(masked).not.toContain('short');
    expect(masked).not.toContain('-----BEGIN PGP PRIVATE KEY BLOCK-----');
    expect(masked).not.toContain('-----END PGP PRIVATE KEY BLOCK-----');
  });

  it('an empty secret is no secret', () => {
    const masked: string[] = [];
    expect(readSettings(source({ step: 'publish', password: '  ' }, masked))).toMatchObject({
      password: undefined,
    });
    expect(masked).toEqual([]);
  });
});

describe('free text', () => {
  it('verify takes a list of provenance files; release a name and body as given', () => {
    expect(
      read({ step: 'verify', provenance: 'a.intoto.jsonl, b.intoto.jsonl\nc.intoto.jsonl' }),
    ).toMatchObject({
      provenance: ['a.intoto.jsonl', 'b.intoto.jsonl', 'c.intoto.jsonl'],
    });
    expect(read({ step: 'release', 'release-name': ' v1 ', body: ' notes ' })).toMatchObject({
      releaseName: 'v1',
      body: 'notes',
    });
  });
});

describe('public-key on publish', () => {
  it('is refused with from: artifacts, which holds no .asc, and read from the release or a folder', () => {
    const key = '-----BEGIN PGP PUBLIC KEY BLOCK-----\nx\n-----END PGP PUBLIC KEY BLOCK-----';
    const error = refusal(
      () => read({ step: 'publish', from: 'artifacts', 'public-key': key }),
      'public-key',
    );
    expect(error.hint).toContain('from: release');
    for (const from of ['release', 'folder'])
      expect(read({ step: 'publish', from, 'public-key': key })).toMatchObject({ publicKey: key });
  });
});
