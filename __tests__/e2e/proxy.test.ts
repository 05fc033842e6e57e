/**
 * A self-hosted runner behind a proxy: the services are reachable only through tinyproxy
 * (see __tests__/helpers/proxy-world.ts), over TLS with a test CA. The whole pipeline must
 * complete with `https_proxy` set, every connection to a service must have been a CONNECT
 * through the proxy, and `no_proxy` must send a host's requests direct.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  HATCH_SDIST,
  HATCH_WHEEL,
  startPipeline,
  type Job,
  type Pipeline,
} from '../../sandbox/pipeline.ts';
import { startWarehouse, type Warehouse } from '../../sandbox/warehouse.ts';
import { startProxyWorld, type ProxyWorld } from '../helpers/proxy-world.ts';
import { SANDBOX_AUDIENCE } from '../../sandbox/warehouse.ts';

const NAMES = ['api.github.test', 'oidc.test', 'results.test', 'fulcio.test', 'pypi.test'];

let pipeline: Pipeline;
let pypi: Warehouse;
let world: ProxyWorld;

beforeAll(async () => {
  pipeline = await startPipeline();
  pypi = await startWarehouse({
    name: 'pypi',
    verifyToken: (t: string) => pipeline.sandbox.oidc.verify(t),
    trustedRoot: pipeline.sandbox.sigstore.trustedRoot,
  });
  pypi.createProject('hatch-demo');
  pypi.addTrustedPublisher({
    project: 'hatch-demo',
    repository: 'octo-org/octo-repo',
    workflow: 'release.yml',
    environment: 'publish',
  });
  const { sandbox } = pipeline;
  world = await startProxyWorld({
    'api.github.test': sandbox.github.url,
    'oidc.test': sandbox.oidc.url,
    'results.test': sandbox.artifacts.url,
    'fulcio.test': sandbox.sigstore.url,
    'pypi.test': pypi.url,
  });
});
afterAll(async () => {
  await world?.close();
  await pypi?.close();
  await pipeline?.close();
});

/** The runner's environment behind the proxy: every service under its test name. */
function behindProxy(
  identity: Record<string, unknown> | undefined,
  extra: Record<string, string> = {},
): Record<string, string> {
  const { sandbox } = pipeline;
  const viaName = (url: string, name: string) =>
    url.replace(/^http:\/\/127\.0\.0\.1:\d+/, world.origin(name));
  const id = identity ? sandbox.idTokenEnv(identity) : {};
  return {
    ...id,
    ...(id.ACTIONS_ID_TOKEN_REQUEST_URL
      ? { ACTIONS_ID_TOKEN_REQUEST_URL: viaName(id.ACTIONS_ID_TOKEN_REQUEST_URL, 'oidc.test') }
      : {}),
    GITHUB_API_URL: world.origin('api.github.test'),
    ACTIONS_RESULTS_URL: `${world.origin('results.test')}/`,
    https_proxy: world.proxyUrl,
    NODE_EXTRA_CA_CERTS: world.caFile,
    ...extra,
  };
}

async function runBehindProxy(
  job: Job,
  inputs: Record<string, string>,
  identity?: Record<string, unknown>,
  extra?: Record<string, string>,
) {
  return job.run(inputs, { env: behindProxy(identity, extra), timeoutMs: 120_000 });
}

describe('behind an HTTPS proxy', () => {
  it('collects, signs, releases, verifies and publishes with every request through the proxy', async () => {
    const build = await pipeline.job('build', [HATCH_WHEEL, HATCH_SDIST]);
    const collected = await runBehindProxy(build, { step: 'collect' });
    expect(collected.exitCode, errorOf(collected)).toBe(0);
    expect(collected.stdout).toContain(`Proxy (proxy): https through ${world.proxyUrl}`);

    const sign = await pipeline.job('sign');
    const sigstore = {
      'fulcio-url': world.origin('fulcio.test'),
      'rekor-url': world.origin('fulcio.test'),
    };
    const signed = await runBehindProxy(sign, { step: 'provenance', ...sigstore }, {});
    expect(signed.exitCode, errorOf(signed)).toBe(0);

    const released = await runBehindProxy(sign, { step: 'release' });
    expect(released.exitCode, errorOf(released)).toBe(0);

    const publisher = await pipeline.job('publish');
    const published = await runBehindProxy(
      publisher,
      {
        step: 'publish',
        'repository-url': `${world.origin('pypi.test')}/legacy/`,
        'oidc-audience': SANDBOX_AUDIENCE,
        'trusted-root': pipeline.trustedRootPath,
        ...sigstore,
      },
      { environment: 'publish' },
    );
    expect(published.exitCode, errorOf(published)).toBe(0);
    expect(
      pypi
        .files('hatch-demo')
        .map((f) => f.filename)
        .sort(),
    ).toEqual([HATCH_SDIST, HATCH_WHEEL].sort());
    expect(pypi.minted.length).toBeGreaterThan(0);

    // Every service was used, by its name (which only the proxy resolves)...
    for (const name of NAMES) expect(world.requests.get(name) ?? 0, name).toBeGreaterThan(0);
    // ... and every TLS connection the front-end accepted was a tunnel the proxy opened.
    const proxied = await world.proxied();
    for (const name of NAMES) expect(proxied.get(name) ?? 0, name).toBeGreaterThan(0);
    // Loopback (download hosts, the index's files) is never sent to a proxy, which could not
    // reach it. The one exception is not ours: the artifact client's Azure blob SDK proxies every
    // blob URL (on a runner a remote storage host; here the loopback blob stand-in).
    const loopback = (await world.log())
      .split('\n')
      .filter((l) => /Request .*127\.0\.0\.1/.test(l) && !/127\.0\.0\.1:\d+\/blob\//.test(l));
    expect(loopback).toEqual([]);
    const tunnels = NAMES.reduce((sum, name) => sum + (proxied.get(name) ?? 0), 0);
    expect(world.connections()).toBe(tunnels);
  });

  it('sends hosts named in no_proxy direct (where the test names do not resolve)', async () => {
    const before = (await world.proxied()).get('api.github.test') ?? 0;
    const job = await pipeline.job('index');
    const run = await runBehindProxy(job, { step: 'index', 'index-dir': 'site' }, undefined, {
      no_proxy: 'example.org,.github.test',
    });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toMatch(/ENOTFOUND|getaddrinfo|api\.github\.test/);
    expect((await world.proxied()).get('api.github.test') ?? 0).toBe(before);
  });
});
