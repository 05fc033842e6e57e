/**
 * The git data the steps read from GitHub: tag refs (lightweight or annotated) and commits
 * with their committer time, as `/git/ref/tags/{tag}`, `/git/tags/{sha}` and `/commits/{ref}`
 * answer them (`github-repository.ts` answers `GET /repos/{owner}/{repo}`). An
 * annotated tag is a real tag object: its sha is git's hash of payload + signature, and
 * `/git/tags/{sha}` gives `verification: {verified, reason, signature, payload}` as GitHub
 * does (`verified` only for a key GitHub knows, which the stand-in takes as given).
 */
import { createHash } from 'node:crypto';
import { sendJson } from './http.ts';
import type { Route } from './github-releases.ts';
import { nodeId, notFound, simpleUser, timestamp } from './github-wire.ts';

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
    return {
      verified: false,
      reason: 'unsigned',
      signature: null,
      payload: null,
      verified_at: null,
    };
  const verified = record.githubVerified ?? false;
  return {
    verified,
    reason: verified ? 'valid' : 'unknown_key',
    signature: record.signature,
    payload: tagPayload(record),
    // When GitHub checked the signature; null when it could not verify it.
    verified_at: verified ? timestamp(record.date) : null,
  };
}

/** The commit's author and committer, as the tag's tagger. */
const OCTOCAT = simpleUser({
  login: 'octocat',
  id: 583231,
  node_id: 'MDQ6VXNlcjU4MzIzMQ==',
  type: 'User',
  avatar_url: 'https://avatars.githubusercontent.com/u/583231?v=4',
});

/** https://docs.github.com/rest/commits/commits#get-a-commit */
function commitJson(origin: string, repository: string, record: TagRecord) {
  const api = `${origin}/repos/${repository}`;
  const sha = record.commit;
  const person = { name: 'Octo Cat', email: 'octocat@example.com', date: timestamp(record.date) };
  const tree = createHash('sha1').update(`tree of ${sha}`).digest('hex');
  return {
    sha,
    node_id: nodeId('C', sha),
    url: `${api}/commits/${sha}`,
    html_url: `${origin}/${repository}/commit/${sha}`,
    comments_url: `${api}/commits/${sha}/comments`,
    commit: {
      url: `${api}/git/commits/${sha}`,
      author: person,
      committer: person,
      message: `Release ${record.tag}`,
      comment_count: 0,
      tree: { sha: tree, url: `${api}/git/trees/${tree}` },
      verification: {
        verified: false,
        reason: 'unsigned',
        signature: null,
        payload: null,
        verified_at: null,
      },
    },
    author: OCTOCAT,
    committer: OCTOCAT,
    parents: [],
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
      // Octokit sends `tags/v1` percent-encoded as one segment; GitHub takes both spellings.
      path: /^\/git\/ref\/(.+)$/,
      handle(ctx, [ref = '']) {
        const name = decodeURIComponent(ref);
        if (!name.startsWith('tags/')) throw notFound();
        const record = tagsOf(store, ctx.repository).get(name.slice('tags/'.length));
        if (!record) throw notFound();
        const api = `${ctx.origin}/repos/${ctx.repository}`;
        const sha = record.annotated ? tagObjectSha(record) : record.commit;
        const object = record.annotated
          ? { type: 'tag', sha, url: `${api}/git/tags/${sha}` }
          : { type: 'commit', sha, url: `${api}/git/commits/${sha}` };
        sendJson(ctx.res, 200, {
          ref: `refs/tags/${record.tag}`,
          node_id: nodeId('REF', `${ctx.repository}:${record.tag}`),
          url: `${api}/git/refs/tags/${encodeURIComponent(record.tag)}`,
          object,
        });
      },
    },
    {
      method: 'GET',
      path: /^\/git\/tags\/([0-9a-f]{40})$/,
      handle(ctx, [sha = '']) {
        const record = [...tagsOf(store, ctx.repository).values()].find(
          (r) => r.annotated && tagObjectSha(r) === sha,
        );
        if (!record) throw notFound();
        const api = `${ctx.origin}/repos/${ctx.repository}`;
        sendJson(ctx.res, 200, {
          node_id: nodeId('TAG', sha),
          sha,
          url: `${api}/git/tags/${sha}`,
          tag: record.tag,
          message: record.message ?? `Release ${record.tag}`,
          tagger: { name: 'Octo Cat', email: 'octocat@example.com', date: timestamp(record.date) },
          object: {
            type: 'commit',
            sha: record.commit,
            url: `${api}/git/commits/${record.commit}`,
          },
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
        sendJson(ctx.res, 200, commitJson(ctx.origin, ctx.repository, record));
      },
    },
  ];
}
