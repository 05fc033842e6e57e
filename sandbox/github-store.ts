/**
 * The releases and assets of the GitHub stand-in, per repository, with GitHub's rules on them:
 * several drafts may share a tag but only one published release may; publishing on a repository
 * with immutable releases locks the release; a deleted immutable release burns its tag. Routes
 * and seeding helpers both go through here, so a seeded state obeys the same rules.
 */
import { randomBytes } from 'node:crypto';
import {
  GitHubError,
  notFound,
  timestamp,
  validationFailed,
  type MakeLatest,
} from './github-wire.ts';

/** GitHub ids are global, not per repository; distinct ranges make mix-ups show in tests. */
const FIRST_RELEASE_ID = 100_001;
const FIRST_ASSET_ID = 500_001;

/** A release asset as stored. */
export interface AssetRecord {
  id: number;
  name: string;
  label: string;
  /**
   * `open` while bytes arrive, and for good when an upload broke off. GitHub's prose calls it
   * `starter`, but its OpenAPI description (and so every client) has `uploaded | open`.
   */
  state: 'uploaded' | 'open';
  contentType: string;
  size: number;
  /** `sha256:<hex>` once uploaded. */
  digest: string | null;
  /** The bytes on disk (only meaningful when uploaded). */
  path: string;
  createdAt: string;
  updatedAt: string;
  downloadCount: number;
}

/** A release as stored; `repository` is spelled as first requested. */
export interface ReleaseRecord {
  id: number;
  repository: string;
  tagName: string;
  targetCommitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  immutable: boolean;
  createdAt: string;
  publishedAt: string | null;
  /** What drafts show instead of the tag in `html_url` and download links. */
  untagged: string;
  assets: AssetRecord[];
  /** When `GET …/releases` starts listing it (GitHub's listings lag behind a create). */
  listedAt: number;
  /**
   * After a publish, until `until`, listings still show the release as it was before (`draft`,
   * a copy of the draft) or leave it out (`missing`); GET by id and by tag are current.
   */
  stale?: { until: number; view: 'draft' | 'missing'; before: ReleaseRecord };
}

/** GitHub's longest release body: longer ones are refused on create and update. */
export const MAX_BODY_CHARACTERS = 125_000;

/** How long new releases stay missing from listings: a seeded random delay up to `maxMs`. */
export interface ListingLag {
  minMs: number;
  maxMs: number;
  random: () => number;
}

/**
 * How long listings stay stale after a draft is published, and how: still listed as the
 * draft, or missing (`either`: a seeded coin per publish).
 */
export interface PublishLag extends ListingLag {
  view: 'draft' | 'missing' | 'either';
}

/** The fields of a create or update request, already type-checked. */
export interface ReleaseInput {
  tag_name?: string;
  target_commitish?: string;
  name?: string | null;
  body?: string | null;
  draft?: boolean;
  prerelease?: boolean;
  make_latest?: MakeLatest;
}

interface RepoState {
  /** As first spelled; lookups ignore case, like GitHub's. */
  name: string;
  releases: ReleaseRecord[];
  immutableReleases: boolean;
  latestId: number | undefined;
  /** Tags of deleted immutable releases: GitHub never lets them be released again. */
  burnedTags: Set<string>;
  /** GitHub's numeric ids of the repository and its owner; absent: REPOSITORY_IDS. */
  ids?: { repositoryId: number; ownerId: number };
}

/** All repositories' releases. Records are live: routes mutate them in place. */
export class ReleaseStore {
  readonly #repos = new Map<string, RepoState>();
  lag: ListingLag = { minMs: 0, maxMs: 0, random: Math.random };
  publishLag: PublishLag = { minMs: 0, maxMs: 0, random: Math.random, view: 'either' };
  #nextReleaseId = FIRST_RELEASE_ID;
  #nextAssetId = FIRST_ASSET_ID;

  repo(repository: string): RepoState {
    const key = repository.toLowerCase();
    let repo = this.#repos.get(key);
    if (!repo) {
      repo = {
        name: repository,
        releases: [],
        immutableReleases: false,
        latestId: undefined,
        burnedTags: new Set(),
      };
      this.#repos.set(key, repo);
    }
    return repo;
  }

  /** Newest first, as GitHub lists them. */
  list(repository: string, withDrafts: boolean): ReleaseRecord[] {
    const all = [...this.repo(repository).releases].sort((a, b) => b.id - a.id);
    return withDrafts ? all : all.filter((r) => !r.draft);
  }

  /**
   * What `GET …/releases` shows: `list` without the releases created too recently to be
   * listed yet (the create answer, and a GET by id, already show them).
   */
  listed(repository: string, withDrafts: boolean, now = Date.now()): ReleaseRecord[] {
    return this.list(repository, true)
      .filter((r) => r.listedAt <= now)
      .flatMap((r) => {
        if (!r.stale || r.stale.until <= now) return [r];
        return r.stale.view === 'missing' ? [] : [{ ...r.stale.before, assets: r.assets }];
      })
      .filter((r) => withDrafts || !r.draft);
  }

  find(repository: string, id: number): ReleaseRecord {
    const release = this.repo(repository).releases.find((r) => r.id === id);
    if (!release) throw notFound();
    return release;
  }

  /** The release holding asset `id`, and the asset. */
  findAsset(repository: string, id: number): { release: ReleaseRecord; asset: AssetRecord } {
    for (const release of this.repo(repository).releases) {
      const asset = release.assets.find((a) => a.id === id);
      if (asset) return { release, asset };
    }
    throw notFound();
  }

  /** `releases/latest`: the one marked latest, else the newest published non-prerelease. */
  latest(repository: string): ReleaseRecord {
    const repo = this.repo(repository);
    const eligible = this.list(repository, false).filter((r) => !r.prerelease);
    const release = eligible.find((r) => r.id === repo.latestId) ?? eligible[0];
    if (!release) throw notFound();
    return release;
  }

  create(repository: string, input: ReleaseInput): ReleaseRecord {
    const repo = this.repo(repository);
    const tag = input.tag_name ?? '';
    checkTagName(tag);
    checkBody(input.body);
    if (repo.burnedTags.has(tag)) throw burned();
    const draft = input.draft ?? false;
    if (!draft) this.#refusePublishedTag(repository, tag, undefined);
    const now = timestamp();
    const release: ReleaseRecord = {
      id: this.#nextReleaseId++,
      repository: repo.name,
      tagName: tag,
      targetCommitish: input.target_commitish ?? 'main',
      name: input.name ?? null,
      body: input.body ?? null,
      draft,
      prerelease: input.prerelease ?? false,
      immutable: !draft && repo.immutableReleases,
      createdAt: now,
      publishedAt: draft ? null : now,
      untagged: `untagged-${randomBytes(10).toString('hex')}`,
      assets: [],
      listedAt:
        Date.now() +
        this.lag.minMs +
        Math.floor(this.lag.random() * (this.lag.maxMs - this.lag.minMs)),
    };
    repo.releases.push(release);
    this.#markLatest(release, input.make_latest);
    return release;
  }

  update(release: ReleaseRecord, input: ReleaseInput): ReleaseRecord {
    if (release.immutable) refuseImmutableChange(release, input);
    const tag = input.tag_name ?? release.tagName;
    if (tag !== release.tagName) checkTagName(tag);
    checkBody(input.body);
    const draft = input.draft ?? release.draft;
    if (!draft) this.#refusePublishedTag(release.repository, tag, release.id);
    const publishing = release.draft && !draft;
    if (publishing) this.#staleAfterPublish(release);
    Object.assign(release, {
      tagName: tag,
      targetCommitish: input.target_commitish ?? release.targetCommitish,
      name: input.name === undefined ? release.name : input.name,
      body: input.body === undefined ? release.body : input.body,
      prerelease: input.prerelease ?? release.prerelease,
      draft,
      publishedAt: draft ? null : (release.publishedAt ?? timestamp()),
    });
    if (publishing) release.immutable = this.repo(release.repository).immutableReleases;
    this.#markLatest(release, input.make_latest);
    return release;
  }

  /** Removes the release; the caller removes the asset files. */
  remove(release: ReleaseRecord): void {
    const repo = this.repo(release.repository);
    repo.releases = repo.releases.filter((r) => r !== release);
    if (release.immutable) repo.burnedTags.add(release.tagName);
  }

  /** Registers an asset in state `open`; the upload fills it in. */
  addAsset(release: ReleaseRecord, name: string, label: string, contentType: string): AssetRecord {
    if (release.assets.some((a) => a.name === name))
      throw validationFailed({ resource: 'ReleaseAsset', code: 'already_exists', field: 'name' });
    const now = timestamp();
    const asset: AssetRecord = {
      id: this.#nextAssetId++,
      name,
      label,
      state: 'open',
      contentType,
      size: 0,
      digest: null,
      path: '',
      createdAt: now,
      updatedAt: now,
      downloadCount: 0,
    };
    release.assets.push(asset);
    return asset;
  }

  /** Listings keep the draft's old face (or lose the release) for a while after it is published. */
  #staleAfterPublish(release: ReleaseRecord): void {
    const { minMs, maxMs, random, view } = this.publishLag;
    if (maxMs <= 0) return;
    const lagMs = minMs + Math.floor(random() * (maxMs - minMs));
    const shown = view === 'either' ? (random() < 0.5 ? 'draft' : 'missing') : view;
    const before = { ...release };
    delete before.stale;
    release.stale = { until: Date.now() + lagMs, view: shown, before };
  }

  // A second published release for a tag is what GitHub refuses; drafts may pile up.
  #refusePublishedTag(repository: string, tag: string, except: number | undefined): void {
    const taken = this.list(repository, false).some((r) => r.tagName === tag && r.id !== except);
    if (taken)
      throw validationFailed({ resource: 'Release', code: 'already_exists', field: 'tag_name' });
  }

  #markLatest(release: ReleaseRecord, makeLatest: MakeLatest | undefined): void {
    if (release.draft || release.prerelease || makeLatest === 'false') return;
    this.repo(release.repository).latestId = release.id;
  }
}

/** The parts of git's ref-name rules a tag most often breaks. */
function checkTagName(tag: string): void {
  if (!tag) throw new GitHubError(422, 'Invalid request.\n\n"tag_name" wasn\'t supplied.');
  const bad = /[\s~^:?*[\\]|\p{Cc}|\.\.|@\{|^[-/.]|\/\.|\/$|\.$|\.lock$|\/\/|^@$/u.test(tag);
  if (bad)
    throw validationFailed({
      resource: 'Release',
      code: 'custom',
      field: 'tag_name',
      message: 'tag_name is not a valid tag',
    });
}

const burned = (): GitHubError =>
  validationFailed({
    resource: 'Release',
    code: 'custom',
    field: 'tag_name',
    message: 'tag_name was used by an immutable release',
  });

// "Immutable release. Only release title and notes can be modified."
function refuseImmutableChange(release: ReleaseRecord, input: ReleaseInput): void {
  const changed: Array<[string, boolean]> = [
    ['tag_name', input.tag_name !== undefined && input.tag_name !== release.tagName],
    [
      'target_commitish',
      input.target_commitish !== undefined && input.target_commitish !== release.targetCommitish,
    ],
    ['draft', input.draft === true],
    ['prerelease', input.prerelease !== undefined && input.prerelease !== release.prerelease],
  ];
  const field = changed.find(([, yes]) => yes)?.[0];
  if (field)
    throw validationFailed({
      resource: 'Release',
      code: 'custom',
      field,
      message: `Cannot change ${field} of an immutable release`,
    });
}

/** Refuses any asset change on an immutable release, in GitHub's words for uploads. */
export function refuseImmutableAssets(release: ReleaseRecord, verb: string): void {
  if (release.immutable) throw new GitHubError(422, `Cannot ${verb} an immutable release`);
}

// GitHub's 422 for a long body, word for word (softprops/action-gh-release#374).
function checkBody(body: string | null | undefined): void {
  if (typeof body === 'string' && body.length > MAX_BODY_CHARACTERS)
    throw validationFailed({
      resource: 'Release',
      code: 'custom',
      field: 'body',
      message: `body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`,
    });
}
