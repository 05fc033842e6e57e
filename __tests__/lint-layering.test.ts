// The layering rule of eslint.config.js, run through ESLint's own API on snippets placed at
// given paths: each forbidden import (at any depth, static, re-exported, `import()` or a type
// import) is reported, and the imports the code base relies on are not.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

/** The layering messages ESLint reports for `code` as the file at `path`. */
async function layering(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'release/layering')
    .map((m) => m.message);
}

describe('forbidden imports are reported', () => {
  it.each([
    [
      'src/pypi/rules/foo.ts',
      "import { x } from '../../steps/publish.ts';",
      /sits below src\/steps/,
    ],
    ['src/pypi/rules/foo.ts', "import { x } from '../../custody/gather.ts';", /below src\/custody/],
    [
      'src/core/errors2.ts',
      "await import('../github/x.ts');",
      /src\/core\/ sits below src\/github/,
    ],
    ['src/steps/publish.ts', "await import('./release.ts');", /A step never imports another step/],
    ['src/steps/publish.ts', "import { resolveTag } from './release.ts';", /never imports another/],
    ['src/github/x.ts', "export * from '../release/plan.ts';", /src\/github\/ sits below/],
    ['src/github/x.ts', "export { plan } from '../release/plan.ts';", /src\/github\/ sits below/],
    [
      'src/config/x.ts',
      "import { f } from '../http/fetch.ts';",
      /src\/config\/ sits below src\/http/,
    ],
    ['src/verify/x.ts', "import { run } from '../main.ts';", /Only the entry points/],
    ['src/core/x.ts', "type T = typeof import('../steps/x.ts');", /below src\/steps/],
    ['src/core/x.ts', 'const name = "x"; await import(name);', /computed specifier/],
    ['src/core/x.ts', 'await import(`../custody/${"x"}.ts`);', /computed specifier/],
    ['sandbox/x.ts', "import { e } from '../src/core/errors.ts';", /never runs src/],
    ['sandbox/deep/x.ts', "import { e } from '../../src/core/errors.ts';", /never runs src/],
    ['sandbox/x.ts', "await import('../src/main.ts');", /never runs src/],
  ])('%s: %s', async (path, code, message) => {
    const messages = await layering(path, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });
});

describe('allowed imports are not', () => {
  it.each([
    ['src/main.ts', "await import('./steps/publish.ts');"],
    ['src/main.ts', "import { readSettings } from './config/inputs.ts';"],
    ['src/cli.ts', "import { runStep } from './main.ts';"],
    ['src/steps/publish.ts', "await import('../verify/bundles.ts');"],
    ['src/steps/publish.ts', "import { gather } from '../custody/gather.ts';"],
    ['src/pypi/rules/foo.ts', "import { f } from '../../github/errors.ts';"],
    ['src/pypi/rules/foo.ts', "import { p } from '../precheck.ts';"],
    ['src/pypi/rules/foo.ts', "import { q } from './other.ts';"],
    ['src/pypi/x.ts', "import { i } from '../verify/identity.ts';"],
    ['src/custody/x.ts', 'await import(`../verify/trust.ts`);'],
    ['src/core/x.ts', "import { readFile } from 'node:fs/promises'; await import('hash-wasm');"],
    ['src/github/x.ts', "import type { RetryPolicy } from '../http/retry.ts';"],
    ['sandbox/x.ts', "import { g } from './github.ts'; await import('../fixtures/x.ts');"],
  ])('%s: %s', async (path, code) => {
    expect(await layering(path, code)).toEqual([]);
  });
});
