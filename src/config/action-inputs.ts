// Generated from action.yml by scripts/action-inputs.mjs: do not edit by hand.
// Run `npm run action-inputs` after changing the inputs in action.yml (the bundles render
// their own copy from action.yml; this one is for the type checker and the unit tests).

/** One input as action.yml declares it. */
export interface ActionInput {
  name: string;
  description: string;
  default: string;
  required: boolean;
}

/** Every input of action.yml, in its order. */
export const ACTION_INPUTS: readonly ActionInput[] = [
  {
    "name": "step",
    "description": "Which step to run: prepare (first in each build job), collect (in each build job), provenance (sign what collect recorded), release (the draft GitHub release), publish (to PyPI, in the protected environment), verify (check files against provenance), index (a PEP 503 simple index of the project's GitHub releases).",
    "default": "",
    "required": true
  },
  {
    "name": "packages-dir",
    "description": "collect: folder (inside the workspace) holding the built wheels (*.whl) and sdist (*.tar.gz); only files directly in it are taken. provenance: with `from: folder` the files to sign, with `from: artifacts` where the checked files and the provenance are written. release: the files to upload. publish: with `from: folder` the files to upload, otherwise where they are gathered. verify: the files to check.",
    "default": "dist",
    "required": false
  },
  {
    "name": "artifact-name",
    "description": "collect: name of the workflow artifact to upload. Empty (the default) gives a name unique to each job, `release-dists-<job id>-<hash of the job's backend id>`, so a matrix of any size never collides.",
    "default": "",
    "required": false
  },
  {
    "name": "expected-version",
    "description": "collect: the version every file must carry, e.g. `v1.2.3` from the tag (a leading `v` is removed; compared after PEP 440 normalization). Empty skips the check.",
    "default": "",
    "required": false
  },
  {
    "name": "upload-artifact",
    "description": "collect: upload the files and their manifest as a workflow artifact. Set to false to only check and record digests (e.g. when provenance and release run in the same job).",
    "default": "true",
    "required": false
  },
  {
    "name": "index-rules",
    "description": "collect and publish: whose upload rules every file must pass before anything is uploaded or signed. `pypi` (PyPI's filename, metadata, classifier, license, description, platform tag and size rules, with PyPI's own messages) or `testpypi` (the same rules); `none` for a private index, whose own rules the action cannot know.",
    "default": "pypi",
    "required": false
  },
  {
    "name": "from",
    "description": "provenance and publish: where the distributions come from. provenance: `artifacts` (default; every workflow artifact matching `artifact-pattern`, fan-in) or `folder` (`packages-dir`, checked against the manifests `collect` wrote in this job). publish: `release` (default; the assets of the tag's draft release, what the reviewer saw), `artifacts` or `folder`.",
    "default": "",
    "required": false
  },
  {
    "name": "artifact-pattern",
    "description": "provenance and publish (`from: artifacts`): which workflow artifacts to gather (`*` and `?` wildcards). The default matches every artifact `collect` names by default.",
    "default": "release-dists-*",
    "required": false
  },
  {
    "name": "provenance-name",
    "description": "provenance: file name of the signed provenance, ending in `.intoto.jsonl`. Empty gives `<project>-<version>.intoto.jsonl`; a backfill names its own, e.g. `cp311.intoto.jsonl`.",
    "default": "",
    "required": false
  },
  {
    "name": "sigstore",
    "description": "provenance: which Sigstore instance signs: `auto` (public-good Fulcio + Rekor for public repositories, GitHub's Fulcio + timestamp authority for private ones), `public-good`, or `github`.",
    "default": "auto",
    "required": false
  },
  {
    "name": "fulcio-url",
    "description": "provenance and publish (PEP 740 attestations): Fulcio base URL, overriding the instance's (private Sigstore, GitHub Enterprise).",
    "default": "",
    "required": false
  },
  {
    "name": "rekor-url",
    "description": "provenance and publish (PEP 740 attestations): Rekor base URL, overriding the instance's.",
    "default": "",
    "required": false
  },
  {
    "name": "tsa-url",
    "description": "provenance: timestamp authority base URL, overriding the instance's.",
    "default": "",
    "required": false
  },
  {
    "name": "github-attestation",
    "description": "provenance: also store the bundle with GitHub's attestations API so `gh attestation verify` finds it (needs `attestations: write`).",
    "default": "false",
    "required": false
  },
  {
    "name": "github-token",
    "description": "prepare, provenance (with github-attestation or on a dispatch run), release, publish, verify (to look up the tag and repository ids), index and sign: token for GitHub's API. Defaults to the workflow token; the release job needs `permissions: contents: write`.",
    "default": "${{ github.token }}",
    "required": false
  },
  {
    "name": "gpg-private-key",
    "description": "provenance: armored OpenPGP private key (v4; EdDSA or RSA). When given, a detached `<file>.asc` is written for every distribution and the provenance. Pass it from a secret.",
    "default": "",
    "required": false
  },
  {
    "name": "gpg-passphrase",
    "description": "provenance: passphrase of `gpg-private-key`, from a secret.",
    "default": "",
    "required": false
  },
  {
    "name": "provenance",
    "description": "verify: provenance files (newline- or comma-separated, relative to the workspace). Empty takes every `*.intoto.jsonl` in `packages-dir`.",
    "default": "",
    "required": false
  },
  {
    "name": "repository",
    "description": "verify and sign: `owner/name` of the repository whose workflow must have signed. Empty means this workflow's repository.",
    "default": "",
    "required": false
  },
  {
    "name": "workflow",
    "description": "verify, publish and sign: the workflow that must have signed, e.g. `release.yml` or `.github/workflows/release.yml`. Empty accepts any workflow of `repository` (verify) or of this repository (publish).",
    "default": "",
    "required": false
  },
  {
    "name": "ref",
    "description": "verify: the git ref the signing run must have built, e.g. `refs/tags/v1.2.3`.",
    "default": "",
    "required": false
  },
  {
    "name": "trusted-root",
    "description": "verify, publish and sign: path of a Sigstore trusted root file, one JSON root or several as JSON lines (`gh attestation trusted-root` prints the public-good and GitHub's roots so; GitHub's instance signs private repositories). Empty uses Sigstore's public-good root, fetched through TUF, or the copy embedded in the action when TUF cannot be reached; and, for a bundle from GitHub's instance, GitHub's root as the runner's `gh attestation trusted-root` prints it (gh 2.53 or newer, as on GitHub-hosted runners), refusing the bundle when gh cannot give it.",
    "default": "",
    "required": false
  },
  {
    "name": "server-url",
    "description": "verify: the GitHub server whose workflow signed, e.g. `https://ghes.example.com`; the expected OIDC issuer follows from it (github.com and `*.ghe.com`: GitHub's token service, GitHub Enterprise Server: `https://HOSTNAME/_services/token`). Empty uses this run's `GITHUB_SERVER_URL`, else github.com.",
    "default": "",
    "required": false
  },
  {
    "name": "public-key",
    "description": "verify and publish: armored OpenPGP public key, or a path to one, to check each file's `.asc` signature with. publish refuses, before the token exchange, unless every distribution has a `<file>.asc` that verifies with it (`release-action sign` makes them); not with `from: artifacts`, which holds no `.asc`. Empty skips GPG checks.",
    "default": "",
    "required": false
  },
  {
    "name": "tag",
    "description": "prepare, release, publish and sign: the tag to release. Empty takes it from GITHUB_REF on a tag push (`refs/tags/v1.2.3`). provenance: the tag a `workflow_dispatch` run builds (empty takes the `tag` dispatch input); the statement records it and the checked-out commit.",
    "default": "",
    "required": false
  },
  {
    "name": "release-name",
    "description": "release: title of a newly created release. Empty lets GitHub use the tag.",
    "default": "",
    "required": false
  },
  {
    "name": "body",
    "description": "release: release notes of a newly created release (Markdown).",
    "default": "",
    "required": false
  },
  {
    "name": "body-path",
    "description": "release: file (inside the workspace) holding the release notes; not with `body`.",
    "default": "",
    "required": false
  },
  {
    "name": "generate-release-notes",
    "description": "release: let GitHub generate the notes of a newly created release.",
    "default": "false",
    "required": false
  },
  {
    "name": "prerelease",
    "description": "release: mark a newly created release as a prerelease.",
    "default": "false",
    "required": false
  },
  {
    "name": "make-latest",
    "description": "release: with publish-release, whether the release becomes the latest: `true`, `false` or `legacy`. Empty leaves GitHub's default.",
    "default": "",
    "required": false
  },
  {
    "name": "overwrite",
    "description": "release: replace an asset that exists with different contents. Off, such a conflict is an error naming the file and both digests, and nothing is uploaded.",
    "default": "false",
    "required": false
  },
  {
    "name": "publish-release",
    "description": "release: publish the draft after every upload succeeded. Off (the default), the release stays a draft for a person to review.",
    "default": "false",
    "required": false
  },
  {
    "name": "upload-concurrency",
    "description": "release: how many assets upload at once; publish: how many files upload at once per index (1 to 16).",
    "default": "8",
    "required": false
  },
  {
    "name": "repository-url",
    "description": "publish: upload URLs of the indexes, one per line, uploaded in order (e.g. https://test.pypi.org/legacy/ then https://upload.pypi.org/legacy/). Each gets its own token and attestations. prepare (with `project`): the indexes to check.",
    "default": "https://upload.pypi.org/legacy/",
    "required": false
  },
  {
    "name": "simple-url",
    "description": "publish, prepare: the simple API root (PEP 503 / PEP 691) of each `repository-url`, one per line in the same order, for an index whose pages are not where the action looks (devpi uploads to https://host/<user>/<index>/ and serves https://host/<user>/<index>/+simple/). When set, that index's files are read there only, before and after the upload; empty reads PyPI's JSON API, then the simple API next to the upload URL (`.../legacy/` -> `.../simple/`, else `<upload URL>simple/`).",
    "default": "",
    "required": false
  },
  {
    "name": "password",
    "description": "publish: an API token for indexes without trusted publishing (from a secret). Empty uses trusted publishing (OIDC), which needs `id-token: write`.",
    "default": "",
    "required": false
  },
  {
    "name": "user",
    "description": "publish: the user name sent with `password` (PyPI API tokens use `__token__`; devpi or Artifactory may want a user name). Trusted publishing always uses `__token__`.",
    "default": "__token__",
    "required": false
  },
  {
    "name": "oidc-audience",
    "description": "publish: the OIDC audience for trusted publishing to every `repository-url` that is not PyPI or TestPyPI (those get `pypi` and `testpypi`). Required for such an index, and never `pypi` or `testpypi`: another index must not receive a token PyPI would accept.",
    "default": "",
    "required": false
  },
  {
    "name": "require-provenance",
    "description": "publish: refuse any distribution not covered by verified provenance from this repository. Set to false only for projects that do not sign (a warning instead).",
    "default": "true",
    "required": false
  },
  {
    "name": "environment",
    "description": "publish: the deployment environment the job must run in (checked in its OIDC token), so that a person approved. Empty disables the check.",
    "default": "publish",
    "required": false
  },
  {
    "name": "attestations",
    "description": "publish: sign and send PEP 740 publish attestations (with trusted publishing, public repositories).",
    "default": "true",
    "required": false
  },
  {
    "name": "skip-existing",
    "description": "publish: when the index already has a file of the same name with other contents, leave it in place and publish the other files, then fail reporting the conflict (it never ends green). Identical files are always recognised.",
    "default": "false",
    "required": false
  },
  {
    "name": "project",
    "description": "prepare: the project's name on the index; with it, a backfill checks up front that the index release is within PyPI's 14-day window (on each `repository-url`).",
    "default": "",
    "required": false
  },
  {
    "name": "tag-signers",
    "description": "prepare: the keys allowed to sign release tags, one a line: armored OpenPGP public keys, SSH allowed_signers lines (`you@example.com namespaces=\"git\" ssh-ed25519 AAAA…`) or public key lines, or paths to files holding them. When given, the annotated tag's signature over the tag object is checked before anything is built, and an unsigned, lightweight or otherwise signed tag stops the run. verify: the same check of the tag named by `ref`.",
    "default": "",
    "required": false
  },
  {
    "name": "repository-id",
    "description": "verify: GitHub's numeric id of `repository`, compared with the certificate's (a deleted name registered again by someone else has another id). Empty takes the running repository's, or asks GitHub's API.",
    "default": "",
    "required": false
  },
  {
    "name": "local-user",
    "description": "sign (command line only, `release-action sign`): the gpg key that signs, as gpg's `--local-user`. Empty uses gpg's default key.",
    "default": "",
    "required": false
  },
  {
    "name": "index-dir",
    "description": "index: folder (inside the workspace) the simple index is written to, e.g. for GitHub Pages.",
    "default": "simple",
    "required": false
  },
  {
    "name": "dry-run",
    "description": "publish: do every check, including the trusted-publishing token exchange (the token is dropped), but sign and upload nothing.",
    "default": "false",
    "required": false
  }
];
