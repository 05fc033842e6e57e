import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createOctokit
} from "./chunk-Z2UNOOO2.js";
import {
  githubFailure,
  statusOf
} from "./chunk-HL2LXZTB.js";
import "./chunk-Y37BFEFF.js";
import "./chunk-SMZQPNOE.js";
import "./chunk-QPC3R6K2.js";
import "./chunk-W3DSJ3DT.js";
import "./chunk-OHTIYD5V.js";

// src/github/tags.ts
function createTagClient(options) {
  const octokit = createOctokit(options);
  const [owner = "", repo = ""] = options.repository.split("/");
  return {
    async tagCommit(tag) {
      try {
        const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` });
        if (data.object.type !== "tag") return data.object.sha;
        const { data: annotated } = await octokit.rest.git.getTag({
          owner,
          repo,
          tag_sha: data.object.sha
        });
        return annotated.object.sha;
      } catch (error) {
        if (statusOf(error) === 404) return void 0;
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
    }
  };
}
export {
  createTagClient
};
