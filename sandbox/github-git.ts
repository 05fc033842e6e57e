/**
 * The git data the steps read from GitHub: tag refs (lightweight or annotated) and commits
 * with their committer time, as `/git/ref/tags/{tag}`, `/git/tags/{sha}` and `/commits/{ref}`
 * answer them, and `GET /repos/{owner}/{repo}` with the repository's and owner's ids. An
 * annotated tag is a real tag object: its sha is git's hash of payload + signature, and
 * `/git/tags/{sha}` gives `verification: {verified, reason, signature, payload}` as GitHub
 * does (`verified` only for a key GitHub knows, which the stand-in takes as given).
 */
import { createHash } from 'node:crypto';
import { sendJson } from './http.ts';
import type { Route } from './github-releases.ts';
import { notFound } from './github-wire.ts';

export interface TagRecord {
  tag: string;
  /** The commit the tag points at. */
  commit: string;
  /** Committer time of that commit. */
  date: Date;
  /** Annotated tags point at a tag object, which points at the commit. */
  annotated: boolean;
  /** An armored detached signature over `tagPayload(record)` (`git tag -s`). */
  signature?: string;
  /** The tag message (default `Release <tag>`). */
  message?: string;
  /** GitHub's own verdict on the signature (a key on the tagger's account); default false. */
  githubVerified?: boolean;
}

/** The repository and owner ids every stand-in repository has (as the OIDC stand-in's). */
export const REPOSITORY_IDS = { repositoryId: 2002, ownerId: 1001 } as const;

/** The tag object's bytes before the signature: what `git tag -s` signs. */
export function tagPayload(record: TagRecord): string {
  const when = Math.floor(record.date.getTime() / 1000);
  return [
    `object ${record.commit}`,
    'type commit',
    `tag ${record.tag}`,
    `tagger Octo Cat <octocat@example.com> ${when} +0000`,
    '',
    record.message ?? `Release ${record.tag}`,
    '',
  ].join('\n');
}

/** Per repository (lowercased): tag name -> record. */
export type TagStore = Map<string, Map<string, TagRecord>>;

/** Git's object id of the tag: sha1 of `tag <length>\0` and the object (signature appended). */
function tagObjectSha(record: TagRecord): string {
  const body = Buffer.from(tagPayload(record) + (record.signature ?? ''), 'utf8');
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`tag ${body.length}\0`), body]))
    .digest('hex');
}

function verification(record: TagRecord) {
  if (!record.signature)
    return { verified: false, reason: 'unsigned', signature: null, payload: null };
  const verified = record.githubVerified ?? false;
  return {
    verified,
    reason: verified ? 'valid' : 'unknown_key',
    signature: record.signature,
    payload: tagPayload(record),
  };
}

function tagsOf(store: TagStore, repository: string): Map<string, TagRecord> {
  const key = repository.toLowerCase();
  const tags = store.get(key) ?? new Map<string, TagRecord>();
  store.set(key, tags);
  return tags;
}

export function addTag(store: TagStore, repository: string, record: TagRecord): void {
  tagsOf(store, repository).set(record.tag, record);
}

export function gitRoutes(store: TagStore): Route[] {
  return [
    {
      method: 'GET',
      path: /^\/?$/,
      handle(ctx) {
        const [owner = ''] = ctx.repository.split('/');
        sendJson(ctx.res, 200, {
          id: REPOSITORY_IDS.repositoryId,
          name: ctx.repository.split('/')[1],
          full_name: ctx.repository,
          owner: { login: owner, id: REPOSITORY_IDS.ownerId, type: 'Organization' },
        });
      },
    },
    {
      method: 'GET',
      // Octokit sends `tags/v1` percent-encoded as one segment; GitHub takes both spellings.
      path: /^\/git\/ref\/(.+)$/,
      handle(ctx, [ref = '']) {
        const name = decodeURIComponent(ref);
        if (!name.startsWith('tags/')) throw notFound();
        const record = tagsOf(store, ctx.repository).get(name.slice('tags/'.length));
        if (!record) throw notFound();
        const object = record.annotated
          ? { type: 'tag', sha: tagObjectSha(record) }
          : { type: 'commit', sha: record.commit };
        sendJson(ctx.res, 200, { ref: `refs/tags/${record.tag}`, object: { ...object, url: '' } });
      },
    },
    {
      method: 'GET',
      path: /^\/git\/tags\/([0-9a-f]{40})$/,
      handle(ctx, [sha]) {
        const record = [...tagsOf(store, ctx.repository).values()].find(
          (r) => r.annotated && tagObjectSha(r) === sha,
        );
        if (!record) throw notFound();
        sendJson(ctx.res, 200, {
          node_id: '',
          sha,
          url: '',
          tag: record.tag,
          message: record.message ?? `Release ${record.tag}`,
          tagger: {
            name: 'Octo Cat',
            email: 'octocat@example.com',
            date: record.date.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          },
          object: { type: 'commit', sha: record.commit, url: '' },
          verification: verification(record),
        });
      },
    },
    {
      method: 'GET',
      path: /^\/commits\/([^/]+)$/,
      handle(ctx, [ref = '']) {
        const wanted = decodeURIComponent(ref);
        const record = [...tagsOf(store, ctx.repository).values()].find(
          (r) => r.commit === wanted || r.tag === wanted,
        );
        if (!record) throw notFound();
        const date = record.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
        sendJson(ctx.res, 200, {
          sha: record.commit,
          commit: { committer: { date }, author: { date } },
        });
      },
    },
  ];
}
