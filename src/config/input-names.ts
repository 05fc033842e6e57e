/**
 * Names of inputs that are not this action's: mistypes, the snake_case spellings of
 * pypa/gh-action-pypi-publish, and softprops/action-gh-release's inputs. An ignored input is
 * a silent change of meaning (`repository_url: https://test.pypi.org/legacy/` ignored sends
 * the files to production PyPI), so each one is refused with the name to write instead.
 */
import { InputError } from '../core/errors.ts';

/** What a migrant writes in the other actions, and what to write here (or why nothing). */
const FOREIGN: Record<string, string> = {
  // pypa/gh-action-pypi-publish
  repository_url: 'write `repository-url` (the upload URL, e.g. https://test.pypi.org/legacy/)',
  packages_dir:
    "write `packages-dir`; note that `step: publish` uploads the draft release's assets by default (`from: release`), not a folder",
  skip_existing: 'write `skip-existing`',
  verify_metadata:
    'remove it: every step always checks the metadata, with the same parser as the upload',
  'verify-metadata':
    'remove it: every step always checks the metadata, with the same parser as the upload',
  verbose: "remove it: every request that fails is reported with the index's answer",
  print_hash: 'remove it: `collect` records every sha256 (output `hashes`, the job summary)',
  'print-hash': 'remove it: `collect` records every sha256 (output `hashes`, the job summary)',
  // softprops/action-gh-release
  files:
    'build into a folder and run `step: collect` in each build job, then `step: release` (its `packages-dir`, default `dist`)',
  tag_name: 'write `tag`',
  name: 'write `release-name`',
  body_path: 'write `body-path`',
  draft:
    'remove it: the release is always a draft; `publish-release: true` publishes it after every upload succeeded',
  overwrite_files: 'write `overwrite`',
  make_latest: 'write `make-latest`',
  generate_release_notes: 'write `generate-release-notes`',
  token: 'write `github-token`',
  target_commitish:
    'remove it: the release is for the tag, whose commit `step: prepare` checks against the checkout',
  fail_on_unmatched_files:
    'remove it: a missing or unexpected file always fails (`collect` checks the folder)',
  preserve_order: 'remove it: `upload-concurrency: 1` uploads one asset at a time',
  append_body:
    "remove it: `body`/`body-path` are the notes of a new draft, which later jobs leave as they are; edit the draft's notes while reviewing it",
  discussion_category_name:
    'remove it: the release is a draft a person reviews; tick "Create a discussion" in GitHub\'s form when publishing it',
  working_directory:
    'write the folder as `packages-dir` (relative to the workspace, or absolute inside it)',
};

/**
 * Inputs of this action that other actions also take, with another meaning, on steps that do
 * not read them here: what the migrant meant, and what to do instead.
 */
const ELSEWHERE: Record<string, string> = {
  repository:
    "softprops/action-gh-release's `repository` (a release in another repository) is not supported: `release` and `publish` work on the repository running the workflow, with its token, so run the workflow there",
};

/** Levenshtein distance, for "did you mean". */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The known name closest to `name`, if it is close enough to be a typo. */
export function nearestName(name: string, known: readonly string[]): string | undefined {
  const dashed = name.toLowerCase().replace(/_/g, '-');
  if (known.includes(dashed)) return dashed;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(dashed, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return bestDistance <= Math.max(2, Math.floor(dashed.length / 3)) ? best : undefined;
}

/** How to fix one name that is not an input: the migration advice, else the nearest name. */
export function adviceFor(name: string, known: readonly string[]): string {
  const foreign = FOREIGN[name];
  if (foreign) return foreign;
  const nearest = nearestName(name, known);
  return nearest ? `did you mean \`${nearest}\`?` : `inputs are: ${known.join(', ')}`;
}

/**
 * The `with:` keys the runner passed, from the environment: `INPUT_<NAME>` upper-cased, with
 * `-` and `_` kept as written. Returned lower-cased, as the workflow most likely spelled them.
 */
export function givenInputNames(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env)
    .filter((key) => key.startsWith('INPUT_') && key.length > 'INPUT_'.length)
    .map((key) => key.slice('INPUT_'.length).toLowerCase());
}

/** Refuses every given name that is not a known input, all at once, each with its fix. */
export function checkInputNames(given: readonly string[], known: readonly string[]): void {
  const knownSet = new Set(known.map((name) => name.toLowerCase()));
  const unknown = [...new Set(given)].filter((name) => !knownSet.has(name)).sort();
  if (unknown.length === 0) return;
  const list = unknown.map((name) => `"${name}"`).join(', ');
  throw new InputError(
    `${unknown.length === 1 ? 'Input' : 'Inputs'} ${list} ${unknown.length === 1 ? 'is' : 'are'} not ${unknown.length === 1 ? 'an input' : 'inputs'} of this action; nothing was done.`,
    {
      subject: unknown[0],
      hint: unknown.map((name) => `${name}: ${adviceFor(name, known)}.`).join(' '),
    },
  );
}

/**
 * The error for inputs that this action has but `step` does not read: each named, with the
 * steps that read it (`readers`) and, for names other actions use, what was probably meant.
 */
export function unreadInputsError(
  step: string,
  unread: readonly string[],
  readers: (name: string) => readonly string[],
): InputError {
  const list = unread.map((name) => `"${name}"`).join(', ');
  const one = unread.length === 1;
  return new InputError(
    `${one ? 'Input' : 'Inputs'} ${list} ${one ? 'is' : 'are'} not read by \`step: ${step}\`, which would ignore ${one ? 'it' : 'them'}; nothing was done.`,
    {
      subject: unread[0],
      hint: unread
        .map((name) => {
          const by = readers(name);
          const where =
            by.length > 0
              ? `read by ${by.map((s) => (s === 'sign' ? "the command line's `sign`" : `\`step: ${s}\``)).join(', ')}`
              : 'read by no step';
          const meant = ELSEWHERE[name];
          return `${name}: ${where}; ${meant ?? `remove it from this step, or move it to a step that reads it`}.`;
        })
        .join(' '),
    },
  );
}
