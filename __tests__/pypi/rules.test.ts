import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDistributionFilename } from '../../src/distributions/filenames.ts';
import { inspectDistribution } from '../../src/distributions/inspect.ts';
import {
  applyIndexRules,
  checkForIndex,
  checkSetForIndex,
  isPypiPlatformTag,
  readFacts,
  type DistributionFacts,
} from '../../src/pypi/rules/index.ts';
import { FIXTURES } from '../../sandbox/pipeline.ts';
import {
  buildCase,
  caseCoreMetadata,
  PYPI_CASES,
  type PypiCase,
} from '../../fixtures/pypi-cases.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pypi-rules-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Builds the case and reads its facts without the action's own archive checks. */
async function factsOf(c: PypiCase): Promise<DistributionFacts> {
  const path = await buildCase(c, dir);
  const parsed = parseDistributionFilename(path.slice(dir.length + 1));
  const metadata = caseCoreMetadata(c);
  return readFacts({ path, parsed, metadata });
}

describe('the PyPI case table', () => {
  it.each(PYPI_CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const facts = await factsOf(c);
    const verdict = checkSetForIndex([facts], 'pypi', { newProject: c.newProject });
    const messages = verdict.refusals.map((r) => r.message);
    if (c.verdict === 'accepted') {
      expect(messages).toEqual([]);
      return;
    }
    const wanted = c.message as string;
    expect(
      messages.some((m) => (c.match === 'prefix' ? m.startsWith(wanted) : m === wanted)),
      messages.join('\n'),
    ).toBe(true);
    for (const refusal of verdict.refusals) expect(refusal.fix).not.toBe('');
    // TestPyPI runs the same rules; a private index gets none.
    expect(checkSetForIndex([facts], 'testpypi', { newProject: c.newProject })).toEqual(verdict);
    expect(checkSetForIndex([facts], 'none')).toEqual({ refusals: [], warnings: [] });
  });
});

/**
 * The same table through what `collect` runs: the action's own archive reading and metadata
 * parser first, then the rules. A file PyPI accepts must pass both; one PyPI refuses must be
 * refused with PyPI's message, by the rules or (for what the parser refuses on its own
 * account, such as a Dynamic Name) by the parser, whose error then carries the same words.
 */
describe("the PyPI case table through the action's own reading", () => {
  it.each(PYPI_CASES.map((c) => [c.id, c] as const))('%s', async (_id, c) => {
    const folder = join(dir, `read-${c.id}`);
    await mkdir(folder);
    const path = await buildCase(c, folder);
    const warnings: string[] = [];
    const outcome = await inspectDistribution(path)
      .then((dist) =>
        applyIndexRules([dist], 'pypi', (m) => warnings.push(m), 'test', {
          newProject: c.newProject,
        }),
      )
      .then(
        () => undefined,
        (error: unknown) => error as Error & { hint?: string },
      );
    if (c.verdict === 'accepted') {
      expect(outcome?.message).toBeUndefined();
      return;
    }
    expect(outcome, 'refused').toBeDefined();
    expect(outcome?.message).toContain(c.message as string);
    expect(outcome?.hint).toBeTruthy();
  });
});

/**
 * Debian's readme_renderer (PyPI's renderer, an older release) renders reST as PyPI does. It is
 * one of the tools `npm test` installs (`scripts/system-tools.mjs`), and this file runs only
 * where they are (NEEDS_DEBIAN in ci.yml): a renderer that cannot be loaded fails each case, with
 * Python's error, instead of skipping them. Exit 3 is its refusal, anything else a failure to run.
 */
const RENDER = `import io, sys
from readme_renderer.rst import render
warnings = io.StringIO()  # render() calls tell() on it, which a pipe cannot answer
rendered = render(sys.stdin.read(), stream=warnings)
sys.stderr.write(warnings.getvalue())
sys.exit(0 if rendered is not None else 3)`;

describe('the description cases, checked by readme_renderer', () => {
  const rst = PYPI_CASES.filter(
    (c) =>
      c.description !== undefined &&
      (c.descriptionContentType === null || c.descriptionContentType === 'text/x-rst'),
  );
  it.each(rst.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const rendered = spawnSync('/usr/bin/python3', ['-c', RENDER], { input: c.description });
    expect([0, 3], `readme_renderer ran: ${String(rendered.stderr)}`).toContain(rendered.status);
    expect(rendered.status === 0 ? 'accepted' : 'refused').toBe(c.verdict);
  });
});

describe('the repository fixtures', () => {
  const fixtures = [
    'hatch_demo-0.1.0-py3-none-any.whl',
    'hatch_demo-0.1.0-1-py3-none-any.whl',
    'hatch_demo-0.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl',
    'hatch_demo-0.1.0.tar.gz',
    'flit_demo-2.0.tar.gz',
    'flit_demo-2.0-py2.py3-none-any.whl',
    'st_demo-1.0-py3-none-any.whl',
  ];
  it.each(fixtures)('%s passes', async (file) => {
    const facts = await readFacts(await inspectDistribution(join(FIXTURES, file)));
    expect(checkForIndex(facts, 'pypi').refusals).toEqual([]);
  });

  it('refuses the dashed sdist through applyIndexRules, naming the fix and the way out', async () => {
    const dist = await inspectDistribution(join(FIXTURES, 'st-demo-1.0.tar.gz'));
    const warnings: string[] = [];
    const run = applyIndexRules([dist], 'pypi', (w) => warnings.push(w), 'nothing was uploaded');
    await expect(run).rejects.toThrow(
      "st-demo-1.0.tar.gz: PyPI answers \"Filename 'st-demo-1.0.tar.gz' is invalid, should be 'st_demo-1.0.tar.gz'.\"",
    );
    await expect(run).rejects.toMatchObject({ hint: expect.stringContaining('index-rules: none') });
    await expect(applyIndexRules([dist], 'none', () => undefined, '')).resolves.toEqual({
      refusals: [],
      warnings: [],
    });
  });
});

describe('rules checked on facts alone', () => {
  const base = (): Promise<DistributionFacts> =>
    factsOf({ id: 'base', verdict: 'accepted', reference: '' });

  it('refuses a file over 100 MiB with the link to ask for more', async () => {
    const facts = { ...(await base()), size: 100 * 1024 * 1024 + 1 };
    const [refusal] = checkForIndex(facts, 'pypi').refusals;
    expect(refusal?.message).toBe(
      "File too large. Limit for project 'demo' is 100 MB. See https://docs.pypi.org/project-management/storage-limits#requesting-a-file-size-limit-increase for more information.",
    );
  });

  it('refuses a release over the 10 GiB project limit', async () => {
    const one = { ...(await base()), size: 90 * 1024 * 1024 };
    const list = Array.from({ length: 114 }, () => one);
    expect(checkSetForIndex(list, 'pypi').refusals.map((r) => r.rule)).toEqual(['project-size']);
  });

  it('keeps the ratio rule to the whole archive over 64 MiB', async () => {
    const facts = await base();
    const small = { ...facts, size: 1000, uncompressedBytes: 64 * 1024 * 1024 };
    expect(checkForIndex(small, 'pypi').refusals).toEqual([]);
    const big = { ...facts, size: 1000, uncompressedBytes: 64 * 1024 * 1024 + 1 };
    expect(checkForIndex(big, 'pypi').refusals.map((r) => r.rule)).toEqual(['compression-ratio']);
  });

  it('warns loudly that a reST description is not proven to render', async () => {
    const facts = await factsOf({
      id: 'rst',
      descriptionContentType: null,
      description: 'Demo\n====\n\nText.\n',
      verdict: 'accepted',
      reference: '',
    });
    const verdict = checkForIndex(facts, 'pypi');
    expect(verdict.refusals).toEqual([]);
    expect(verdict.warnings.join('\n')).toMatch(/reStructuredText .*cannot run docutils/);
  });

  it('only warns about a standard-library name when the project may exist already', async () => {
    const facts = await factsOf({
      id: 'typing',
      name: 'typing',
      verdict: 'accepted',
      reference: '',
    });
    const verdict = checkSetForIndex([facts], 'pypi');
    expect(verdict.refusals).toEqual([]);
    expect(verdict.warnings.join('\n')).toMatch(/If typing is not on the index yet/);
    expect(verdict.warnings.join('\n')).toMatch(/`step: publish` asks each index/);
    // Known to exist (publish asked the index): nothing to say.
    expect(checkSetForIndex([facts], 'pypi', { newProject: false })).toEqual({
      refusals: [],
      warnings: [],
    });
  });

  it('explains the too-similar rule for a new project', async () => {
    const facts = await factsOf({
      id: 'iogging',
      name: 'Iogging',
      verdict: 'accepted',
      reference: '',
    });
    const verdict = checkSetForIndex([facts], 'pypi', { newProject: true });
    expect(verdict.warnings.join('\n')).toMatch(/'10gg1ng'/);
  });

  it.each([
    ['win_amd64', true],
    ['WIN_ARM64', true],
    ['manylinux_2_17_x86_64', true],
    ['manylinux_2_36_loongarch64', false],
    ['musllinux_1_1_riscv64', true],
    ['macosx_10_9_universal2', true],
    ['macosx_15_0_x86_64', true],
    ['macosx_25_0_arm64', false],
    ['ios_17_0_x86_64_iphonesimulator', true],
    ['android_21_armeabi_v7a', true],
    ['android_21_mips', false],
    ['emscripten_3_1_wasm32', false],
    ['linux_aarch64', false],
  ])('platform tag %s: %s', (tag, accepted) => {
    expect(isPypiPlatformTag(tag)).toBe(accepted);
  });
});
