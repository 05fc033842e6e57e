import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  notACommit
} from "./chunk-LHVHIKN6.js";
import {
  createOctokit
} from "./chunk-XYZTIXJ2.js";
import {
  githubFailure,
  statusOf
} from "./chunk-7QYNA57B.js";
import "./chunk-Y37BFEFF.js";
import "./chunk-3MYLBHU6.js";
import "./chunk-742OCXHB.js";
import "./chunk-QPC3R6K2.js";
import {
  ServiceError
} from "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";

// src/github/git-data.ts
function createGitData(options) {
  const { repository } = options;
  const octokit = createOctokit({ ...options, anonymous: true });
  const [owner = "", repo = ""] = repository.split("/");
  return {
    async resolveTag(tag) {
      try {
        const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` });
        if (data.object.type === "commit") return { tag, commit: data.object.sha };
        if (data.object.type !== "tag") throw notACommit(tag, data.object.type);
        const { data: annotated } = await octokit.rest.git.getTag({
          owner,
          repo,
          tag_sha: data.object.sha
        });
        if (annotated.object.type !== "commit") throw notACommit(tag, annotated.object.type);
        return {
          tag,
          commit: annotated.object.sha,
          annotated: { sha: data.object.sha, verification: annotated.verification }
        };
      } catch (error) {
        if (error instanceof ServiceError) throw error;
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
