/**
 * The maintainer's signature on a release tag, checked here rather than trusted from GitHub's
 * `verified` flag (which says a key on some GitHub account signed, not that one of the keys
 * the project allows did). An annotated tag's object is its payload (object, type, tag,
 * tagger, message) followed by a detached OpenPGP signature over exactly those bytes; GitHub's
 * git data API returns both as `verification.payload` and `verification.signature`.
 * https://git-scm.com/docs/signature-format
 */
import { readFile } from 'node:fs/promises';
import * as openpgp from 'openpgp';
import { ChainOfCustodyError, InputError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import { inputFilePath } from '../core/workspace-files.ts';
import type { ResolvedTag } from '../github/git-data.ts';

/** The keys allowed to sign release tags, each inline or a file path (see inputFilePath). */
export async function loadTagSigners(
  entries: readonly string[],
  workspace: string,
  input = 'tag-signers',
): Promise<openpgp.PublicKey[]> {
  const keys: openpgp.PublicKey[] = [];
  for (const entry of entries) {
    const armored = entry.includes('-----BEGIN PGP')
      ? entry
      : await readFile(inputFilePath(entry, workspace), 'utf8').catch(() => '');
    try {
      keys.push(...(await openpgp.readKeys({ armoredKeys: armored })));
    } catch (error) {
      throw new InputError(
        `Input "${input}" has an entry that is neither an armored OpenPGP public key nor a file holding one: ${quote(entry.slice(0, 60))}.`,
        {
          subject: input,
          cause: error,
          hint: 'Give the output of `gpg --armor --export <KEYID>` (one block per key), or paths of files holding them.',
        },
      );
    }
  }
  return keys;
}

/** The header fields of a tag object payload that bind it to a tag name and a commit. */
function payloadHeader(payload: string): { object?: string; type?: string; tag?: string } {
  const header: Record<string, string> = {};
  for (const line of payload.split('\n')) {
    if (line === '') break;
    const space = line.indexOf(' ');
    if (space > 0) header[line.slice(0, space)] ??= line.slice(space + 1);
  }
  return header;
}

/** Why the tag is not signed by one of `keys` over its own object, or undefined. */
export async function tagSignatureProblem(
  tag: ResolvedTag,
  keys: readonly openpgp.PublicKey[],
): Promise<string | undefined> {
  if (!tag.annotated) return 'it is a lightweight tag, which carries no signature';
  const { signature, payload } = tag.annotated.verification ?? {};
  if (!signature || !payload) return 'it is not signed';
  if (!signature.includes('-----BEGIN PGP SIGNATURE-----')) {
    return 'it is signed with SSH or X.509, not OpenPGP (only OpenPGP tag signatures are checked)';
  }
  const header = payloadHeader(payload);
  if (header.object !== tag.commit || header.type !== 'commit' || header.tag !== tag.tag) {
    return `the signed payload is for ${header.type ?? '?'} ${header.object ?? '?'} tagged ${quote(header.tag ?? '?')}, not commit ${tag.commit} tagged ${quote(tag.tag)}`;
  }
  try {
    const message = await openpgp.createMessage({ binary: Buffer.from(payload, 'utf8') });
    const result = await openpgp.verify({
      message,
      signature: await openpgp.readSignature({ armoredSignature: signature }),
      verificationKeys: [...keys],
      expectSigned: false,
    });
    const [first] = result.signatures;
    if (!first) return 'the signature block holds no signature';
    await first.verified;
    return undefined;
  } catch (error) {
    return `its signature does not verify with the allowed keys: ${(error as Error).message}`;
  }
}

/** Throws, naming the tag and the keys, unless one of `keys` signed the tag. */
export async function requireSignedTag(
  tag: ResolvedTag,
  keys: readonly openpgp.PublicKey[],
): Promise<string> {
  const problem = await tagSignatureProblem(tag, keys);
  const fingerprints = keys.map((k) => k.getFingerprint().toUpperCase());
  if (problem) {
    throw new ChainOfCustodyError(
      `Tag ${quote(tag.tag)} is not signed by an allowed key: ${problem}. Nothing was built.`,
      {
        subject: 'tag-signers',
        hint: `Sign the release tag with one of ${fingerprints.join(', ')} (\`git tag -s ${tag.tag}\`, then \`git push -f origin ${tag.tag}\` only if nothing was released from it yet).`,
      },
    );
  }
  return fingerprints.join(', ');
}
