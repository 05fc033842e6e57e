/**
 * The Warehouse stand-in against the PyPI case table (fixtures/pypi-cases.json), through real
 * uploads: curl posts each case's file as a plain multipart form, so no part of the action is
 * in the way, and the stand-in must accept or refuse it with PyPI's message, as the table
 * quotes the reference. A sample goes through the action's publish as well.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startPipeline, type Pipeline } from '../../sandbox/pipeline.ts';
import { startWarehouse } from '../../sandbox/warehouse.ts';
import {
  buildCase,
  caseCoreMetadata,
  PYPI_CASES,
  type PypiCase,
} from '../../fixtures/pypi-cases.ts';

const run = promisify(execFile);

/**
 * Cases also sent by the action's own publish (`index-rules: none`, so its copy of the rules
 * stays out of the way): the form it builds from each file must be judged as curl's is. Others
 * the action refuses to send on its own account (dynamic-name, metadata-version-2.6).
 */
const SAMPLE = new Set([
  'plain-wheel',
  'plain-sdist',
  'zeros-8-mib',
  'classifier-unknown',
  'license-expression-unknown-id',
  'description-rst-raw',
  'entry-points-duplicate-key',
  'platform-linux_x86_64',
  'stdlib-name-new-project',
]);

const TOKEN = 'pypi-case-table-token';
let pipeline: Pipeline;
beforeAll(async () => {
  pipeline = await startPipeline();
});
afterAll(async () => {
  await pipeline?.close();
});

async function caseIndex(c: PypiCase) {
  const index = await startWarehouse({
    name: 'pypi',
    verifyToken: () => {
      throw new Error('no trusted publishing here');
    },
    trustedRoot: {},
  });
  index.addApiToken(TOKEN);
  if (!c.newProject) index.createProject(c.name ?? 'demo');
  return index;
}

async function uploadCase(c: PypiCase) {
  const index = await caseIndex(c);
  try {
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

/** The form field of a core-metadata header, as upload clients name them. */
const FORM_FIELD: Record<string, string> = {
  classifier: 'classifiers',
  'project-url': 'project_urls',
};

/**
 * Posts the case's file with curl, as a plain multipart form with the metadata as PyPI
 * receives it (`caseCoreMetadata`, not the action's parser): no part of the action is in the
 * way. Returns the status and the body (which carries Warehouse's message).
 */
async function curlCase(c: PypiCase) {
  const index = await caseIndex(c);
  const dir = await mkdtemp(join(tmpdir(), 'pypi-case-'));
  try {
    const path = await buildCase(c, dir);
    const metadata = caseCoreMetadata(c);
    const sdist = path.endsWith('.tar.gz');
    const fields: [string, string][] = [
      [':action', 'file_upload'],
      ['protocol_version', '1'],
      ['filetype', sdist ? 'sdist' : 'bdist_wheel'],
      ['pyversion', sdist ? 'source' : 'py3'],
      [
        'sha256_digest',
        createHash('sha256')
          .update(await readFile(path))
          .digest('hex'),
      ],
      ...[...metadata.fields].flatMap(([key, values]) =>
        values.map((v): [string, string] => [FORM_FIELD[key] ?? key.replace(/-/g, '_'), v]),
      ),
      ['description', metadata.body ?? ''],
    ];
    const { stdout } = await run('curl', [
      '--silent',
      '--show-error',
      '--user',
      `__token__:${TOKEN}`,
      ...fields.flatMap(([k, v]) => ['--form-string', `${k}=${v}`]),
      '--form',
      `content=@${path};type=application/octet-stream`,
      '--write-out',
      '\n%{http_code}',
      index.uploadUrl,
    ]);
    const status = Number(stdout.slice(stdout.lastIndexOf('\n') + 1));
    return { status, body: stdout, stored: index.files(c.name ?? 'demo') };
  } finally {
    await index.close();
    await rm(dir, { recursive: true, force: true });
  }
}

describe('the Warehouse stand-in agrees with the PyPI case table', () => {
  for (const c of PYPI_CASES) {
    it(c.id, async () => {
      const { status, body, stored } = await curlCase(c);
      if (c.verdict === 'accepted') {
        expect(status, body).toBe(200);
        expect(stored).toHaveLength(1);
        return;
      }
      expect(status, body).toBeGreaterThanOrEqual(400);
      expect(body).toContain(c.message as string);
      expect(stored).toEqual([]);
    });
  }
});

describe("what the action's publish sends is judged alike", () => {
  for (const c of PYPI_CASES.filter((c) => SAMPLE.has(c.id))) {
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
