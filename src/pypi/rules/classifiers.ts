/**
 * Trove classifiers, as PyPI checks them (pypi/warehouse `warehouse/forklift/metadata.py:
 * 162-190`) against the list in data/classifiers.json (its source and date are recorded there;
 * refresh it with scripts/refresh-pypi-rules-data.py).
 */
import data from './data/classifiers.json' with { type: 'json' };
import type { Findings } from './types.ts';

const KNOWN = new Set<string>(data.classifiers);
const DEPRECATED = new Map<string, string[]>(Object.entries(data.deprecated));

/** Where the classifier list comes from, for messages. */
export const CLASSIFIERS_SOURCE = `${data.source}, refreshed ${data.refreshed}`;

const pyList = (items: string[]): string => `[${items.map((i) => `'${i}'`).join(', ')}]`;

/** Refuses classifiers PyPI does not list, `Private :: …` ones and deprecated ones. */
export function checkClassifiers(values: readonly string[], found: Findings): void {
  for (const classifier of values) {
    const replacements = DEPRECATED.get(classifier);
    if (replacements)
      found.refuse(
        'classifier-deprecated',
        replacements.length > 0
          ? `The classifier '${classifier}' has been deprecated, use one of ${pyList(replacements)} instead.`
          : `The classifier '${classifier}' has been deprecated.`,
        replacements.length > 0
          ? `Replace it with ${replacements.map((r) => `'${r}'`).join(' or ')} in pyproject.toml.`
          : 'Remove it from pyproject.toml.',
      );
    else if (!KNOWN.has(classifier))
      found.refuse(
        'classifier',
        `'${classifier}' is not a valid classifier.`,
        classifier.startsWith('Private ::')
          ? 'A `Private :: …` classifier exists to stop uploads to PyPI: remove it to publish there, or publish to a private index with `index-rules: none`.'
          : `Use a classifier from https://pypi.org/classifiers/ (spelled exactly). The action's list is ${CLASSIFIERS_SOURCE}: a classifier added since is refused here though PyPI may take it.`,
      );
  }
}
