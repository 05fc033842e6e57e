/**
 * The Warehouse stand-in against the PyPI case table (fixtures/pypi-cases.json), through real
 * uploads: the action's publish sends each case's file with its form fields (`index-rules:
 * none`, so the action's own copy of the rules stays out of the way), and the stand-in must
 * accept or refuse it with PyPI's message, as the table quotes the reference.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startPipeline, type Pipeline } from '../../sandbox/pipeline.ts';
import { startWarehouse } from '../../sandbox/warehouse.ts';
import { buildCase, PYPI_CASES, type PypiCase } from '../../fixtures/pypi-cases.ts';

/**
 * Cases whose check the stand-in does not model yet: they need PyPI's data (classifiers, SPDX
 * licenses, e-mail validation, reST rendering, stdlib names) or an archive reader (License-File,
 * entry points, platform tags, compression ratio). Each is a known gap, listed, not hidden.
 */
const NOT_MODELLED = new Set([
  'classifier-unknown',
  'classifier-private',
  'classifier-deprecated-with-replacement',
  'classifier-deprecated',
  'license-expression-unparsable',
  'license-expression-unknown-id',
  'license-expression-documentref',
  'license-file-pre-pep639-place',
  'license-file-missing-from-sdist',
  'author-email-no-dot',
  'author-email-special-use',
  'description-rst-raw',
  'description-default-include',
  'entry-points-space-in-name',
  'entry-points-duplicate-key',
  'platform-manylinux_2_36_loongarch64',
  'platform-linux_x86_64',
  'platform-macosx_16_0_arm64',
  'platform-macosx_11_1_arm64',
  'platform-musllinux_1_2_ppc64',
  'platform-manylinux2014_riscv64',
  'zeros-70-mib',
  'stdlib-name-new-project',
  'stdlib-dotted-prefix-new-project',
]);

/**
 * Cases the action refuses to send on its own account even with `index-rules: none` (its
 * parser and archive checks), so this route cannot put them before the stand-in.
 */
const NOT_SENDABLE = new Set(['dynamic-name', 'metadata-version-2.6']);

const TOKEN = 'pypi-case-table-token';
let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => {
  await pipeline?.close();
});

async function uploadCase(c: PypiCase) {
  const index = await startWarehouse({
    name: 'pypi',
    verifyToken: () => {
      throw new Error('no trusted publishing here');
    },
    trustedRoot: {},
  });
  try {
    index.addApiToken(TOKEN);
    if (!c.newProject) index.createProject(c.name ?? 'demo');
    const job = await pipeline.job(`case-${c.id}`);
    await buildCase(c, join(job.workspace, 'dist'));
    const run = await job.run({
      step: 'publish',
      from: 'folder',
      'require-provenance': 'false',
      'index-rules': 'none',
      password: TOKEN,
      environment: '',
      attestations: 'false',
      'repository-url': index.uploadUrl,
    });
    const posts = index.requests.filter((r) => r.method === 'POST' && r.path === '/legacy/');
    return { run, posts, stored: index.files(c.name ?? 'demo') };
  } finally {
    await index.close();
  }
}

describe('the Warehouse stand-in agrees with the PyPI case table', () => {
  for (const c of PYPI_CASES) {
    if (NOT_MODELLED.has(c.id) || NOT_SENDABLE.has(c.id)) {
      it.todo(
        `${c.id} (${NOT_MODELLED.has(c.id) ? 'not modelled by the stand-in yet' : 'the action will not send it'})`,
      );
      continue;
    }
    it(
      c.id,
      async () => {
        const { run, posts, stored } = await uploadCase(c);
        if (c.verdict === 'accepted') {
          expect(run.exitCode, errorOf(run)).toBe(0);
          expect(stored).toHaveLength(1);
          return;
        }
        expect(posts.length, `the file reached the index: ${errorOf(run)}`).toBeGreaterThan(0);
        expect(posts.at(-1)?.status).toBeGreaterThanOrEqual(400);
        expect(run.exitCode).toBe(1);
        expect(errorOf(run)).toContain(c.message as string);
        expect(stored).toEqual([]);
      },
      30_000,
    );
  }
});
