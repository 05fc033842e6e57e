/**
 * PyPI's rules on the files themselves, in one place: filenames, metadata, the description,
 * archive contents, platform tags, sizes and new-project names, each refusal with PyPI's own
 * message and the fix. `collect` applies them in the build job and `publish` to the whole set
 * before the first upload, so a file PyPI would refuse never burns a version number.
 * Rules that depend on what the index already holds are in ../precheck.ts.
 */
import { DistributionError } from '../../core/errors.ts';
import type { InspectedDistribution } from '../../distributions/types.ts';
import { checkDescription } from './description.ts';
import { checkContents, PYPI_PROJECT_LIMIT_BYTES, STORAGE_LIMITS_URL } from './content-rules.ts';
import { readFacts } from './facts.ts';
import { checkFilename } from './filename-rules.ts';
import { checkMetadata } from './metadata-rules.ts';
import { checkProjectName } from './names.ts';
import {
  Findings,
  type DistributionFacts,
  type IndexCheckOptions,
  type IndexTarget,
  type IndexVerdict,
} from './types.ts';

export type { DistributionFacts, IndexRefusal, IndexTarget, IndexVerdict } from './types.ts';
export { PYPI_METADATA_VERSIONS, SPEC_METADATA_VERSIONS } from './metadata-versions.ts';
export { isPypiPlatformTag } from './platform-tags.ts';
export { readFacts } from './facts.ts';
export { isStdlibName } from './names.ts';

const INDEX_NAMES: Record<IndexTarget, string> = {
  pypi: 'PyPI',
  testpypi: 'TestPyPI',
  none: 'the index',
};
const NO_VERDICT: IndexVerdict = { refusals: [], warnings: [] };

/** What `target` would refuse about one distribution (and what it may refuse: warnings). */
export function checkForIndex(facts: DistributionFacts, target: IndexTarget): IndexVerdict {
  if (target === 'none') return NO_VERDICT;
  const found = new Findings(facts.parsed.filename);
  checkFilename(facts, found);
  checkMetadata(facts.metadata, found);
  checkDescription(facts.metadata, found);
  checkContents(facts, found);
  return { refusals: found.refusals, warnings: found.warnings };
}

/**
 * What `target` would refuse about a release's files: each file's rules, the project's
 * default size limit, and (once) the new-project name rules.
 */
export function checkSetForIndex(
  list: readonly DistributionFacts[],
  target: IndexTarget,
  options: IndexCheckOptions = {},
): IndexVerdict {
  if (target === 'none' || list.length === 0) return NO_VERDICT;
  const verdicts = list.map((facts) => checkForIndex(facts, target));
  const first = list[0] as DistributionFacts;
  const release = new Findings(first.parsed.filename);
  const total = list.reduce((sum, f) => sum + f.size, 0);
  if (total > PYPI_PROJECT_LIMIT_BYTES)
    release.refuse(
      'project-size',
      `Project size too large. Limit for project '${first.metadata.name}' total size is 10 GB. See ${STORAGE_LIMITS_URL}#requesting-a-project-size-limit-increase`,
      `Ask PyPI for a larger project limit (${STORAGE_LIMITS_URL}#requesting-a-project-size-limit-increase), or delete old files. If PyPI already raised it, set \`index-rules: none\` for this release.`,
    );
  checkProjectName(first.metadata.name, options.newProject, release);
  return {
    refusals: [...verdicts.flatMap((v) => v.refusals), ...release.refusals],
    // Identical sentences (one per file) are said once.
    warnings: [...new Set([...verdicts.flatMap((v) => v.warnings), ...release.warnings])],
  };
}

/** Turns a verdict with refusals into one DistributionError listing each with its fix. */
export function refusalError(
  verdict: IndexVerdict,
  target: IndexTarget,
  when: string,
): DistributionError | undefined {
  const { refusals } = verdict;
  if (refusals.length === 0) return undefined;
  const index = INDEX_NAMES[target];
  const lines = refusals.map(
    (r) => `  ${r.filename}: ${index} answers "${r.message}"\n    fix: ${r.fix}`,
  );
  return new DistributionError(
    `${index} would refuse ${refusals.length === 1 ? 'this file' : 'these files'} (${refusals.length} problem(s)); ${when}:\n${lines.join('\n')}`,
    {
      subject: refusals[0]?.filename,
      hint: `Fix the build and release again. For a private index with its own rules, set \`index-rules: none\`.`,
    },
  );
}

/**
 * The one call of `collect` and `publish`: reads what the rules need from every file, says
 * each warning through `warn`, and throws one error naming every refusal.
 */
export async function applyIndexRules(
  list: readonly InspectedDistribution[],
  target: IndexTarget,
  warn: (message: string) => void,
  when: string,
  options: IndexCheckOptions = {},
): Promise<IndexVerdict> {
  if (target === 'none') return NO_VERDICT;
  const facts = await Promise.all(list.map(readFacts));
  const verdict = checkSetForIndex(facts, target, options);
  for (const warning of verdict.warnings) warn(warning);
  const error = refusalError(verdict, target, when);
  if (error) throw error;
  return verdict;
}
