// The held-back corpus, server answers: loopback servers posing as GitHub's API, the OIDC
// token service and Fulcio answer with HTML, wrong shapes, drips, silence, loops and redirects
// to another host. Every run of dist/index.js ends within its bound, refused with one typed
// error or accepted, and no token reaches a server it does not belong to.
import { mkdir } from 'node:fs/promises';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { FIXTURES } from '../../sandbox/pipeline.ts';
import { GITHUB_CASES, SIGNING_CASES, type Role, type ServerCase } from './server-cases.ts';
import {
  caseFolder,
  expectVerdict,
  leaks,
  runIn,
  startHostile,
  type CaseFolder,
  type HostileServer,
} from './world.ts';

const ALL = process.env.CORPUS_ALL === '1';
/** Each client gives up after this long; the run must end well within TIME_BOUND_MS. */
const CLIENT_TIMEOUT_MS = 1500;
const TIME_BOUND_MS = 25_000;
const GITHUB_TOKEN = 'ghs_corpusToken0123456789abcdefghijkl';
const WHEEL = 'hatch_demo-0.1.0-py3-none-any.whl';

let sandbox: Sandbox;
const folders: CaseFolder[] = [];
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await Promise.all(folders.map((f) => f.remove()));
  await sandbox?.close();
});

async function runCase(c: ServerCase): Promise<void> {
  const roles: Role[] = ['github', 'oidc', 'fulcio', 'elsewhere'];
  const servers = Object.fromEntries(
    await Promise.all(roles.map(async (role) => [role, await startHostile(role)] as const)),
  ) as Record<Role, HostileServer>;
  const urls = Object.fromEntries(roles.map((r) => [r, servers[r].url])) as Record<Role, string>;
  const folder = await caseFolder();
  folders.push(folder);
  try {
    for (const role of roles) {
      const make = c.handlers[role];
      if (make) servers[role].handle(make(urls));
    }
    const oidc = sandbox.idTokenEnv();
    const requestToken = oidc.ACTIONS_ID_TOKEN_REQUEST_TOKEN as string;
    const env = {
      RELEASE_ACTION_TIMEOUT_MS: String(CLIENT_TIMEOUT_MS),
      GITHUB_API_URL: urls.github,
      ...(c.handlers.oidc
        ? {
            ACTIONS_ID_TOKEN_REQUEST_URL: `${urls.oidc}/token`,
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
          }
        : {
            ACTIONS_ID_TOKEN_REQUEST_URL: oidc.ACTIONS_ID_TOKEN_REQUEST_URL,
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
          }),
    };
    const fulcio = c.handlers.fulcio ? urls.fulcio : sandbox.sigstore.url;
    if (c.step === 'provenance') {
      await mkdir(join(folder.workspace, 'dist'), { recursive: true });
      await copyFile(join(FIXTURES, WHEEL), join(folder.workspace, 'dist', WHEEL));
      const { run } = await runIn(folder, {
        inputs: { step: 'collect', 'upload-artifact': 'false' },
        timeoutMs: TIME_BOUND_MS,
      });
      expect(run.exitCode, run.stdout).toBe(0);
    }
    const inputs: Record<string, string> =
      c.step === 'index'
        ? { step: 'index' }
        : {
            step: 'provenance',
            from: 'folder',
            'fulcio-url': fulcio,
            'rekor-url': sandbox.sigstore.url,
          };
    const { run, ms } = await runIn(folder, {
      inputs,
      env,
      githubToken: GITHUB_TOKEN,
      timeoutMs: TIME_BOUND_MS,
    });
    await expectVerdict(c.name, run, folder, c.verdict, c.names);
    expect(ms, c.name).toBeLessThan(TIME_BOUND_MS);
    // Each secret goes only to the service it is for.
    const idTokens = sandbox.oidc.issued;
    const belongs: Record<Role, string[]> = {
      github: [GITHUB_TOKEN],
      oidc: [requestToken],
      fulcio: idTokens,
      elsewhere: [],
    };
    const secrets = [GITHUB_TOKEN, requestToken, ...idTokens];
    for (const role of roles) {
      const foreign = secrets.filter((s) => !belongs[role].includes(s));
      expect(leaks(servers[role].requests, foreign), `${c.name}: a token reached ${role}`).toEqual(
        [],
      );
    }
  } finally {
    await Promise.all(roles.map((r) => servers[r].close()));
  }
}

const cases = [...GITHUB_CASES, ...SIGNING_CASES].filter((c) => ALL || !c.slow);

describe.concurrent('hostile server answers', () => {
  for (const c of cases) {
    if (c.verdict.knownGap)
      it.fails(`${c.name} (known gap: ${c.verdict.knownGap})`, () => runCase(c));
    else it(c.name, () => runCase(c));
  }
});
