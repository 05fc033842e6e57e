import { dirname, relative, resolve, sep } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first. A folder imports only from folders of lower layers (and the
 * domain folders, which share a layer, from each other); steps never import steps; nothing
 * imports the entry points. sandbox/ models the services and never imports src/.
 */
const LAYERS = [
  ['core'],
  ['digests'],
  ['config', 'http'],
  ['github'],
  ['distributions', 'pypi', 'provenance', 'verify', 'release'],
  ['custody'],
  ['steps'],
];
const DOMAIN = 4;
const RANK = new Map(LAYERS.flatMap((layer, rank) => layer.map((folder) => [folder, rank])));
const NODE_ALIASES = [
  { name: 'path', message: 'Use node:path.' },
  { name: 'fs', message: 'Use node:fs.' },
];

const SRC = resolve(import.meta.dirname, 'src');
const SANDBOX = resolve(import.meta.dirname, 'sandbox');
const inside = (root, path) => {
  const rel = relative(root, path);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? rel.split(sep) : undefined;
};

/** Why the file at `file` may not import `specifier`, or undefined when it may. */
function layerViolation(file, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(file), specifier);
  if (inside(SANDBOX, file))
    return inside(SRC, target)
      ? 'A stand-in is an independent check of the action: it never runs src/.'
      : undefined;
  const [from, ...fromRest] = inside(SRC, file) ?? [];
  const [to, ...toRest] = inside(SRC, target) ?? [];
  // The entry points compose everything; what is outside src/ is not layered.
  if (!from || fromRest.length === 0 || !to) return undefined;
  if (toRest.length === 0)
    return 'Only the entry points live at src/ top level, and nothing imports them.';
  if (from === 'steps' && to === 'steps') return 'A step never imports another step.';
  const [a, b] = [RANK.get(from), RANK.get(to)];
  if (a === undefined || b === undefined || from === to) return undefined;
  if (b > a || (b === a && a !== DOMAIN))
    return `src/${from}/ sits below src/${to}/ and may not import it (see README, Development).`;
  return undefined;
}

/**
 * The layering as a rule: every relative import of a file under src/ or sandbox/, resolved to
 * the folder it reaches at any depth: static imports, re-exports, `import()` and type imports.
 * An `import()` of a computed specifier cannot be checked, so it is refused.
 */
const layering = {
  meta: { type: 'problem', schema: [], messages: { layer: '{{reason}}' } },
  create(context) {
    const file = context.filename;
    if (!inside(SRC, file) && !inside(SANDBOX, file)) return {};
    const check = (node, specifier) => {
      const reason =
        typeof specifier === 'string'
          ? layerViolation(file, specifier)
          : 'An import() of a computed specifier cannot be checked against the layers: import a literal path.';
      if (reason) context.report({ node, messageId: 'layer', data: { reason } });
    };
    const withSource = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: withSource,
      ExportNamedDeclaration: withSource,
      ExportAllDeclaration: withSource,
      ImportExpression(node) {
        const { source } = node;
        if (source.type === 'Literal') check(source, source.value);
        else if (source.type === 'TemplateLiteral' && source.expressions.length === 0)
          check(source, source.quasis[0].value.cooked);
        else check(source, undefined);
      },
      TSImportType(node) {
        const literal = node.argument?.literal ?? node.argument;
        if (literal?.type === 'Literal') check(literal, literal.value);
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'fixtures/dists/',
      'demo-output/',
      '.tmp/',
      'bench/.work/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: NODE_ALIASES }],
    },
  },
  {
    files: ['src/**/*.ts', 'sandbox/**/*.ts'],
    plugins: { release: { rules: { layering } } },
    rules: { 'release/layering': 'error' },
  },
);
