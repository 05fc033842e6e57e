// The artifact stand-in driven by the real @actions/artifact client, in-process, plus the wire
// details the client never exercises on its own (bad hash, bad signature, block order).
import { DefaultArtifactClient } from '@actions/artifact';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeRuntimeToken,
  type ArtifactOperation,
  type Fault,
} from '../../sandbox/artifact-service.ts';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';

/** Just over the client's 8 MiB block size, so the zip goes up in two concurrent blocks. */
const BIG_FILE_BYTES = 8 * 1024 * 1024 + 4096;
const TWIRP = '/twirp/github.actions.results.api.v1.ArtifactService/';

let sandbox: Sandbox;
let dir: string;
const operations: ArtifactOperation[] = [];
let inject: ((operation: ArtifactOperation) => Fault) | undefined;
let earlierAttemptsGone = false;
const files: Record<string, Buffer> = {
  'a.txt': Buffer.from('hello\n'),
  'nested/b.json': Buffer.from('{"b":1}\n'),
  'big.bin': randomBytes(BIG_FILE_BYTES),
};

beforeAll(async () => {
  sandbox = await startSandbox({
    artifacts: {
      faults: ({ operation }) => {
        operations.push(operation);
        return inject?.(operation);
      },
      earlierAttemptNotFound: () => earlierAttemptsGone,
    },
  });
  dir = await mkdtemp(join(tmpdir(), 'artifact-service-'));
  await mkdir(join(dir, 'src', 'nested'), { recursive: true });
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, 'src', name), bytes);
});
afterAll(async () => {
  await sandbox.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs `action` with the job's runner variables on process.env, as the client reads them. */
async function asJob<T>(env: Record<string, string>, action: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  const write = process.stdout.write;
  Object.assign(process.env, { GITHUB_SERVER_URL: 'https://github.com' }, env);
  // The client logs through @actions/core on stdout; its errors carry what a failure needs.
  process.stdout.write = (() => true) as typeof write;
  try {
    return await action();
  } finally {
    process.stdout.write = write;
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
}

const client = new DefaultArtifactClient();
const sourcePaths = (): string[] => Object.keys(files).map((name) => join(dir, 'src', name));
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('artifact service with the real @actions/artifact client', () => {
  it('uploads in blocks, lists, and downloads byte for byte', async () => {
    const job = sandbox.runnerEnv({ job: 'build', matrix: 'linux' });
    const uploaded = await asJob(job, () =>
      client.uploadArtifact('dists-linux', sourcePaths(), join(dir, 'src'), {
        compressionLevel: 0,
      }),
    );
    expect(operations.filter((op) => op === 'StageBlock').length).toBeGreaterThanOrEqual(2);
    const [stored] = sandbox.artifacts.list().filter((a) => a.name === 'dists-linux');
    expect(stored).toMatchObject({ id: uploaded.id, size: uploaded.size });
    expect(stored?.digest).toBe(`sha256:${uploaded.digest}`);
    expect(`sha256:${sha256(await sandbox.artifacts.read(uploaded.id ?? 0))}`).toBe(stored?.digest);

    const listed = await asJob(job, () => client.listArtifacts());
    expect(listed.artifacts).toEqual([
      expect.objectContaining({ name: 'dists-linux', id: uploaded.id, size: uploaded.size }),
    ]);
    expect(listed.artifacts[0]?.digest).toBe(stored?.digest);

    // Another job of the same run downloads it, as a fan-in job does.
    const out = join(dir, 'out');
    const downloaded = await asJob(sandbox.runnerEnv({ job: 'release' }), () =>
      client.downloadArtifact(uploaded.id ?? 0, { path: out, expectedHash: stored?.digest }),
    );
    expect(downloaded.digestMismatch).toBe(false);
    for (const [name, bytes] of Object.entries(files)) {
      expect((await readFile(join(out, name))).equals(bytes), name).toBe(true);
    }
  });

  it('serves a skipArchive upload raw, under its own name', async () => {
    const job = sandbox.runnerEnv({ job: 'raw' });
    const uploaded = await asJob(job, () =>
      client.uploadArtifact('ignored', [join(dir, 'src', 'a.txt')], join(dir, 'src'), {
        skipArchive: true,
      }),
    );
    const out = join(dir, 'raw-out');
    await asJob(job, () => client.downloadArtifact(uploaded.id ?? 0, { path: out }));
    expect(await readFile(join(out, 'a.txt'))).toEqual(files['a.txt']);
  });

  it('refuses a second artifact with the same name in the run, with the backend message', async () => {
    const upload = (job: string) =>
      asJob(sandbox.runnerEnv({ job }), () =>
        client.uploadArtifact('same-name', [join(dir, 'src', 'a.txt')], join(dir, 'src')),
      );
    await upload('first');
    await expect(upload('second')).rejects.toThrow(
      '(409) Conflict: an artifact with this name already exists on the workflow run',
    );
  });

  it('lets a re-run attempt reuse a name; latest picks the newest', async () => {
    const upload = (runAttempt: number) =>
      asJob(sandbox.runnerEnv({ job: 'rerun', runAttempt }), () =>
        client.uploadArtifact('rerun-name', [join(dir, 'src', 'a.txt')], join(dir, 'src')),
      );
    await upload(1);
    const second = await upload(2);
    const env = sandbox.runnerEnv({ job: 'rerun', runAttempt: 2 });
    const all = await asJob(env, () => client.listArtifacts());
    expect(all.artifacts.filter((a) => a.name === 'rerun-name')).toHaveLength(2);
    const latest = await asJob(env, () => client.listArtifacts({ latest: true }));
    expect(latest.artifacts.filter((a) => a.name === 'rerun-name')).toEqual([
      expect.objectContaining({ id: second.id }),
    ]);
  });

  it("lists an earlier attempt's artifact to a re-run, and can refuse to serve it", async () => {
    const first = await asJob(sandbox.runnerEnv({ job: 'leg', runAttempt: 1 }), () =>
      client.uploadArtifact('leg-attempt-1', [join(dir, 'src', 'a.txt')], join(dir, 'src')),
    );
    const later = sandbox.runnerEnv({ job: 'sign', runAttempt: 2 });
    const listed = await asJob(later, () => client.listArtifacts());
    expect(listed.artifacts.map((a) => a.id)).toContain(first.id);
    const target = join(dir, 'earlier');
    await asJob(later, () => client.downloadArtifact(first.id ?? 0, { path: target }));
    expect(await readFile(join(target, 'a.txt'))).toEqual(files['a.txt']);
    earlierAttemptsGone = true;
    try {
      await expect(
        asJob(later, () => client.downloadArtifact(first.id ?? 0, { path: join(dir, 'gone') })),
      ).rejects.toThrow(/workflow run not found/);
      // The attempt that uploaded it still gets it.
      const own = sandbox.runnerEnv({ job: 'sign', runAttempt: 1 });
      await asJob(own, () => client.downloadArtifact(first.id ?? 0, { path: join(dir, 'own') }));
    } finally {
      earlierAttemptsGone = false;
    }
  });

  it('keeps workflow runs apart', async () => {
    const otherRun = sandbox.runnerEnv({ job: 'build', runId: '9999' });
    const listed = await asJob(otherRun, () => client.listArtifacts());
    expect(listed.artifacts).toEqual([]);
    const theirs = sandbox.artifacts.list().find((a) => a.name === 'dists-linux')?.id ?? 0;
    await expect(asJob(otherRun, () => client.getArtifact('dists-linux'))).rejects.toThrow(
      'Artifact not found',
    );
    await expect(
      asJob(otherRun, () => client.downloadArtifact(theirs, { path: join(dir, 'x') })),
    ).rejects.toThrow(`No artifacts found for ID: ${theirs}`);
  });

  it('injects the faults a test asks for', async () => {
    const env = sandbox.runnerEnv({ job: 'build' });
    try {
      inject = (operation) => (operation === 'ListArtifacts' ? 'reset' : undefined);
      await expect(asJob(env, () => client.listArtifacts())).rejects.toThrow('ECONNRESET');
      inject = (operation) => (operation === 'ListArtifacts' ? 403 : undefined);
      await expect(asJob(env, () => client.listArtifacts())).rejects.toThrow(
        '(403) Forbidden: fault injected into ListArtifacts',
      );
    } finally {
      inject = undefined;
    }
  });

  it('answers 401 to a runtime token it did not sign', async () => {
    const env = sandbox.runnerEnv({ job: 'build' });
    const forged = env.ACTIONS_RUNTIME_TOKEN?.replace(/\.[^.]+$/, '.c2lnbmF0dXJl') ?? '';
    await expect(
      asJob({ ...env, ACTIONS_RUNTIME_TOKEN: forged }, () => client.listArtifacts()),
    ).rejects.toThrow('(401) Unauthorized');
  });
});

describe('artifact service wire details', () => {
  const ids = { runBackendId: 'run-raw', jobBackendId: 'job-raw' };
  const token = makeRuntimeToken(ids);
  const scope = { workflow_run_backend_id: 'run-raw', workflow_job_run_backend_id: 'job-raw' };

  async function rpc(method: string, body: object): Promise<{ status: number; json: Json }> {
    const response = await fetch(`${sandbox.artifacts.url}${TWIRP}${method}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...scope, ...body }),
    });
    return { status: response.status, json: (await response.json()) as Json };
  }
  type Json = Record<string, string | boolean | undefined>;
  const put = (url: string, body: string) => fetch(url, { method: 'PUT', body });
  const blockId = (n: number) => Buffer.from(`block-${n}`).toString('base64');

  it('assembles blocks in list order whatever order they arrive in, and checks the hash', async () => {
    const created = await rpc('CreateArtifact', { name: 'raw', version: 7 });
    const url = String(created.json.signed_upload_url);
    expect(
      (await put(`${url}&comp=block&blockid=${encodeURIComponent(blockId(2))}`, 'world')).status,
    ).toBe(201);
    expect(
      (await put(`${url}&comp=block&blockid=${encodeURIComponent(blockId(1))}`, 'hello ')).status,
    ).toBe(201);
    const list = `<?xml version="1.0" encoding="utf-8"?><BlockList><Latest>${blockId(1)}</Latest><Latest>${blockId(2)}</Latest></BlockList>`;
    expect((await put(`${url}&comp=blocklist`, list)).status).toBe(201);

    const digest = `sha256:${sha256(Buffer.from('hello world'))}`;
    const wrong = await rpc('FinalizeArtifact', {
      name: 'raw',
      size: '11',
      hash: `sha256:${'0'.repeat(64)}`,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.msg).toMatch(/hash/);
    const done = await rpc('FinalizeArtifact', { name: 'raw', size: '11', hash: digest });
    expect(done.json).toMatchObject({ ok: true, artifact_id: expect.stringMatching(/^\d+$/) });

    const signed = await rpc('GetSignedArtifactURL', { name: 'raw' });
    const download = await fetch(String(signed.json.signed_url));
    expect(download.headers.get('content-type')).toBe('application/zip');
    expect(await download.text()).toBe('hello world');
  });

  it('checks the sig of signed URLs and answers 404 for unknown artifacts', async () => {
    const created = await rpc('CreateArtifact', { name: 'sig', version: 7 });
    const url = new URL(String(created.json.signed_upload_url));
    url.searchParams.set('sig', 'forged');
    const forged = await put(`${url.href}&comp=block&blockid=${blockId(1)}`, 'x');
    expect(forged.status).toBe(403);
    expect(forged.headers.get('x-ms-error-code')).toBe('AuthenticationFailed');

    const missing = await rpc('GetSignedArtifactURL', { name: 'no-such-artifact' });
    expect(missing).toMatchObject({ status: 404, json: { code: 'not_found' } });
    expect((await rpc('DeleteArtifact', { name: 'no-such-artifact' })).status).toBe(404);
  });
});
