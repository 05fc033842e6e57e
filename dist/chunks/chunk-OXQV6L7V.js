import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  ChainOfCustodyError,
  EnvironmentError
} from "./chunk-W3DSJ3DT.js";

// src/verify/policy.ts
async function expectedIds(env, repository, explicitId, git) {
  if (explicitId) return { repositoryId: explicitId };
  if (env.repositoryId && env.repositoryOwnerId && env.repository.toLowerCase() === repository.toLowerCase()) {
    return { repositoryId: env.repositoryId, ownerId: env.repositoryOwnerId };
  }
  try {
    const ids = await git.repositoryIds();
    return { repositoryId: ids.repositoryId, ownerId: ids.ownerId };
  } catch (error) {
    throw new EnvironmentError(
      `Cannot establish GitHub's id of ${repository}, so a certificate from another repository of the same name could not be told apart: ${error.message}`,
      {
        subject: "repository-id",
        cause: error,
        hint: "Pass `--repository-id <id>` (`gh api repos/OWNER/REPO --jq .id`), or let the tool reach GitHub (GITHUB_TOKEN for a private repository)."
      }
    );
  }
}
async function tagNow(git, repository, tag) {
  const resolved = await git.resolveTag(tag);
  if (!resolved) {
    throw new ChainOfCustodyError(`Tag ${quote(tag)} does not exist in ${repository}.`, {
      subject: "tag",
      hint: "A release tag must stay: the provenance names it, and nothing is published for a tag that was deleted."
    });
  }
  return resolved;
}
function requireBuiltFromTag(bundles, tag) {
  for (const bundle of bundles) {
    if (bundle.built.commit === tag.commit) continue;
    throw new ChainOfCustodyError(
      `Tag ${quote(tag.tag)} now points at commit ${tag.commit}, but the provenance names commit ${bundle.built.commit} as the source (${quote(bundle.source.split(/[\\/]/).pop() ?? bundle.source)}). Nothing was uploaded.`,
      {
        subject: "tag",
        hint: "The tag was moved (`git push -f`) or the files were built from another commit. Release a new version from a new tag instead of moving one."
      }
    );
  }
}

export {
  expectedIds,
  tagNow,
  requireBuiltFromTag
};
