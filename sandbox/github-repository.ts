/**
 * `GET /repos/{owner}/{repo}`: the repository as GitHub answers it (`full-repository`), with
 * the numeric ids of the repository and its owner, which survive renames and are never reused
 * (what `verify` compares with a certificate's). Every repository the stand-in is asked about
 * exists, is public and belongs to an organization.
 * https://docs.github.com/rest/repos/repos#get-a-repository
 */
import { sendJson } from './http.ts';
import type { Route } from './github-releases.ts';
import { nodeId, simpleUser, timestamp } from './github-wire.ts';

/**
 * The repository and owner ids every stand-in repository has (as the OIDC stand-in's), unless a
 * test gives it others (`setRepositoryIds`: the name deleted and registered again).
 */
export const REPOSITORY_IDS = { repositoryId: 2002, ownerId: 1001 } as const;

const CREATED = timestamp(new Date('2026-01-05T10:00:00Z'));

/** The repository's JSON; `origin` is the stand-in's, for the API and the web pages alike. */
export function repositoryJson(
  origin: string,
  repository: string,
  ids: { repositoryId: number; ownerId: number } = REPOSITORY_IDS,
) {
  const [owner = '', name = ''] = repository.split('/');
  const api = `${origin}/repos/${repository}`;
  const html = `${origin}/${repository}`;
  const host = new URL(origin).host;
  const { repositoryId: id, ownerId } = ids;
  return {
    id,
    node_id: nodeId('R', id),
    name,
    full_name: repository,
    owner: simpleUser({
      login: owner,
      id: ownerId,
      node_id: nodeId('O', ownerId),
      type: 'Organization',
      avatar_url: `https://avatars.githubusercontent.com/u/${ownerId}?v=4`,
    }),
    private: false,
    visibility: 'public',
    html_url: html,
    description: null,
    fork: false,
    url: api,
    ...linkTemplates(api),
    git_url: `git://${host}/${repository}.git`,
    ssh_url: `git@${host}:${repository}.git`,
    clone_url: `${html}.git`,
    svn_url: html,
    mirror_url: null,
    homepage: null,
    language: 'Python',
    size: 0,
    default_branch: 'main',
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    open_issues: 0,
    open_issues_count: 0,
    network_count: 0,
    subscribers_count: 0,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_discussions: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    is_template: false,
    allow_forking: true,
    web_commit_signoff_required: false,
    topics: [],
    license: null,
    pushed_at: CREATED,
    created_at: CREATED,
    updated_at: CREATED,
  };
}

/** The `*_url` links every repository answer carries, RFC 6570 templates where GitHub's are. */
function linkTemplates(api: string): Record<string, string> {
  const links: Record<string, string> = {};
  const templates: Record<string, string> = {
    archive: '/{archive_format}{/ref}',
    assignees: '/assignees{/user}',
    blobs: '/git/blobs{/sha}',
    branches: '/branches{/branch}',
    collaborators: '/collaborators{/collaborator}',
    comments: '/comments{/number}',
    commits: '/commits{/sha}',
    compare: '/compare/{base}...{head}',
    contents: '/contents/{+path}',
    contributors: '/contributors',
    deployments: '/deployments',
    downloads: '/downloads',
    events: '/events',
    forks: '/forks',
    git_commits: '/git/commits{/sha}',
    git_refs: '/git/refs{/sha}',
    git_tags: '/git/tags{/sha}',
    hooks: '/hooks',
    issue_comment: '/issues/comments{/number}',
    issue_events: '/issues/events{/number}',
    issues: '/issues{/number}',
    keys: '/keys{/key_id}',
    labels: '/labels{/name}',
    languages: '/languages',
    merges: '/merges',
    milestones: '/milestones{/number}',
    notifications: '/notifications{?since,all,participating}',
    pulls: '/pulls{/number}',
    releases: '/releases{/id}',
    stargazers: '/stargazers',
    statuses: '/statuses/{sha}',
    subscribers: '/subscribers',
    subscription: '/subscription',
    tags: '/tags',
    teams: '/teams',
    trees: '/git/trees{/sha}',
  };
  for (const [name, path] of Object.entries(templates)) links[`${name}_url`] = `${api}${path}`;
  return links;
}

export const repositoryRoute: Route = {
  method: 'GET',
  path: /^\/?$/,
  handle(ctx) {
    const { ids } = ctx.state.store.repo(ctx.repository);
    sendJson(ctx.res, 200, repositoryJson(ctx.origin, ctx.repository, ids));
  },
};
