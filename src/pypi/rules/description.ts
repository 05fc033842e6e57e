/**
 * The long description, which PyPI renders before it stores anything (pypi/warehouse
 * `warehouse/forklift/legacy.py:900-931`): without Description-Content-Type it is
 * reStructuredText, rendered by docutils with `halt_level` 2, so any docutils warning refuses
 * the upload. The action has no docutils: it refuses what certainly fails (the `raw` and
 * `include` directives, which PyPI switches off), and says loudly that a reST description was
 * not proven to render (and that it looks like Markdown, when it does).
 */
import type { CoreMetadata } from '../../distributions/types.ts';
import { sentValues } from './metadata-rules.ts';
import type { Findings } from './types.ts';

const HELP = 'See https://pypi.org/help/#description-content-type for more information.';

/** Signs of a Markdown readme. */
const MARKDOWN_SIGNS: Array<[RegExp, string]> = [
  [/^```/m, 'a ``` code fence'],
  [/^#{1,6} \S/m, 'a "# heading"'],
  [/\[[^\]\n]+\]\([^)\s]+\)/, 'a [text](link)'],
];

/** Checks how PyPI will render the description. */
export function checkDescription(metadata: CoreMetadata, found: Findings): void {
  const text = metadata.fields.get('description')?.[0] ?? metadata.body;
  if (!text || !text.trim()) return;
  const declared = sentValues(metadata, 'description-content-type')[0];
  const type = (declared ?? 'text/x-rst').split(';')[0]?.trim().toLowerCase();
  if (type !== 'text/x-rst') return;
  const message = declared
    ? `The description failed to render for '${declared}'. ${HELP}`
    : `The description failed to render in the default format of reStructuredText. ${HELP}`;
  const disabled = /^\.\. +(raw|include)::/m.exec(text)?.[1];
  if (disabled) {
    found.refuse(
      'description-rst',
      message,
      `PyPI switches off the reST "${disabled}" directive: remove it from the readme.`,
    );
    return;
  }
  // Markdown read as reST often renders (badly) and sometimes fails: said, not refused.
  const markdown = declared ? undefined : MARKDOWN_SIGNS.find(([pattern]) => pattern.test(text));
  if (markdown)
    found.warn(
      `${found.filename}: its description looks like Markdown (${markdown[1]}) but has no Description-Content-Type, so PyPI renders it as reStructuredText: it shows as plain text at best, and PyPI refuses the upload if docutils warns. Set \`readme = "README.md"\` (or \`content-type = "text/markdown"\`) in pyproject.toml.`,
    );
  found.warn(
    `${found.filename}: PyPI renders its description as reStructuredText${declared ? '' : ' (it has no Description-Content-Type)'} and refuses the upload on any docutils warning; the action cannot run docutils, so this is not checked. Check it with \`twine check --strict\`, or set the readme's content type to text/markdown.`,
  );
}
