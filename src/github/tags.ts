/** Tag and commit lookups on GitHub for `prepare`; failures leave translated (`errors.ts`). */
import { createOctokit, type ClientOptions } from './octokit.ts';
import { githubFailure, statusOf } from './errors.ts';

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
        if (data.object.type !== 'tag') return data.object.sha;
        const { data: annotated } = await octokit.rest.git.getTag({
          owner,
          repo,
          tag_sha: data.object.sha,
        });
        return annotated.object.sha;
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw githubFailure(error, `look up tag ${tag}`, options.repository);
      }
    },
    async commitTime(sha) {
      try {
        const { data } = await octokit.rest.repos.getCommit({ owner, repo, ref: sha });
        return new Date(data.commit.committer?.date ?? data.commit.author?.date ?? 0);
      } catch (error) {
        throw githubFailure(error, `read commit ${sha}`, options.repository);
      }
    },
  };
}
