import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenLoopback } from '../../sandbox/http.ts';
import { publishToIndex, type PublishFile } from '../../src/pypi/publish-index.ts';
import type { SigningSession } from '../../src/provenance/sign.ts';
import { DEFAULT_RETRY_POLICY } from '../../src/http/retry.ts';

/**
 * The order of signing and uploading within one index: every attestation is signed before the
 * first upload (a signing failure leaves nothing on the index), then the sdist goes first. A
 * minimal index on loopback records what arrives when.
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'publish-order-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const metadata = {
  metadataVersion: '2.1',
  name: 'demo',
  version: '1.0',
  fields: new Map([
    ['metadata-version', ['2.1']],
    ['name', ['demo']],
    ['version', ['1.0']],
  ]),
};

async function files(): Promise<PublishFile[]> {
  const names = ['demo-1.0.tar.gz', 'demo-1.0-py3-none-any.whl', 'demo-1.0-1-py3-none-any.whl'];
  return Promise.all(
    names.map(async (filename, i) => {
      await writeFile(join(dir, filename), `bytes ${i}`);
      return {
        path: join(dir, filename),
        filename,
        kind: filename.endsWith('.whl') ? ('wheel' as const) : ('sdist' as const),
        pyversion: filename.endsWith('.whl') ? 'py3' : 'source',
        metadata,
        size: 7,
        sha256: String(i).repeat(64),
      };
    }),
  );
}

/** An index that takes every upload and lists what it took. */
async function index(events: string[]) {
  const taken: Array<{ filename: string; sha256: string }> = [];
  const server = await listenLoopback(async (req, res) => {
    if (req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += String(chunk);
      const filename = /filename="([^"]+)"/.exec(body)?.[1] ?? '';
      const sha256 = /name="sha256_digest"\r\n\r\n([0-9a-f]+)/.exec(body)?.[1] ?? '';
      events.push(`upload ${filename}`);
      taken.push({ filename, sha256 });
      res.writeHead(200).end('OK');
      return;
    }
    if (req.url?.startsWith('/pypi/') && taken.length > 0) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          urls: taken.map((f) => ({ filename: f.filename, digests: { sha256: f.sha256 } })),
        }),
      );
      return;
    }
    res.writeHead(404).end();
  });
  return server;
}

/** Signs when told to: each file's signature waits for `release(name)` (or `fail(name)`). */
function heldSession(events: string[]) {
  const held = new Map<string, { resolve: () => void; reject: (e: Error) => void }>();
  const session: SigningSession = {
    prefetchCertificate() {},
    async sign(statement) {
      const name = statement.subject[0]?.name ?? '';
      await new Promise<void>((resolve, reject) => held.set(name, { resolve, reject }));
      events.push(`signed ${name}`);
      return {
        mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        verificationMaterial: { certificate: { rawBytes: 'Y2VydA==' }, tlogEntries: [{}] },
        dsseEnvelope: { payload: 'e30=', payloadType: 'x', signatures: [{ sig: 'c2ln' }] },
      } as never;
    },
  };
  const until = async (name: string) => {
    while (!held.has(name)) await new Promise((r) => setTimeout(r, 5));
    return held.get(name) as { resolve: () => void; reject: (e: Error) => void };
  };
  return { session, until };
}

const log = { info() {}, warning() {}, result() {}, setSecret() {} };

function job(url: string, list: PublishFile[], session: SigningSession) {
  return {
    uploadUrl: `${url}/legacy/`,
    project: 'demo',
    version: '1.0',
    files: list,
    credentials: { password: 'token' },
    skipExisting: false,
    dryRun: false,
    concurrency: 8,
    log,
    policy: { ...DEFAULT_RETRY_POLICY, retries: 0 },
    sleep: async () => undefined,
    attest: { session },
  };
}

describe('signing and uploading in order', () => {
  it('signs every attestation before the first upload, then sends the sdist first', async () => {
    const events: string[] = [];
    const server = await index(events);
    const { session, until } = heldSession(events);
    const list = await files();
    try {
      const done = publishToIndex(job(server.url, list, session));
      (await until('demo-1.0.tar.gz')).resolve();
      (await until('demo-1.0-py3-none-any.whl')).resolve();
      await new Promise((r) => setTimeout(r, 100));
      expect(events.filter((e) => e.startsWith('upload'))).toEqual([]);
      (await until('demo-1.0-1-py3-none-any.whl')).resolve();
      await done;
      expect(events.slice(0, 4)).toEqual([
        'signed demo-1.0.tar.gz',
        'signed demo-1.0-py3-none-any.whl',
        'signed demo-1.0-1-py3-none-any.whl',
        'upload demo-1.0.tar.gz',
      ]);
      expect(events.filter((e) => e.startsWith('upload'))).toHaveLength(3);
    } finally {
      await server.close();
    }
  });

  it('a signing failure uploads nothing', async () => {
    const events: string[] = [];
    const server = await index(events);
    const { session, until } = heldSession(events);
    const list = await files();
    try {
      const done = publishToIndex(job(server.url, list, session));
      done.catch(() => undefined);
      (await until('demo-1.0.tar.gz')).resolve();
      (await until('demo-1.0-py3-none-any.whl')).resolve();
      const { ServiceError } = await import('../../src/core/errors.ts');
      (await until('demo-1.0-1-py3-none-any.whl')).reject(
        new ServiceError('Failed to sign: Rekor is down.'),
      );
      await expect(done).rejects.toThrow(/Rekor is down\./);
      expect(events.filter((e) => e.startsWith('upload'))).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
