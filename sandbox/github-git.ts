/**
 * The git data the `prepare` step reads from GitHub: tag refs (lightweight or annotated) and
 * commits with their committer time, as `/git/ref/tags/{tag}`, `/git/tags/{sha}` and
 * `/commits/{ref}` answer them.
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
}

/** Per repository (lowercased): tag name -> record. */
export type TagStore = Map<string, Map<string, TagRecord>>;

const tagObjectSha = (record: TagRecord): string =>
  createHash('sha1').update(`tag ${record.tag} ${record.commit}`).digest('hex');

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
          sha,
          tag: record.tag,
          object: { type: 'commit', sha: record.commit },
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
