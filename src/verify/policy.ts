/**
 * The parts of an identity policy that come from GitHub as it is now, not from the files: the
 * repository's and owner's numeric ids (a deleted name can be registered again by someone
 * else; the ids cannot), and the commit a tag points at (a tag can be moved with
 * `git push -f`). Each lookup fails closed: what cannot be established refuses, saying so.
 */
import { ChainOfCustodyError, EnvironmentError } from '../core/errors.ts';
import type { RunnerEnv } from '../config/runner-env.ts';
import type { GitData, ResolvedTag } from '../github/git-data.ts';
import { quote } from '../core/text.ts';
import type { VerifiedBundle } from './bundles.ts';

export interface ExpectedIds {
  repositoryId: string;
  /** Undefined when only the repository id was given on the command line. */
  ownerId?: string;
}

/**
 * The ids the certificate must carry: an explicit `repository-id`; else the running
 * repository's (GITHUB_REPOSITORY_ID, GITHUB_REPOSITORY_OWNER_ID); else GitHub's API.
 */
export async function expectedIds(
  env: RunnerEnv,
  repository: string,
  explicitId: string | undefined,
  git: GitData,
): Promise<ExpectedIds> {
  if (explicitId) return { repositoryId: explicitId };
  if (
    env.repositoryId &&
    env.repositoryOwnerId &&
    env.repository.toLowerCase() === repository.toLowerCase()
  ) {
    return { repositoryId: env.repositoryId, ownerId: env.repositoryOwnerId };
  }
  try {
    const ids = await git.repositoryIds();
    return { repositoryId: ids.repositoryId, ownerId: ids.ownerId };
  } catch (error) {
    throw new EnvironmentError(
      `Cannot establish GitHub's id of ${repository}, so a certificate from another repository of the same name could not be told apart: ${(error as Error).message}`,
      {
        subject: 'repository-id',
        cause: error,
        hint: 'Pass `--repository-id <id>` (`gh api repos/OWNER/REPO --jq .id`), or let the tool reach GitHub (GITHUB_TOKEN for a private repository).',
      },
    );
  }
}

/** Where `tag` points on GitHub now; a tag that does not exist refuses. */
export async function tagNow(git: GitData, repository: string, tag: string): Promise<ResolvedTag> {
  const resolved = await git.resolveTag(tag);
  if (!resolved) {
    throw new ChainOfCustodyError(`Tag ${quote(tag)} does not exist in ${repository}.`, {
      subject: 'tag',
      hint: 'A release tag must stay: the provenance names it, and nothing is published for a tag that was deleted.',
    });
  }
  return resolved;
}

/** Refuses when any bundle names another commit than the one the tag points at now. */
export function requireBuiltFromTag(bundles: readonly VerifiedBundle[], tag: ResolvedTag): void {
  for (const bundle of bundles) {
    if (bundle.built.commit === tag.commit) continue;
    throw new ChainOfCustodyError(
      `Tag ${quote(tag.tag)} now points at commit ${tag.commit}, but the provenance names commit ${bundle.built.commit} as the source (${quote(bundle.source.split(/[\\/]/).pop() ?? bundle.source)}). Nothing was uploaded.`,
      {
        subject: 'tag',
        hint: 'The tag was moved (`git push -f`) or the files were built from another commit. Release a new version from a new tag instead of moving one.',
      },
    );
  }
}
