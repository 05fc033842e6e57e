// The `public-key` input as verify and publish read it: inline, or a file named by its path,
// and a refusal that names the path and why it could not be used.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.ts';
import { readArmoredPublicKey } from '../../src/provenance/gpg-verify.ts';

const BLOCK = '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nxx\n-----END PGP PUBLIC KEY BLOCK-----\n';
let workspace: string;
beforeAll(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'public-key-'));
  await writeFile(join(workspace, 'maintainer.asc'), BLOCK);
  await writeFile(join(workspace, 'notes.txt'), 'not a key');
});
afterAll(async () => {
  await rm(workspace, { recursive: true, force: true });
});

describe('readArmoredPublicKey', () => {
  it('takes the key inline, or from a file relative to the workspace or absolute', async () => {
    expect(await readArmoredPublicKey(BLOCK, workspace)).toBe(BLOCK);
    expect(await readArmoredPublicKey('maintainer.asc', workspace)).toBe(BLOCK);
    expect(await readArmoredPublicKey(join(workspace, 'maintainer.asc'), '/elsewhere')).toBe(BLOCK);
  });

  it.each([
    ['missing.asc', /missing\.asc: ENOENT/],
    ['notes.txt', /notes\.txt, which holds no armored OpenPGP public key/],
    ['-----BEGIN PGP SIGNATURE-----\nxx', /armored OpenPGP block, but not a public key/],
  ])('refuses %j, naming what was wrong', async (value, reason) => {
    const error = await readArmoredPublicKey(value, workspace).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).subject).toBe('public-key');
    expect((error as Error).message).toMatch(reason);
  });
});
