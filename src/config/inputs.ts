/**
 * The only module that reads action inputs. It turns them into a typed, validated settings
 * object; every other module receives that object and never calls `core.getInput`.
 */
import * as core from '@actions/core';
import { clean as canonicalVersion } from '@renovatebot/pep440';
import { ACTION_INPUTS } from './action-inputs.ts';
import { DEFAULT_ARTIFACT_PATTERN } from './artifact-name.ts';
import { checkInputNames, givenInputNames, unreadInputsError } from './input-names.ts';
import { InputError } from '../core/errors.ts';
import { isReservedAudience, knownAudience } from './index-audience.ts';
import { plainNameProblem, quote } from '../core/text.ts';

/** Every step of the design, in pipeline order. */
export const STEP_NAMES = [
  'prepare',
  'collect',
  'provenance',
  'release',
  'publish',
  'verify',
  'index',
  'sign',
] as const;
export type StepName = (typeof STEP_NAMES)[number];

/** Characters the artifact service refuses in names (see @actions/artifact). */
const ARTIFACT_NAME_FORBIDDEN = /["\\/:<>|*?\r\n]/;
const ARTIFACT_NAME_MAX_LENGTH = 200;

export interface CollectSettings {
  step: 'collect';
  /** As given, relative to the workspace or absolute. */
  packagesDir: string;
  /** Empty means: derive a unique name for this job. */
  artifactName: string | undefined;
  /** PEP 440 version the files must carry, leading `v` removed. */
  expectedVersion: string | undefined;
  uploadArtifact: boolean;
  /** Whose upload rules the files must pass: PyPI's (default), TestPyPI's, or none. */
  indexRules: IndexRules;
}

export type SigstoreInstance = 'auto' | 'public-good' | 'github';

export interface ProvenanceSettings {
  step: 'provenance';
  /** Where the files come from: workflow artifacts of `collect`, or `packages-dir`. */
  from: 'artifacts' | 'folder';
  packagesDir: string;
  artifactPattern: string;
  /** Empty means `<project>-<version>.intoto.jsonl`. */
  provenanceName: string | undefined;
  sigstore: SigstoreInstance;
  fulcioUrl: string | undefined;
  rekorUrl: string | undefined;
  tsaUrl: string | undefined;
  githubAttestation: boolean;
  githubToken: string | undefined;
  gpgPrivateKey: string | undefined;
  gpgPassphrase: string | undefined;
  /** A dispatch run's tag; empty takes the `tag` dispatch input. */
  tag: string | undefined;
}

export interface VerifySettings {
  step: 'verify';
  packagesDir: string;
  /** Provenance files; empty means every `*.intoto.jsonl` in `packages-dir`. */
  provenance: string[];
  /** `owner/repo` the signer must be; empty means this workflow's repository. */
  repository: string | undefined;
  workflow: string | undefined;
  ref: string | undefined;
  trustedRoot: string | undefined;
  /** The GitHub server whose workflow signed; empty means this run's (GITHUB_SERVER_URL). */
  serverUrl: string | undefined;
  /** Armored OpenPGP public key (or a path to one) to check `<file>.asc` with. */
  publicKey: string | undefined;
  /** GitHub's id of `repository`; empty asks GitHub (or takes the running repository's). */
  repositoryId: string | undefined;
  /** Armored keys allowed to sign the tag named by `ref` (or paths to them). */
  tagSigners: string[];
  /** For GitHub lookups (repository ids, the tag); empty asks anonymously. */
  githubToken: string | undefined;
}

export interface ReleaseSettings {
  step: 'release';
  /** Empty means: from GITHUB_REF (`refs/tags/...`). */
  tag: string | undefined;
  packagesDir: string;
  githubToken: string | undefined;
  releaseName: string | undefined;
  body: string | undefined;
  bodyPath: string | undefined;
  generateReleaseNotes: boolean;
  prerelease: boolean;
  makeLatest: 'true' | 'false' | 'legacy' | undefined;
  overwrite: boolean;
  publishRelease: boolean;
  uploadConcurrency: number;
}

/** `index-rules`: PyPI and TestPyPI run the same Warehouse rules; `none` for a private index. */
export const INDEX_RULES = ['pypi', 'testpypi', 'none'] as const;
export type IndexRules = (typeof INDEX_RULES)[number];

export interface PublishSettings {
  step: 'publish';
  from: 'release' | 'artifacts' | 'folder';
  packagesDir: string;
  artifactPattern: string;
  tag: string | undefined;
  githubToken: string | undefined;
  /** Upload URLs, in order (e.g. TestPyPI, then PyPI). */
  repositoryUrls: string[];
  /** Upload URL -> its simple API root (`simple-url`); absent: the JSON API, then a guess. */
  simpleUrls: Record<string, string>;
  /** An API token: the fallback for indexes without trusted publishing. */
  password: string | undefined;
  /** The upload user name sent with the token (`__token__` on PyPI). */
  user: string;
  /** The OIDC audience for every index that is not PyPI or TestPyPI (trusted publishing). */
  oidcAudience: string | undefined;
  requireProvenance: boolean;
  /** The deployment environment the job must run in; empty disables the check. */
  environment: string | undefined;
  attestations: boolean;
  skipExisting: boolean;
  indexRules: IndexRules;
  dryRun: boolean;
  trustedRoot: string | undefined;
  workflow: string | undefined;
  fulcioUrl: string | undefined;
  rekorUrl: string | undefined;
  uploadConcurrency: number;
  /**
   * Armored OpenPGP public key (or a path to one): every distribution must come with a
   * `<file>.asc` that verifies with it. Empty: `.asc` files are not checked.
   */
  publicKey: string | undefined;
}

export interface PrepareSettings {
  step: 'prepare';
  tag: string | undefined;
  githubToken: string | undefined;
  /** For a backfill: the project name, to check the index's 14-day window. */
  project: string | undefined;
  repositoryUrls: string[];
  /** Upload URL -> its simple API root (`simple-url`). */
  simpleUrls: Record<string, string>;
  /**
   * Keys allowed to sign release tags: armored OpenPGP public keys, SSH allowed-signers or
   * public key lines, or paths of files holding them.
   */
  tagSigners: string[];
}

export interface IndexSettings {
  step: 'index';
  /** Where the pages are written, inside the workspace. */
  indexDir: string;
  githubToken: string | undefined;
}

/** `release-action sign` (command line only): the maintainer's gpg signs the draft's files. */
export interface SignSettings {
  step: 'sign';
  tag: string;
  githubToken: string;
  /** `owner/repo`; empty means GITHUB_REPOSITORY. */
  repository: string | undefined;
  /** gpg's `--local-user`: which key signs; empty uses gpg's default key. */
  localUser: string | undefined;
  trustedRoot: string | undefined;
  workflow: string | undefined;
}

export type Settings =
  | SignSettings
  | CollectSettings
  | ProvenanceSettings
  | VerifySettings
  | ReleaseSettings
  | PublishSettings
  | PrepareSettings
  | IndexSettings;

/** Most uploads running at once; more only triggers GitHub's secondary rate limits. */
const MAX_UPLOAD_CONCURRENCY = 16;

/** Where inputs come from: `@actions/core` in the action, a plain map from the command line. */
export interface InputSource {
  get(name: string): string;
  /** Masks a secret in every later log line; called the moment a secret input is read. */
  mask?(secret: string): void;
  /** Every input name given; when present, a name action.yml does not declare is refused. */
  names?(): string[];
}

export const actionInputs: InputSource = {
  get: (name) => core.getInput(name),
  mask: (secret) => core.setSecret(secret),
  names: () => givenInputNames(process.env),
};

export function readSettings(source: InputSource = actionInputs): Settings {
  // First: a mistyped or foreign input would otherwise be ignored, and its default used.
  if (source.names) {
    checkInputNames(
      source.names(),
      ACTION_INPUTS.map((input) => input.name),
    );
  }
  const step = readStep(source);
  // Then: an input of another step (softprops's `repository` on `release`) would be ignored.
  if (source.names) refuseUnreadInputs(step, source);
  if (step === 'collect') return readCollectSettings(source);
  if (step === 'provenance') return readProvenanceSettings(source);
  if (step === 'verify') return readVerifySettings(source);
  if (step === 'release') return readReleaseSettings(source);
  if (step === 'publish') return readPublishSettings(source);
  if (step === 'prepare') return readPrepareSettings(source);
  if (step === 'sign') return readSignSettings(source);
  return {
    step: 'index',
    indexDir: readNonEmpty(source, 'index-dir', 'simple'),
    githubToken: readSecret(source, 'github-token'),
  };
}

/**
 * The input names `step` reads, recorded from its own reader run over empty values (no step
 * reads an input only for some values of another), so this list cannot drift from the code.
 */
export function inputNamesOfStep(step: StepName): Set<string> {
  const read = new Set<string>();
  try {
    readSettings({
      get: (name) => {
        read.add(name);
        return name === 'step' ? step : '';
      },
    });
  } catch {
    // A step that requires an input (sign: --tag) refuses empty values, after reading them all.
  }
  read.delete('step');
  return read;
}

/**
 * Refuses, all at once, every input of this action that `step` does not read but was given
 * a value. The runner passes every declared input with its action.yml default, so only a
 * value other than the default counts; a default that is an expression (`${{ github.token }}`)
 * arrives evaluated and cannot be told from a value the workflow wrote, so it is not judged.
 */
function refuseUnreadInputs(step: StepName, source: InputSource): void {
  const read = inputNamesOfStep(step);
  const unread = ACTION_INPUTS.filter((input) => {
    if (input.name === 'step' || read.has(input.name) || input.default.includes('${{'))
      return false;
    const value = source.get(input.name).trim();
    return value !== '' && value !== input.default.trim();
  }).map((input) => input.name);
  if (unread.length === 0) return;
  const readers = (name: string) => STEP_NAMES.filter((s) => inputNamesOfStep(s).has(name));
  throw unreadInputsError(step, unread, readers);
}

function readProvenanceSettings(source: InputSource): ProvenanceSettings {
  const gpgPrivateKey = readSecret(source, 'gpg-private-key');
  return {
    step: 'provenance',
    from: readChoice(source, 'from', ['artifacts', 'folder'] as const, 'artifacts'),
    packagesDir: readNonEmpty(source, 'packages-dir', 'dist'),
    artifactPattern: readNonEmpty(source, 'artifact-pattern', DEFAULT_ARTIFACT_PATTERN),
    provenanceName: readProvenanceName(source),
    sigstore: readChoice(source, 'sigstore', ['auto', 'public-good', 'github'] as const, 'auto'),
    fulcioUrl: readUrl(source, 'fulcio-url'),
    rekorUrl: readUrl(source, 'rekor-url'),
    tsaUrl: readUrl(source, 'tsa-url'),
    githubAttestation: readBoolean(source, 'github-attestation', false),
    githubToken: readSecret(source, 'github-token'),
    gpgPrivateKey,
    gpgPassphrase: readSecret(source, 'gpg-passphrase'),
    tag: readTag(source),
  };
}

function readReleaseSettings(source: InputSource): ReleaseSettings {
  const body = source.get('body').trim() || undefined;
  const bodyPath = source.get('body-path').trim() || undefined;
  if (body && bodyPath) {
    throw new InputError('Inputs "body" and "body-path" cannot both be set.', {
      subject: 'body-path',
      hint: 'Give the release notes either inline (`body`) or as a file (`body-path`).',
    });
  }
  const makeLatest = source.get('make-latest').trim()
    ? readChoice(source, 'make-latest', ['true', 'false', 'legacy'] as const, 'legacy')
    : undefined;
  return {
    step: 'release',
    tag: readTag(source),
    packagesDir: readNonEmpty(source, 'packages-dir', 'dist'),
    githubToken: readSecret(source, 'github-token'),
    releaseName: source.get('release-name').trim() || undefined,
    body,
    bodyPath,
    generateReleaseNotes: readBoolean(source, 'generate-release-notes', false),
    prerelease: readBoolean(source, 'prerelease', false),
    makeLatest,
    overwrite: readBoolean(source, 'overwrite', false),
    publishRelease: readBoolean(source, 'publish-release', false),
    uploadConcurrency: readInteger(source, 'upload-concurrency', 8, 1, MAX_UPLOAD_CONCURRENCY),
  };
}

const DEFAULT_REPOSITORY_URL = 'https://upload.pypi.org/legacy/';

function readPublishSettings(source: InputSource): PublishSettings {
  const urls = readList(source, 'repository-url');
  for (const url of urls) checkUploadUrl(url);
  const environment = source.get('environment');
  const password = readSecret(source, 'password');
  const repositoryUrls = urls.length > 0 ? urls : [DEFAULT_REPOSITORY_URL];
  const oidcAudience = readOidcAudience(source, password ? [] : repositoryUrls);
  const from = readChoice(source, 'from', ['release', 'artifacts', 'folder'] as const, 'release');
  const publicKey = source.get('public-key').trim() || undefined;
  if (publicKey && from === 'artifacts') {
    // Workflow artifacts carry only what collect recorded: the maintainer's .asc files are
    // added to the draft release later, so every file would be refused as unsigned.
    throw new InputError(
      'Input "public-key" checks the maintainer\'s .asc signatures, and workflow artifacts (`from: artifacts`) hold none.',
      {
        subject: 'public-key',
        hint: 'Publish `from: release` (the draft holds the .asc files that `release-action sign` uploaded), or `from: folder` with the .asc files next to the distributions.',
      },
    );
  }
  return {
    step: 'publish',
    from,
    packagesDir: readNonEmpty(source, 'packages-dir', 'dist'),
    artifactPattern: readNonEmpty(source, 'artifact-pattern', DEFAULT_ARTIFACT_PATTERN),
    tag: readTag(source),
    githubToken: readSecret(source, 'github-token'),
    repositoryUrls,
    simpleUrls: readSimpleUrls(source, repositoryUrls),
    password,
    user: readUser(source),
    oidcAudience,
    requireProvenance: readBoolean(source, 'require-provenance', true),
    environment: environment.trim() || undefined,
    attestations: readBoolean(source, 'attestations', true),
    skipExisting: readBoolean(source, 'skip-existing', false),
    indexRules: readChoice(source, 'index-rules', INDEX_RULES, 'pypi'),
    dryRun: readBoolean(source, 'dry-run', false),
    trustedRoot: source.get('trusted-root').trim() || undefined,
    workflow: source.get('workflow').trim() || undefined,
    fulcioUrl: readUrl(source, 'fulcio-url'),
    rekorUrl: readUrl(source, 'rekor-url'),
    uploadConcurrency: readInteger(source, 'upload-concurrency', 8, 1, MAX_UPLOAD_CONCURRENCY),
    publicKey,
  };
}

function readPrepareSettings(source: InputSource): PrepareSettings {
  const urls = readList(source, 'repository-url');
  for (const url of urls) checkUploadUrl(url);
  const project = source.get('project').trim();
  if (project && !/^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$/.test(project)) {
    throw new InputError(`Input "project" is not a valid project name: ${quote(project)}.`, {
      subject: 'project',
      hint: 'Give the name as on PyPI, e.g. `hatch-demo`.',
    });
  }
  return {
    step: 'prepare',
    tag: readTag(source),
    githubToken: readSecret(source, 'github-token'),
    project: project || undefined,
    repositoryUrls: urls,
    simpleUrls: readSimpleUrls(source, urls),
    tagSigners: readKeyList(source, 'tag-signers'),
  };
}

/**
 * `oidc-audience`: required when trusted publishing goes to an index other than PyPI or
 * TestPyPI (`trustedUrls`), and never one of their audiences, so that no other index is
 * handed a token it could exchange for an upload token on PyPI.
 */
function readOidcAudience(source: InputSource, trustedUrls: string[]): string | undefined {
  const raw = source.get('oidc-audience').trim();
  if (raw && (!/^[\x21-\x7e]{1,255}$/.test(raw) || isReservedAudience(raw))) {
    throw new InputError(
      `Input "oidc-audience" cannot be ${quote(raw)}: ${isReservedAudience(raw) ? "it is PyPI's or TestPyPI's audience, and a token for it lets whoever receives it upload to your project there" : 'an audience is one word of printable characters'}.`,
      {
        subject: 'oidc-audience',
        hint: "Give the audience your own index announces at /_/oidc/audience (its operator's documentation names it); PyPI and TestPyPI URLs get their audiences without it.",
      },
    );
  }
  const unknown = trustedUrls.filter((url) => knownAudience(url) === undefined);
  if (!raw && unknown.length > 0) {
    throw new InputError(
      `Input "oidc-audience" is required for trusted publishing to ${unknown.map(quote).join(', ')}: only PyPI and TestPyPI have a known audience, and asking the index for one would let any index obtain a token for PyPI's.`,
      {
        subject: 'oidc-audience',
        hint: 'Set `oidc-audience` to the audience that index documents (it applies to every `repository-url` that is not PyPI or TestPyPI), or pass an API token as `password`.',
      },
    );
  }
  return raw || undefined;
}

/** The upload user name: `__token__` for API tokens; some other indexes want a user name. */
function readUser(source: InputSource): string {
  const raw = source.get('user').trim();
  if (!raw) return '__token__';
  if (raw.includes(':') || !/^[\x21-\x7e]+$/.test(raw)) {
    throw new InputError(`Input "user" is not a valid user name: ${quote(raw)}.`, {
      subject: 'user',
      hint: 'Give the index user name without spaces or colons, or leave `user` empty for `__token__` (PyPI API tokens and trusted publishing).',
    });
  }
  return raw;
}

/** An https URL, or plain http on loopback only (tests, local services); else undefined. */
function serviceUrl(raw: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  return url.protocol === 'https:' || (url.protocol === 'http:' && loopback) ? url : undefined;
}

/**
 * `simple-url`: the simple API root (PEP 503 / PEP 691) of each `repository-url`, in the same
 * order, for indexes whose pages are not where the action would guess (devpi serves
 * `https://host/<user>/<index>/+simple/` for uploads to `https://host/<user>/<index>/`).
 */
function readSimpleUrls(source: InputSource, uploadUrls: string[]): Record<string, string> {
  const urls = readList(source, 'simple-url');
  if (urls.length === 0) return {};
  for (const raw of urls)
    if (!serviceUrl(raw)?.pathname.endsWith('/'))
      throw new InputError(`Input "simple-url" has an invalid simple API URL: ${quote(raw)}.`, {
        subject: 'simple-url',
        hint: 'Give https URLs ending in a slash, one per `repository-url`, e.g. https://devpi.example.com/ci/prod/+simple/.',
      });
  if (urls.length !== uploadUrls.length)
    throw new InputError(
      `Input "simple-url" has ${urls.length} URL(s) but "repository-url" has ${uploadUrls.length}: give one simple API URL per upload URL, in the same order.`,
      {
        subject: 'simple-url',
        hint: 'List the simple API root of every index in `repository-url` order, or leave `simple-url` empty to read the JSON API and guess the simple API.',
      },
    );
  return Object.fromEntries(uploadUrls.map((upload, i) => [upload, urls[i] as string]));
}

function checkUploadUrl(raw: string): void {
  if (!serviceUrl(raw)?.pathname.endsWith('/')) {
    throw new InputError(`Input "repository-url" has an invalid upload URL: ${quote(raw)}.`, {
      subject: 'repository-url',
      hint: 'Give https upload URLs ending in a slash, one per line, in upload order, e.g. https://test.pypi.org/legacy/ then https://upload.pypi.org/legacy/.',
    });
  }
}

/**
 * Git tag names as `git check-ref-format` allows them, minus anything a shell, a URL or a log
 * line could misread (the action never uses a shell, but users' later steps might).
 */
function readTag(source: InputSource): string | undefined {
  const raw = source
    .get('tag')
    .trim()
    .replace(/^refs\/tags\//, '');
  if (!raw) return undefined;
  return checkTag(raw, 'tag');
}

/** The tag a step works on: the `tag` input, else the tag this run was pushed for. */
export function resolveTag(settingTag: string | undefined, ref: string): string {
  if (settingTag) return settingTag;
  if (ref.startsWith('refs/tags/'))
    return checkTag(ref.slice('refs/tags/'.length), `GITHUB_REF (${ref})`);
  throw new InputError(
    `No tag to release: input "tag" is empty and this run is not for a tag (GITHUB_REF is ${quote(ref || '(unset)')}).`,
    {
      subject: 'tag',
      hint: 'Run the workflow on a tag push (`on: push: tags: ["v*"]`) or pass `tag: v1.2.3`.',
    },
  );
}

export function checkTag(tag: string, input: string): string {
  const bad =
    !/^[A-Za-z0-9][A-Za-z0-9._+/-]*$/.test(tag) ||
    tag.length > 200 ||
    tag.includes('..') ||
    tag.includes('//') ||
    tag.endsWith('.') ||
    tag.endsWith('/') ||
    tag.endsWith('.lock');
  if (bad) {
    throw new InputError(
      `${input === 'tag' ? 'Input "tag"' : input} is not a usable tag name: ${quote(tag)}.`,
      {
        subject: 'tag',
        hint: 'Use a plain release tag such as `v1.2.3` (letters, digits, . _ + - /).',
      },
    );
  }
  return tag;
}

function readInteger(
  source: InputSource,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = source.get(name).trim();
  if (!raw) return fallback;
  // Decimal digits only: Number() would also take `0x4`, `1e1`, `0b11` and `4.0`.
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(
      `Input "${name}" must be a whole decimal number from ${min} to ${max}, not ${quote(raw)}.`,
      {
        subject: name,
        hint: `Leave it empty for ${fallback}.`,
      },
    );
  }
  return value;
}

function readVerifySettings(source: InputSource): VerifySettings {
  return {
    step: 'verify',
    packagesDir: readNonEmpty(source, 'packages-dir', 'dist'),
    provenance: readList(source, 'provenance'),
    repository: readRepository(source),
    workflow: source.get('workflow').trim() || undefined,
    ref: source.get('ref').trim() || undefined,
    trustedRoot: source.get('trusted-root').trim() || undefined,
    serverUrl: readServerUrl(source),
    publicKey: source.get('public-key').trim() || undefined,
    repositoryId: readNumericId(source, 'repository-id'),
    tagSigners: readKeyList(source, 'tag-signers'),
    githubToken: readSecret(source, 'github-token'),
  };
}

function readSignSettings(source: InputSource): SignSettings {
  // Every input is read before any is judged: the command line's list of what `sign` takes
  // is recorded from these reads.
  const tag = readTag(source);
  const githubToken = readSecret(source, 'github-token');
  const repository =
    readRepository(source) ?? (source.get('GITHUB_REPOSITORY').trim() || undefined);
  const localUser = source.get('local-user').trim() || undefined;
  const trustedRoot = source.get('trusted-root').trim() || undefined;
  const workflow = source.get('workflow').trim() || undefined;
  if (!tag || !githubToken || !repository) {
    const missing = !tag ? '--tag' : !githubToken ? 'GITHUB_TOKEN' : '--repository';
    throw new InputError(`\`sign\` needs ${missing}.`, {
      subject: !tag ? 'tag' : !githubToken ? 'github-token' : 'repository',
      hint: 'GITHUB_TOKEN=$(gh auth token) release-action sign --repository octo-org/octo-repo --tag v1.2.3',
    });
  }
  return {
    step: 'sign',
    tag,
    githubToken,
    repository,
    localUser,
    trustedRoot,
    workflow,
  };
}

/** A GitHub numeric id (repository, owner). */
function readNumericId(source: InputSource, name: string): string | undefined {
  const raw = source.get(name).trim();
  if (!raw) return undefined;
  if (!/^[1-9][0-9]{0,19}$/.test(raw)) {
    throw new InputError(`Input "${name}" must be GitHub's numeric id, not ${quote(raw)}.`, {
      subject: name,
      hint: 'Read it with `gh api repos/OWNER/REPO --jq .id`.',
    });
  }
  return raw;
}

/**
 * Key entries, one a line: an SSH allowed-signers or public key line, a path, or an armored
 * OpenPGP block, which spans lines and so is split out first.
 */
function readKeyList(source: InputSource, name: string): string[] {
  const raw = source.get(name);
  const blocks =
    raw.match(/-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*?-----END PGP PUBLIC KEY BLOCK-----/g) ??
    [];
  const rest = raw
    .replace(/-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*?-----END PGP PUBLIC KEY BLOCK-----/g, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return [...blocks, ...rest];
}

/** `server-url`: an https origin such as https://github.com or https://ghes.example.com. */
function readServerUrl(source: InputSource): string | undefined {
  const raw = source.get('server-url').trim();
  if (!raw) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || url.pathname.replace(/\/$/, '') !== '') {
    throw new InputError(
      `Input "server-url" must be a GitHub server's https origin, not ${quote(raw)}.`,
      {
        subject: 'server-url',
        hint: 'Use e.g. https://github.com, https://octo.ghe.com or https://ghes.example.com.',
      },
    );
  }
  return url.origin;
}

/** Reads a secret and masks it (each line of a multi-line one too) before anything else. */
function readSecret(source: InputSource, name: string): string | undefined {
  const value = source.get(name);
  if (!value.trim()) return undefined;
  source.mask?.(value);
  for (const line of value.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed.length >= 8 && !/^-----(BEGIN|END) /.test(trimmed)) source.mask?.(trimmed);
  }
  return value.trim();
}

function readChoice<T extends string>(
  source: InputSource,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const raw = source.get(name).trim().toLowerCase();
  if (!raw) return fallback;
  const choice = choices.find((c) => c === raw);
  if (!choice) {
    throw new InputError(`Input "${name}" has an unknown value ${quote(raw)}.`, {
      subject: name,
      hint: `Use one of: ${choices.join(', ')}.`,
    });
  }
  return choice;
}

/** Newline- or comma-separated values. */
function readList(source: InputSource, name: string): string[] {
  return source
    .get(name)
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** https URLs; plain http only for loopback (tests, local services). */
function readUrl(source: InputSource, name: string): string | undefined {
  const raw = source.get(name).trim();
  if (!raw) return undefined;
  if (!serviceUrl(raw)) {
    throw new InputError(`Input "${name}" is not an https URL: ${quote(raw)}.`, {
      subject: name,
      hint: `Give the service's base URL, e.g. https://fulcio.example.com, or leave \`${name}\` empty for the default.`,
    });
  }
  return raw.replace(/\/+$/, '');
}

function readProvenanceName(source: InputSource): string | undefined {
  const raw = source.get('provenance-name').trim();
  if (!raw) return undefined;
  if (!/^[A-Za-z0-9][A-Za-z0-9._+-]{0,150}\.intoto\.jsonl$/.test(raw)) {
    throw new InputError(
      `Input "provenance-name" must be a plain file name ending in .intoto.jsonl, not ${quote(raw)}.`,
      {
        subject: 'provenance-name',
        hint: 'For example `cp311.intoto.jsonl`, or leave it empty for `<project>-<version>.intoto.jsonl`.',
      },
    );
  }
  return raw;
}

function readRepository(source: InputSource): string | undefined {
  const raw = source.get('repository').trim();
  if (!raw) return undefined;
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(raw)) {
    throw new InputError(`Input "repository" must be owner/name, not ${quote(raw)}.`, {
      subject: 'repository',
      hint: 'For example `octo-org/octo-repo`.',
    });
  }
  return raw;
}

function readStep(source: InputSource): StepName {
  const raw = source.get('step').trim().toLowerCase();
  if (!raw) {
    throw new InputError('Input "step" is required.', {
      subject: 'step',
      hint: `Add \`with: { step: collect }\` (one of: ${STEP_NAMES.join(', ')}).`,
    });
  }
  const step = STEP_NAMES.find((name) => name === raw);
  if (!step) {
    throw new InputError(`Input "step" has an unknown value ${quote(raw)}.`, {
      subject: 'step',
      hint: `Use one of: ${STEP_NAMES.join(', ')}.`,
    });
  }
  return step;
}

function readCollectSettings(source: InputSource): CollectSettings {
  return {
    step: 'collect',
    packagesDir: readNonEmpty(source, 'packages-dir', 'dist'),
    artifactName: readArtifactName(source),
    expectedVersion: readExpectedVersion(source),
    uploadArtifact: readBoolean(source, 'upload-artifact', true),
    indexRules: readChoice(source, 'index-rules', INDEX_RULES, 'pypi'),
  };
}

function readNonEmpty(source: InputSource, name: string, fallback: string): string {
  const value = source.get(name).trim();
  return value || fallback;
}

/** YAML 1.2 core-schema booleans, as `core.getBooleanInput` accepts them. */
export function readBoolean(source: InputSource, name: string, fallback: boolean): boolean {
  const raw = source.get(name).trim();
  if (!raw) return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new InputError(`Input "${name}" must be true or false, not ${quote(raw)}.`, {
    subject: name,
    hint: `Write \`${name}: true\` or \`${name}: false\`.`,
  });
}

function readArtifactName(source: InputSource): string | undefined {
  const raw = source.get('artifact-name').trim();
  if (!raw) return undefined;
  const problem = plainNameProblem(raw);
  if (problem || ARTIFACT_NAME_FORBIDDEN.test(raw) || raw.length > ARTIFACT_NAME_MAX_LENGTH) {
    const why = problem ? ` (${problem})` : '';
    throw new InputError(
      `Input "artifact-name" is not a valid artifact name: ${quote(raw)}${why}.`,
      {
        subject: 'artifact-name',
        hint: `Use at most ${ARTIFACT_NAME_MAX_LENGTH} characters, not \`.\` or \`..\`, and none of " : < > | * ? \\ / or control characters, or leave it empty for a unique name per job.`,
      },
    );
  }
  return raw;
}

function readExpectedVersion(source: InputSource): string | undefined {
  const raw = source.get('expected-version').trim();
  if (!raw) return undefined;
  const version = canonicalVersion(raw.replace(/^refs\/tags\//, '').replace(/^[vV]/, ''));
  if (!version) {
    throw new InputError(`Input "expected-version" is not a PEP 440 version: ${quote(raw)}.`, {
      subject: 'expected-version',
      hint: 'Pass the release version, e.g. `1.2.3` or the tag `v1.2.3` (a leading v is removed).',
    });
  }
  return version;
}
