// GitHub's trusted root from the runner's `gh` when no `trusted-root` is given: a fake `gh` on
// PATH stands in for GitHub's CLI, printing what `gh attestation trusted-root` prints (both
// roots as JSON lines), garbage, an error, nothing at all in time, or not being there.
import { chmod, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleToJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { DSSEBundleBuilder, FulcioSigner, TSAWitness } from '@sigstore/sign';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcIssuer, type OidcIssuer } from '../../sandbox/oidc-issuer.ts';
import { startSigstore, type SigstoreSandbox } from '../../sandbox/sigstore.ts';
import { verifyProvenanceFile } from '../../src/verify/bundles.ts';
import {
  ghHost,
  githubInstances,
  githubRootFromCli,
  parseGhVersion,
} from '../../src/verify/github-cli-root.ts';
import { GITHUB_ACTIONS_ISSUER } from '../../src/verify/identity.ts';
import { toInstance, type TrustSet } from '../../src/verify/trust.ts';

let oidc: OidcIssuer;
let publicGood: SigstoreSandbox;
let github: SigstoreSandbox;
let dir: string;
let jsonl: string;
/** A provenance file signed by GitHub's instance (a timestamp, no log entry). */
let provenance: string;

const policy = {
  serverUrl: 'https://github.com',
  issuer: GITHUB_ACTIONS_ISSUER,
  repository: 'octo-org/octo-repo',
};

beforeAll(async () => {
  oidc = await startOidcIssuer();
  publicGood = await startSigstore({ verifyToken: (token) => oidc.verify(token) });
  github = await startSigstore({ verifyToken: (token) => oidc.verify(token), instance: 'github' });
  dir = await mkdtemp(join(tmpdir(), 'gh-root-'));
  jsonl = [publicGood.trustedRoot, github.trustedRoot].map((r) => JSON.stringify(r)).join('\n');
  const builder = new DSSEBundleBuilder({
    signer: new FulcioSigner({
      fulcioBaseURL: github.url,
      identityProvider: { getToken: async () => oidc.mint('sigstore') },
      retry: 0,
    }),
    witnesses: [new TSAWitness({ tsaBaseURL: github.url, retry: 0 })],
  });
  const bundle = await builder.create({
    data: Buffer.from(
      JSON.stringify({
        _type: 'https://in-toto.io/Statement/v1',
        subject: [{ name: 'demo-1.0.tar.gz', digest: { sha256: 'ab'.repeat(32) } }],
        predicateType: 'https://slsa.dev/provenance/v1',
        predicate: {},
      }),
    ),
    type: 'application/vnd.in-toto+json',
  });
  provenance = join(dir, 'demo.intoto.jsonl');
  await writeFile(provenance, JSON.stringify(bundleToJSON(bundle)));
});
afterAll(async () => {
  await github.close();
  await publicGood.close();
  await oidc.close();
});

let count = 0;
/**
 * A folder holding a fake `gh`: `--version` prints `version`, `attestation trusted-root` runs
 * `body`; each call appends its GH_HOST and GH_TOKEN to `calls`.
 */
async function fakeGh(body: string, version = 'gh version 2.60.1 (2024-10-25)') {
  const bin = join(dir, `bin-${count++}`);
  await mkdir(bin);
  const calls = join(bin, 'calls');
  await writeFile(join(bin, 'root.jsonl'), jsonl);
  await writeFile(
    join(bin, 'gh'),
    `#!/bin/sh
echo "$* host=$GH_HOST token=\${GH_TOKEN:-none}" >> '${calls}'
case "$1" in
  --version) echo '${version}'; echo 'https://github.com/cli/cli/releases/tag/v2.60.1' ;;
  attestation) ${body.replaceAll('@BIN@', bin)} ;;
esac
`,
  );
  await chmod(join(bin, 'gh'), 0o755);
  return { bin, calls: async () => (await readFile(calls, 'utf8').catch(() => '')).trim() };
}

const PRINTS_ROOTS = `/bin/cat '@BIN@/root.jsonl'`;

function trustWith(
  bin: string,
  options: { serverUrl?: string; token?: string; timeoutMs?: number } = {},
) {
  const lines: string[] = [];
  const trust: TrustSet = {
    instances: [toInstance(TrustedRoot.fromJSON(publicGood.trustedRoot))],
    githubRoot: githubRootFromCli({
      serverUrl: options.serverUrl ?? 'https://github.com',
      token: options.token ?? 'ghs_secret',
      info: (line) => lines.push(line),
      env: { PATH: bin },
      cache: new Map(),
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    }),
  };
  return { trust, lines };
}

const HINT = /gh attestation trusted-root > trusted_root\.jsonl/;

describe("GitHub's trusted root from the runner's gh", () => {
  it('verifies with the root gh prints, runs gh once for many bundles, without a token', async () => {
    const gh = await fakeGh(PRINTS_ROOTS);
    const { trust, lines } = trustWith(gh.bin);
    await expect(verifyProvenanceFile(provenance, trust, policy)).resolves.toHaveLength(1);
    await expect(verifyProvenanceFile(provenance, trust, policy)).resolves.toHaveLength(1);
    expect(lines).toEqual([
      "GitHub's Sigstore trusted root: from the runner's GitHub CLI (gh version 2.60.1 (2024-10-25)), `gh attestation trusted-root` for github.com",
    ]);
    expect((await gh.calls()).split('\n')).toEqual([
      '--version host=github.com token=none',
      'attestation trusted-root host=github.com token=none',
    ]);
  });

  it('gives the token to a gh that asks for one (2.53 to 2.57, or a GHE.com tenancy)', async () => {
    const old = await fakeGh(PRINTS_ROOTS, 'gh version 2.55.0 (2024-08-20)');
    await verifyProvenanceFile(provenance, trustWith(old.bin).trust, policy);
    expect(await old.calls()).toContain(
      'attestation trusted-root host=github.com token=ghs_secret',
    );
    const tenancy = await fakeGh(PRINTS_ROOTS);
    const { trust } = trustWith(tenancy.bin, { serverUrl: 'https://octo.ghe.com' });
    await verifyProvenanceFile(provenance, trust, policy);
    expect(await tenancy.calls()).toContain(
      'attestation trusted-root host=octo.ghe.com token=ghs_secret',
    );
  });

  it.each([
    ['gh is missing', null, /the runner has no GitHub CLI \(`gh` is not on PATH\)/],
    [
      'gh is too old',
      'version:gh version 2.45.0 (2024-03-04)',
      /"gh version 2\.45\.0 \(2024-03-04\)", older than gh 2\.53/,
    ],
    [
      'gh fails',
      `echo 'unknown command "trusted-root" for "gh attestation"' >&2; exit 1`,
      /`gh attestation trusted-root` failed \(exit 1\): unknown command "trusted-root"/,
    ],
    [
      'gh prints garbage',
      `echo 'Welcome to GitHub CLI!'`,
      /printed something that is not Sigstore trusted roots .*Welcome to GitHub CLI!/,
    ],
    [
      'gh prints only the public-good root',
      `/usr/bin/head -n 1 '@BIN@/root.jsonl'`,
      /printed 1 trusted root\(s\), none of them GitHub's instance/,
    ],
    // sleep holds gh's pipes open after gh is killed: the answer must not wait for it.
    ['gh hangs', '/bin/sleep 5', /`gh attestation trusted-root` did not finish within 0.3 s/],
  ])('refuses, fail closed, when %s: what went wrong and the fix', async (_, body, reason) => {
    const version = body?.startsWith('version:') ? body.slice(8) : undefined;
    const bin =
      body === null ? join(dir, 'empty') : (await fakeGh(version ? 'exit 0' : body, version)).bin;
    await mkdir(bin, { recursive: true });
    const { trust, lines } = trustWith(bin, { timeoutMs: 300 });
    const started = Date.now();
    const refusal = verifyProvenanceFile(provenance, trust, policy);
    await expect(refusal).rejects.toThrow(
      /signed by GitHub's Sigstore instance \(a private repository\)/,
    );
    await expect(refusal).rejects.toThrow(reason);
    await expect(refusal).rejects.toThrow(HINT);
    await expect(refusal).rejects.not.toThrow(/ghs_secret/);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(lines).toEqual([]);
  });

  it("reads the JSON lines, keeps GitHub's roots, and the hosts and versions gh is asked about", () => {
    expect(githubInstances(jsonl).map((i) => i.kind)).toEqual(['github']);
    expect(() => githubInstances('')).toThrow(/not Sigstore trusted roots/);
    expect(ghHost('https://github.com')).toBe('github.com');
    expect(ghHost('https://Octo.GHE.com')).toBe('octo.ghe.com');
    expect(ghHost('https://ghes.example.com')).toBe('github.com');
    expect(parseGhVersion('gh version 2.60.1 (2024-10-25)')).toEqual([2, 60, 1]);
    expect(parseGhVersion('gh version DEV')).toBeUndefined();
  });
});
