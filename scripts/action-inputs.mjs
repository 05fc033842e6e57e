// Writes src/config/action-inputs.ts from action.yml: the inputs' names, descriptions and
// defaults, embedded at build time so the bundles never parse YAML (or look for action.yml) at
// run time. __tests__/action-yml.test.ts fails when the file is stale.
// Usage: node scripts/action-inputs.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..');
const target = join(root, 'src', 'config', 'action-inputs.ts');

/** The TypeScript module for the given action.yml text. */
export function renderActionInputs(yamlText) {
  const action = parse(yamlText);
  const inputs = Object.entries(action.inputs ?? {}).map(([name, input]) => ({
    name,
    description: String(input.description ?? '').trim(),
    default: String(input.default ?? ''),
    required: input.required === true,
  }));
  return [
    '// Generated from action.yml by scripts/action-inputs.mjs: do not edit by hand.',
    '// Run `npm run action-inputs` after changing the inputs in action.yml (the bundles render',
    '// their own copy from action.yml; this one is for the type checker and the unit tests).',
    '',
    '/** One input as action.yml declares it. */',
    'export interface ActionInput {',
    '  name: string;',
    '  description: string;',
    '  default: string;',
    '  required: boolean;',
    '}',
    '',
    '/** Every input of action.yml, in its order. */',
    `export const ACTION_INPUTS: readonly ActionInput[] = ${JSON.stringify(inputs, null, 2)};`,
    '',
  ].join('\n');
}

if (process.argv[1] === import.meta.filename) {
  const text = renderActionInputs(readFileSync(join(root, 'action.yml'), 'utf8'));
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== text) {
      console.error('src/config/action-inputs.ts is stale: run `npm run action-inputs`.');
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
  }
}
