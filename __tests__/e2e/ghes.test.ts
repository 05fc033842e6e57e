/**
 * GitHub Enterprise Server: the sandbox in GHES mode (a server URL that is not github.com, an
 * OIDC issuer at https://HOSTNAME/_services/token, no attestations API, no artifact service
 * that @actions/artifact accepts). The topology that works there, each build job running
 * collect and provenance on its own files, must work; everything else must say why not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  HATCH_SDIST,
  HATCH_WHEEL,
  sigstoreInputs,
  startPipeline,
  type Job,
  type Pipeline,
} from '../../sandbox/pipeline.ts';

const GHES = 'https://ghes.example';
const GHES_ISSUER = `${GHES}/_services/token`;
const onGhes = { GITHUB_SERVER_URL: GHES, GITHUB_API_URL: `${GHES}/api/v3` };

let pipeline: Pipeline;
let build: Job;

beforeAll(async () => {
  pipeline = await startPipeline({ enterprise: GHES });
  build = await pipeline.job('build', [HATCH_WHEEL, HATCH_SDIST]);
});
afterAll(async () => {
  await pipeline?.close();
});

/** A run on the GHES runner; the GitHub stand-in stays the API (its URL wins over onGhes). */
function ghesRun(
  inputs: Record<string, string>,
  issuer: string | undefined = GHES_ISSUER,
  env: Record<string, string> = {},
) {
  return build.run(inputs, {
    ...(issuer ? { idToken: { issuer } } : {}),
    env: { ...onGhes, GITHUB_API_URL: pipeline.sandbox.github.url, ...env },
  });
}

describe('on GitHub Enterprise Server', () => {
  it('refuses workflow artifacts and names the topology that works without them', async () => {
    const run = await ghesRun({ step: 'collect' }, undefined);
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toContain('is a GitHub Enterprise Server');
    expect(errorOf(run)).toContain('upload-artifact: false');
    expect(errorOf(run)).not.toMatch(/Re-run/);
  });

  it('refuses to sign with no private Sigstore, naming the issuer', async () => {
    expect((await ghesRun({ step: 'collect', 'upload-artifact': 'false' })).exitCode).toBe(0);
    const run = await ghesRun({ step: 'provenance', from: 'folder' });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toContain(GHES_ISSUER);
    expect(errorOf(run)).toContain('fulcio-url');
  });

  it('refuses a token from another issuer', async () => {
    const run = await ghesRun(
      { step: 'provenance', from: 'folder', ...sigstoreInputs(pipeline) },
      'https://token.actions.githubusercontent.com',
    );
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toContain(`this server's issuer is "${GHES_ISSUER}"`);
  });

  it('explains a missing attestations API as such', async () => {
    const run = await ghesRun({
      step: 'provenance',
      from: 'folder',
      'github-attestation': 'true',
      ...sigstoreInputs(pipeline),
    });
    expect(run.exitCode).toBe(1);
    expect(errorOf(run)).toContain('has no artifact attestations API');
    expect(errorOf(run)).not.toMatch(/plan|permissions/);
  });

  it('signs with a private Sigstore, and verify expects the server’s issuer', async () => {
    const signed = await ghesRun({
      step: 'provenance',
      from: 'folder',
      ...sigstoreInputs(pipeline),
    });
    expect(signed.exitCode, errorOf(signed)).toBe(0);
    const verify = (extra: Record<string, string>, env: Record<string, string> = {}) =>
      build.run(
        {
          step: 'verify',
          'packages-dir': 'dist',
          'trusted-root': pipeline.trustedRootPath,
          repository: 'octo-org/octo-repo',
          ...extra,
        },
        { env },
      );
    const fromRun = await verify({}, onGhes);
    expect(fromRun.exitCode, errorOf(fromRun)).toBe(0);
    const byInput = await verify({ 'server-url': GHES });
    expect(byInput.exitCode, errorOf(byInput)).toBe(0);
    // The same bundle does not pass for github.com: its issuer is not GitHub's token service.
    const asGithubCom = await verify({});
    expect(asGithubCom.exitCode).toBe(1);
    expect(asGithubCom.stdout).toContain(`got issuer=${GHES_ISSUER}`);
  });
});
