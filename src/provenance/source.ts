/**
 * The source a provenance statement records. On a tag push the OIDC token names it (ref and
 * sha). A `workflow_dispatch` run from a branch carries `refs/heads/main` and main's head in
 * its token, so the tag's commit is taken from the checkout (the commit `prepare` proved to be
 * the tag's) and checked once more against where GitHub says the tag points.
 */
import { EnvironmentError, InputError } from '../core/errors.ts';
import { checkTag } from '../config/inputs.ts';
import { readDispatchInputs, type RunnerEnv } from '../config/runner-env.ts';
import { readHeadCommit } from '../github/git-head.ts';
import type { GitData } from '../github/git-data.ts';
import type { GitHubClaims } from '../github/oidc.ts';
import { quote } from '../core/text.ts';
import type { DispatchSource } from './statement.ts';

/** Undefined when the token's own ref and sha are the source (any run for a tag ref). */
export async function resolveDispatchSource(
  claims: GitHubClaims,
  env: RunnerEnv,
  tagInput: string | undefined,
  githubToken: string | undefined,
  git: GitData,
): Promise<DispatchSource | undefined> {
  if (claims.event_name !== 'workflow_dispatch') return undefined;
  const inputs = readDispatchInputs(env);
  if (claims.ref.startsWith('refs/tags/')) {
    return { ref: claims.ref, commit: claims.sha, inputs };
  }
  const rawTag = tagInput ?? (typeof inputs.tag === 'string' ? inputs.tag : '');
  if (!rawTag.trim()) {
    throw new InputError(
      `This workflow_dispatch run is for ${quote(claims.ref)}, not a tag, and names no tag to build.`,
      {
        subject: 'tag',
        hint: 'Give the workflow a `tag` input (`workflow_dispatch: inputs: tag:`) or pass `tag: ${{ inputs.tag }}` to this step.',
      },
    );
  }
  const tag = checkTag(rawTag.trim().replace(/^refs\/tags\//, ''), 'tag');
  const commit = await readHeadCommit(env.workspace);
  if (!githubToken) {
    throw new EnvironmentError(
      'A dispatch run needs a GitHub token to confirm the checked-out commit is the tag’s.',
      { subject: 'github-token', hint: 'Leave `github-token` at its default.' },
    );
  }
  const resolved = await git.resolveTag(tag);
  if (!resolved || resolved.commit !== commit) {
    throw new EnvironmentError(
      `The checked-out commit ${commit} is not the commit of tag ${quote(tag)} (${resolved?.commit ?? 'the tag does not exist'}): the provenance would name a source that was not built.`,
      {
        subject: 'checkout',
        hint: 'Sign in the job that checked out the tag (`actions/checkout` with `ref: ${{ inputs.tag }}`, then `step: prepare`).',
      },
    );
  }
  return { ref: `refs/tags/${tag}`, commit, inputs };
}
