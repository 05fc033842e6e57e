import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createOctokit
} from "./chunk-Z2UNOOO2.js";
import {
  githubFailure,
  statusOf
} from "./chunk-HL2LXZTB.js";
import {
  retryPolicyFor
} from "./chunk-SMZQPNOE.js";

// src/github/git-data.ts
function createGitData(env, repository, token) {
  const octokit = createOctokit({
    token,
    apiUrl: env.apiUrl,
    repository,
    policy: retryPolicyFor(env.retryDelayMs, env.timeoutMs),
    anonymous: true
  });
  const [owner = "", repo = ""] = repository.split("/");
  return {
    async resolveTag(tag) {
      try {
        const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` });
        if (data.object.type === "commit") return { tag, commit: data.object.sha };
        const { data: annotated } = await octokit.rest.git.getTag({
          owner,
          repo,
          tag_sha: data.object.sha
        });
        if (annotated.object.type !== "commit") {
          throw new Error(`tag ${tag} points at a ${annotated.object.type}, not a commit`);
        }
        return {
          tag,
          commit: annotated.object.sha,
          annotated: { sha: data.object.sha, verification: annotated.verification }
        };
      } catch (error) {
        if (statusOf(error) === 404) return void 0;
        throw githubFailure(error, `look up tag ${tag}`, repository);
      }
    },
    async repositoryIds() {
      try {
        const { data } = await octokit.rest.repos.get({ owner, repo });
        return { repositoryId: String(data.id), ownerId: String(data.owner.id) };
      } catch (error) {
        throw githubFailure(error, "read the repository and owner ids", repository);
      }
    }
  };
}

export {
  createGitData
};
