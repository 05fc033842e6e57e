// The held-back corpus, archives: every hostile or unlucky wheel and sdist goes through
// dist/index.js `step: collect` as a runner runs it, and ends refused with one typed error that
// names the file and says what to do, or accepted; an accepted one must read the same in
// CPython's zipfile/tarfile and pip (the independent oracle), never only in the action.
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { actionView, disagreement, oracle } from '../helpers/cpython.ts';
import { FIXTURES } from '../../sandbox/pipeline.ts';
import { ARCHIVE_CASES, type ArchiveCase } from './archive-cases.ts';
import { caseFolder, expectVerdict, runIn, type CaseFolder } from './world.ts';

const ALL = process.env.CORPUS_ALL === '1';
const TIME_BOUND_MS = 20_000;
const folders: CaseFolder[] = [];
afterAll(async () => {
  await Promise.all(folders.map((f) => f.remove()));
});

/** Accepted archives, read again by the oracle at the end in one Python process. */
const acceptedPaths: string[] = [];

async function collect(folder: CaseFolder, inputs: Record<string, string> = {}) {
  return runIn(folder, {
    inputs: { step: 'collect', 'upload-artifact': 'false', ...inputs },
    timeoutMs: TIME_BOUND_MS,
  });
}

describe.concurrent('hostile and unlucky archives through step: collect', () => {
  const cases = ARCHIVE_CASES.filter((c) => ALL || !c.slow);
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c: ArchiveCase) => {
    const folder = await caseFolder();
    folders.push(folder);
    const dist = join(folder.workspace, 'dist');
    await mkdir(dist, { recursive: true });
    const path = join(dist, c.filename);
    await c.write(path);
    const { run, ms } = await collect(folder);
    await expectVerdict(c.name, run, folder, c.verdict, c.filename);
    expect(ms).toBeLessThan(TIME_BOUND_MS);
    if ('accepted' in c.verdict) acceptedPaths.push(path);
  });

  it.each([
    'hatch_demo-0.1.0-py3-none-any.whl',
    'hatch_demo-0.1.0.tar.gz',
    'flit_demo-2.0-py2.py3-none-any.whl',
    'st_demo-1.0-py3-none-any.whl',
  ])('a real build: %s', async (fixture) => {
    const folder = await caseFolder();
    folders.push(folder);
    await mkdir(join(folder.workspace, 'dist'), { recursive: true });
    await copyFile(join(FIXTURES, fixture), join(folder.workspace, 'dist', fixture));
    const { run } = await collect(folder);
    await expectVerdict(fixture, run, folder, { accepted: true });
  });
});

describe('every archive the action accepted', () => {
  it('reads the same in CPython and pip', async () => {
    expect(acceptedPaths.length).toBeGreaterThan(5);
    const views = await oracle(acceptedPaths);
    for (const path of acceptedPaths) {
      const ours = await actionView(path);
      if (!Array.isArray(ours)) throw new Error(`${path}: ${ours.message}`);
      expect(disagreement(ours, views[path] as never, path.endsWith('.tar.gz')), path).toBe(
        undefined,
      );
    }
  });
});
