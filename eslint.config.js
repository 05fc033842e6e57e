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
const NODE_ALIASES = [
  { name: 'path', message: 'Use node:path.' },
  { name: 'fs', message: 'Use node:fs.' },
];

function layerRules() {
  return LAYERS.flatMap((layer, rank) =>
    layer.map((folder) => {
      const above = LAYERS.slice(rank + 1).flat();
      const peers = rank === 4 ? [] : layer.filter((other) => other !== folder);
      const banned = [...above, ...peers].map((name) => ({
        group: [`../${name}/*`],
        message: `src/${folder}/ sits below src/${name}/ and may not import it (see README, Development).`,
      }));
      banned.push({
        group: ['../*.ts'],
        message: 'Only the entry points live at src/ top level, and nothing imports them.',
      });
      if (folder === 'steps')
        banned.push({ group: ['./*'], message: 'A step never imports another step.' });
      return {
        files: [`src/${folder}/**/*.ts`],
        rules: { 'no-restricted-imports': ['error', { paths: NODE_ALIASES, patterns: banned }] },
      };
    }),
  );
}

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
  ...layerRules(),
  {
    files: ['sandbox/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_ALIASES,
          patterns: [
            {
              group: ['../src/*', '../../src/*'],
              message: 'A stand-in is an independent check of the action: it never runs src/.',
            },
          ],
        },
      ],
    },
  },
);
