/**
 * The maintainer's signature on a release tag, checked here rather than trusted from GitHub's
 * `verified` flag (which says a key on some GitHub account signed, not that one of the keys
 * the project allows did). An annotated tag's object is its payload (object, type, tag,
 * tagger, message) followed by a detached signature over exactly those bytes, OpenPGP or SSH
 * (`gpg.format=ssh`, namespace "git"); GitHub's git data API returns both as
 * `verification.payload` and `verification.signature`.
 * https://git-scm.com/docs/signature-format
 */
import { readFile } from 'node:fs/promises';
import * as openpgp from 'openpgp';
import { ChainOfCustodyError, InputError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import { inputFilePath } from '../core/workspace-files.ts';
import type { ResolvedTag } from '../github/git-data.ts';
import {
  describeSshSigner,
  isSshSignerLine,
  readSshSignerLine,
  signerOptionsProblem,
  type SshSigner,
} from './allowed-signers.ts';
import {
  readSshSignature,
  sshFingerprint,
  sshKeyType,
  SshFormatError,
  sshSignatureProblem,
} from './ssh-signature.ts';

/** The keys allowed to sign release tags. */
export interface TagSigners {
  openpgp: openpgp.PublicKey[];
  ssh: SshSigner[];
}

const PGP_BLOCK = /-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*?-----END PGP PUBLIC KEY BLOCK-----/g;
/** git's namespace for commit and tag signatures. */
const GIT_NAMESPACE = 'git';

function notAKey(input: string, entry: string, cause?: unknown): InputError {
  return new InputError(
    `Input "${input}" has an entry that is neither an armored OpenPGP public key, an SSH allowed-signers line nor a file holding them: ${quote(entry.slice(0, 60))}.`,
    {
      subject: input,
      cause,
      hint: 'Give the output of `gpg --armor --export <KEYID>` (one block per key), allowed_signers lines (`you@example.com namespaces="git" ssh-ed25519 AAAA…`), or paths of files holding them.',
    },
  );
}

async function readPgpKeys(armored: string, input: string, entry: string) {
  try {
    return await openpgp.readKeys({ armoredKeys: armored });
  } catch (error) {
    throw notAKey(input, entry, error);
  }
}

/** A file of armored OpenPGP keys and SSH allowed-signers or public key lines, mixed. */
async function readSignerFile(path: string, entry: string, input: string, into: TagSigners) {
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    throw notAKey(input, entry, error);
  });
  for (const block of text.match(PGP_BLOCK) ?? []) {
    into.openpgp.push(...(await readPgpKeys(block, input, entry)));
  }
  // The blocks' lines are blanked rather than removed, so that line numbers stay true.
  const lines = text.replace(PGP_BLOCK, (block) => block.replace(/[^\n]/g, '')).split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    if (!isSshSignerLine(line.trim()))
      throw notAKey(input, `${entry}:${index + 1}: ${line.trim()}`);
    const signer = readSshSignerLine(line, `${entry}:${index + 1}`, input);
    if (signer) into.ssh.push(signer);
  }
}

/** The keys allowed to sign release tags, each inline or a file path (see inputFilePath). */
export async function loadTagSigners(
  entries: readonly string[],
  workspace: string,
  input = 'tag-signers',
): Promise<TagSigners> {
  const signers: TagSigners = { openpgp: [], ssh: [] };
  for (const entry of entries) {
    if (entry.includes('-----BEGIN PGP')) {
      signers.openpgp.push(...(await readPgpKeys(entry, input, entry)));
    } else if (isSshSignerLine(entry)) {
      for (const line of entry.split(/\r?\n/)) {
        const signer = readSshSignerLine(line, quote(line.trim().slice(0, 40)), input);
        if (signer) signers.ssh.push(signer);
      }
    } else {
      const path = inputFilePath(entry, workspace);
      await readSignerFile(path, entry, input, signers);
    }
  }
  if (signers.openpgp.length + signers.ssh.length === 0) {
    throw new InputError(`Input "${input}" holds no key, only comments or blank lines.`, {
      subject: input,
      hint: 'Give the armored OpenPGP public keys or SSH allowed-signers lines of the maintainers.',
    });
  }
  return signers;
}

/** The header fields of a tag object payload that bind it to a tag name and a commit. */
function payloadHeader(payload: string): Record<string, string | undefined> {
  const header: Record<string, string> = {};
  for (const line of payload.split('\n')) {
    if (line === '') break;
    const space = line.indexOf(' ');
    if (space > 0) header[line.slice(0, space)] ??= line.slice(space + 1);
  }
  return header;
}

/** The tagger's time (`tagger Name <email> 1700000000 +0000`), which git verifies SSH keys at. */
function taggerTime(tagger: string | undefined): Date | undefined {
  const seconds = /\s(\d+)\s[+-]\d{4}$/.exec(tagger ?? '')?.[1];
  return seconds === undefined ? undefined : new Date(Number(seconds) * 1000);
}

type Verdict = { signer: string; problem?: undefined } | { problem: string };

async function openpgpVerdict(payload: string, signature: string, keys: openpgp.PublicKey[]) {
  if (keys.length === 0)
    return { problem: 'it is signed with OpenPGP, and tag-signers holds no OpenPGP key' };
  try {
    const message = await openpgp.createMessage({ binary: Buffer.from(payload, 'utf8') });
    const result = await openpgp.verify({
      message,
      signature: await openpgp.readSignature({ armoredSignature: signature }),
      verificationKeys: keys,
      expectSigned: false,
    });
    const [first] = result.signatures;
    if (!first) return { problem: 'the signature block holds no signature' };
    await first.verified;
    // The signing key may be a subkey: the allowed key is named by its primary fingerprint.
    const key = keys.find((k) => k.getKeys(first.keyID).length > 0);
    return { signer: (key?.getFingerprint() ?? first.keyID.toHex()).toUpperCase() };
  } catch (error) {
    return {
      problem: `its signature does not verify with the allowed keys: ${(error as Error).message}`,
    };
  }
}

function sshVerdict(payload: string, armored: string, signers: SshSigner[]): Verdict {
  let signature;
  try {
    signature = readSshSignature(armored);
  } catch (error) {
    if (!(error instanceof SshFormatError)) throw error;
    return { problem: `its SSH signature is malformed: ${error.message}` };
  }
  const lines = signers.filter((s) => s.key.equals(signature.publicKey));
  if (lines.length === 0) {
    let key = sshFingerprint(signature.publicKey);
    try {
      key = `${sshKeyType(signature.publicKey)} ${key}`;
    } catch {
      // The fingerprint alone names a blob too short to hold a type.
    }
    const none = signers.length === 0 ? ', and tag-signers holds no SSH key' : '';
    return {
      problem: `it is signed by the SSH key ${key}, which is not one of the allowed keys${none}`,
    };
  }
  if (signature.namespace !== GIT_NAMESPACE) {
    return {
      problem: `its SSH signature is for namespace ${quote(signature.namespace)}, not "git"`,
    };
  }
  // As ssh-keygen reads allowed_signers: any line of the key whose options admit it will do.
  const when = taggerTime(payloadHeader(payload).tagger);
  const problems = lines.map((line) => signerOptionsProblem(line, GIT_NAMESPACE, when));
  const signer = lines[problems.indexOf(undefined)];
  const refused = signer
    ? sshSignatureProblem(signature, Buffer.from(payload, 'utf8'))
    : problems.join('; ');
  if (refused || !signer) {
    return { problem: `its SSH signature does not verify with the allowed keys: ${refused}` };
  }
  return { signer: describeSshSigner(signer) };
}

async function verdict(tag: ResolvedTag, signers: TagSigners): Promise<Verdict> {
  if (!tag.annotated) return { problem: 'it is a lightweight tag, which carries no signature' };
  const { signature, payload } = tag.annotated.verification ?? {};
  if (!signature || !payload) return { problem: 'it is not signed' };
  const header = payloadHeader(payload);
  if (header.object !== tag.commit || header.type !== 'commit' || header.tag !== tag.tag) {
    return {
      problem: `the signed payload is for ${header.type ?? '?'} ${header.object ?? '?'} tagged ${quote(header.tag ?? '?')}, not commit ${tag.commit} tagged ${quote(tag.tag)}`,
    };
  }
  if (signature.startsWith('-----BEGIN SSH SIGNATURE-----')) {
    return sshVerdict(payload, signature, signers.ssh);
  }
  if (!signature.includes('-----BEGIN PGP SIGNATURE-----')) {
    return {
      problem:
        'it is signed with X.509 or an unknown format, not OpenPGP or SSH (which are checked)',
    };
  }
  return openpgpVerdict(payload, signature, signers.openpgp);
}

/** Why the tag is not signed by one of `signers` over its own object, or undefined. */
export async function tagSignatureProblem(
  tag: ResolvedTag,
  signers: TagSigners,
): Promise<string | undefined> {
  return (await verdict(tag, signers)).problem;
}

/** Throws, naming the tag and the keys, unless one of `signers` signed the tag; names the signer. */
export async function requireSignedTag(
  tag: ResolvedTag,
  signers: TagSigners,
  outcome = 'Nothing was built.',
): Promise<string> {
  const result = await verdict(tag, signers);
  if (result.problem !== undefined) {
    const allowed = [
      ...signers.openpgp.map((k) => k.getFingerprint().toUpperCase()),
      ...signers.ssh.map(describeSshSigner),
    ];
    throw new ChainOfCustodyError(
      `Tag ${quote(tag.tag)} is not signed by an allowed key: ${result.problem}. ${outcome}`,
      {
        subject: 'tag-signers',
        hint: `Sign the release tag with one of ${allowed.join(', ')} (\`git tag -s ${tag.tag}\`, with \`gpg.format=ssh\` for an SSH key, then \`git push -f origin ${tag.tag}\` only if nothing was released from it yet).`,
      },
    );
  }
  return result.signer;
}
