/**
 * Trust material for verifying Sigstore bundles: a `trusted-root` file (private Sigstore
 * instances, tests) or Sigstore's public-good root, fetched and checked through TUF.
 */
import { readFile } from 'node:fs/promises';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toTrustMaterial, type TrustMaterial } from '@sigstore/verify';
import { InputError, ServiceError } from '../core/errors.ts';
import { quote } from '../core/text.ts';

export async function loadTrustMaterial(
  trustedRootPath: string | undefined,
  cacheDir: string,
): Promise<TrustMaterial> {
  if (!trustedRootPath) return toTrustMaterial(await publicGoodRoot(cacheDir));
  let root: TrustedRoot;
  try {
    root = TrustedRoot.fromJSON(JSON.parse(await readFile(trustedRootPath, 'utf8')));
  } catch (error) {
    throw new InputError(
      `Input "trusted-root": ${quote(trustedRootPath)} is not a Sigstore trusted root JSON file.`,
      {
        subject: 'trusted-root',
        cause: error,
        hint: 'Pass the trusted_root.json of your Sigstore instance, or leave it empty for the public-good root.',
      },
    );
  }
  return toTrustMaterial(root);
}

async function publicGoodRoot(cacheDir: string): Promise<TrustedRoot> {
  try {
    // TUF (and its HTTP stack) loads only when the public-good root is needed. The package is
    // CommonJS: loaded on demand from the bundle, its functions are on the default export.
    const { getTrustedRoot } = (await import('@sigstore/tuf')).default;
    return await getTrustedRoot({ cachePath: cacheDir });
  } catch (error) {
    throw new ServiceError(
      `Failed to fetch Sigstore's public-good trusted root through TUF: ${(error as Error).message}`,
      {
        cause: error,
        hint: 'Check network access to https://tuf-repo-cdn.sigstore.dev, or pass `trusted-root` with a local copy.',
      },
    );
  }
}
