/** Tag and commit lookups on GitHub for `prepare`; failures leave translated (`errors.ts`). */
import { createOctokit, type ClientOptions } from './octokit.ts';
import { githubFailure, statusOf } from './errors.ts';
import { ServiceError } from '../core/errors.ts';

export interface TagClient {
  /** The commit a tag points at (annotated tags peeled), or undefined when it does not exist. */
  tagCommit(tag: string): Promise<string | undefined>;
  /** The committer time of a commit. */
  commitTime(sha: string): Promise<Date>;
}

export function createTagClient(options: ClientOptions): TagClient {
  const octokit = createOctokit(options);
  const [owner = '', repo = ''] = options.repository.split('/');
  return {
    async tagCommit(tag) {
      try {
        const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` });
        if (data.object.type === 'commit') return data.object.sha;
        if (data.object.type !== 'tag') throw notACommit(tag, data.object.type);
        const { data: annotated } = await octokit.rest.git.getTag({
          owner,
          repo,
          tag_sha: data.object.sha,
        });
        // A tag of a tag is peeled by git; GitHub's API does not, and neither do we.
        if (annotated.object.type !== 'commit') throw notACommit(tag, annotated.object.type);
        return annotated.object.sha;
      } catch (error) {
        if (error instanceof ServiceError) throw error;
        if (statusOf(error) === 404) return undefined;
        throw githubFailure(error, `look up tag ${tag}`, options.repository);
      }
    },
    async commitTime(sha) {
      let date: string | undefined;
      try {
        const { data } = await octokit.rest.repos.getCommit({ owner, repo, ref: sha });
        date = data.commit.committer?.date ?? data.commit.author?.date ?? undefined;
      } catch (error) {
        throw githubFailure(error, `read commit ${sha}`, options.repository);
      }
      const time = date === undefined ? Number.NaN : Date.parse(date);
      if (!Number.isFinite(time)) {
        throw new ServiceError(
          `GitHub's answer for commit ${sha} of ${options.repository} ${date === undefined ? 'gives no committer or author date' : `gives a date that is not one (${JSON.stringify(date)})`}, so SOURCE_DATE_EPOCH cannot be established.`,
          {
            hint: 'Re-run the job; if GitHub keeps answering so, set SOURCE_DATE_EPOCH in the build yourself.',
          },
        );
      }
      return new Date(time);
    },
  };
}

/** A tag GitHub does not peel to a commit (a tag of a tag, of a tree or of a blob). */
export function notACommit(tag: string, type: string): ServiceError {
  return new ServiceError(`Tag ${tag} points at a ${type}, not a commit.`, {
    hint: 'Point the release tag at the commit that was built (git tag -f <tag> <commit>).',
  });
}
