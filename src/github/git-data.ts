/**
 * GitHub's git data and repository answers that bind a release to its source as it is now:
 * where a tag points (and, for an annotated tag, its signed payload and signature), and the
 * numeric ids of a repository and its owner, which survive renames and are never reused.
 * https://docs.github.com/rest/git/refs, https://docs.github.com/rest/git/tags
 */
import { ServiceError } from '../core/errors.ts';
import { createOctokit, type ClientOptions } from './octokit.ts';
import { githubFailure, statusOf } from './errors.ts';
import { notACommit } from './tags.ts';

/** GitHub's `verification` object of a tag: `payload` is what `signature` signs. */
export interface TagVerification {
  verified: boolean;
  reason: string;
  signature: string | null;
  payload: string | null;
}

/** A tag as GitHub resolves it now. */
export interface ResolvedTag {
  tag: string;
  /** The commit it points at (annotated tags peeled). */
  commit: string;
  /** Undefined for a lightweight tag (the ref points straight at a commit). */
  annotated?: { sha: string; verification: TagVerification | undefined };
}

export interface RepositoryIds {
  repositoryId: string;
  ownerId: string;
}

export interface GitData {
  /** Undefined when the tag does not exist. */
  resolveTag(tag: string): Promise<ResolvedTag | undefined>;
  repositoryIds(): Promise<RepositoryIds>;
}

/**
 * A client for `options.repository` (built once, by `main.ts`); these are public reads, so
 * without a token it asks anonymously.
 */
export function createGitData(options: ClientOptions): GitData {
  const { repository } = options;
  const octokit = createOctokit({ ...options, anonymous: true });
  const [owner = '', repo = ''] = repository.split('/');
  return {
    async resolveTag(tag) {
      try {
        const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` });
        if (data.object.type === 'commit') return { tag, commit: data.object.sha };
        if (data.object.type !== 'tag') throw notACommit(tag, data.object.type);
        const { data: annotated } = await octokit.rest.git.getTag({
          owner,
          repo,
          tag_sha: data.object.sha,
        });
        // A tag of a tag is peeled by git; GitHub's API does not, and neither do we.
        if (annotated.object.type !== 'commit') throw notACommit(tag, annotated.object.type);
        return {
          tag,
          commit: annotated.object.sha,
          annotated: { sha: data.object.sha, verification: annotated.verification },
        };
      } catch (error) {
        if (error instanceof ServiceError) throw error;
        if (statusOf(error) === 404) return undefined;
        throw githubFailure(error, `look up tag ${tag}`, repository);
      }
    },
    async repositoryIds() {
      try {
        const { data } = await octokit.rest.repos.get({ owner, repo });
        return { repositoryId: String(data.id), ownerId: String(data.owner.id) };
      } catch (error) {
        throw githubFailure(error, 'read the repository and owner ids', repository);
      }
    },
  };
}
