import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createOctokit
} from "./chunk-XYZTIXJ2.js";
import {
  githubFailure,
  statusOf
} from "./chunk-7QYNA57B.js";
import {
  ServiceError
} from "./chunk-W3DSJ3DT.js";

// src/github/tags.ts
function createTagClient(options) {
  const octokit = createOctokit(options);
  const [owner = "", repo = ""] = options.repository.split("/");
  return {
    async tagCommit(tag) {
      try {
        const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `tags/${tag}` });
        if (data.object.type === "commit") return data.object.sha;
        if (data.object.type !== "tag") throw notACommit(tag, data.object.type);
        const { data: annotated } = await octokit.rest.git.getTag({
          owner,
          repo,
          tag_sha: data.object.sha
        });
        if (annotated.object.type !== "commit") throw notACommit(tag, annotated.object.type);
        return annotated.object.sha;
      } catch (error) {
        if (error instanceof ServiceError) throw error;
        if (statusOf(error) === 404) return void 0;
        throw githubFailure(error, `look up tag ${tag}`, options.repository);
      }
    },
    async commitTime(sha) {
      let date;
      try {
        const { data } = await octokit.rest.repos.getCommit({ owner, repo, ref: sha });
        date = data.commit.committer?.date ?? data.commit.author?.date ?? void 0;
      } catch (error) {
        throw githubFailure(error, `read commit ${sha}`, options.repository);
      }
      const time = date === void 0 ? Number.NaN : Date.parse(date);
      if (!Number.isFinite(time)) {
        throw new ServiceError(
          `GitHub's answer for commit ${sha} of ${options.repository} ${date === void 0 ? "gives no committer or author date" : `gives a date that is not one (${JSON.stringify(date)})`}, so SOURCE_DATE_EPOCH cannot be established.`,
          {
            hint: "Re-run the job; if GitHub keeps answering so, set SOURCE_DATE_EPOCH in the build yourself."
          }
        );
      }
      return new Date(time);
    }
  };
}
function notACommit(tag, type) {
  return new ServiceError(`Tag ${tag} points at a ${type}, not a commit.`, {
    hint: "Point the release tag at the commit that was built (git tag -f <tag> <commit>)."
  });
}

export {
  createTagClient,
  notACommit
};
