/**
 * SSH keys allowed to sign release tags, written as OpenSSH's allowed_signers lines
 * (`principals [options] keytype base64-key [comment]`, what git's
 * `gpg.ssh.allowedSignersFile` holds) or as bare public key lines (`keytype base64-key
 * [comment]`, a `.pub` file). Options are honoured as `ssh-keygen -Y verify` honours them:
 * `namespaces="…"` must admit "git", `valid-after="…"`/`valid-before="…"` bound the tagger's
 * time (git passes that time to ssh-keygen as `verify-time`); `cert-authority` lines are
 * refused, as certificates are not checked. Principals only name the signer here: git looks
 * them up by key too (`ssh-keygen -Y find-principals`).
 * https://man.openbsd.org/ssh-keygen#ALLOWED_SIGNERS
 */
import { InputError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import {
  readSshPublicKey,
  sshFingerprint,
  sshKeyType,
  SshFormatError,
  SSH_KEY_TYPES,
} from './ssh-signature.ts';

export interface SshSigner {
  /** The public key blob, compared byte for byte with the one inside a signature. */
  key: Buffer;
  keyType: string;
  /** The allowed_signers principals; undefined for a bare public key line. */
  principals?: string;
  /** The `namespaces` pattern list; undefined admits every namespace. */
  namespaces?: string;
  validAfter?: Date;
  validBefore?: Date;
  /** Where the line came from, for messages: `tag-signers line 2` or a file's `name:3`. */
  origin: string;
}

const KEY_TYPE = /^(?:ssh|ecdsa|sk)-[A-Za-z0-9@.-]+$/;
/** Looks like an SSH key or allowed_signers line rather than a path (or a comment). */
export function isSshSignerLine(line: string): boolean {
  return line.startsWith('#') || /(?:^|\s)(?:ssh|ecdsa|sk)-[A-Za-z0-9@.-]+\s+AAAA/.test(line);
}

/** The next field: a double-quoted run (quotes kept) or text up to unquoted whitespace. */
function field(line: string): [string, string] {
  let at = 0;
  let quoted = false;
  while (at < line.length && (quoted || !/\s/.test(line[at] as string))) {
    if (line[at] === '"') quoted = !quoted;
    at++;
  }
  return [line.slice(0, at), line.slice(at).trimStart()];
}

/** misc.c's parse_absolute_time: YYYYMMDD[HHMM[SS]], UTC with a `Z` or `UTC` suffix, else local. */
function readTime(value: string): Date | undefined {
  const utc = /(?:Z|UTC)$/.exec(value);
  const digits = utc ? value.slice(0, utc.index) : value;
  const parts = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(digits);
  if (!parts) return undefined;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0] = parts
    .slice(1)
    .map((part) => Number(part ?? 0));
  const date = utc
    ? new Date(Date.UTC(y, mo - 1, d, h, mi, sec))
    : new Date(y, mo - 1, d, h, mi, sec);
  // Date rolls 20260231 over into March and 25:00 into the next day; strptime refuses both.
  const back = utc
    ? [date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()]
    : [date.getMonth(), date.getDate(), date.getHours(), date.getMinutes()];
  return back.join() === [mo - 1, d, h, mi].join() && sec < 60 ? date : undefined;
}

function splitOptions(options: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (const c of options) {
    if (c === '"') quoted = !quoted;
    if (c === ',' && !quoted) {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

function applyOptions(signer: SshSigner, options: string, fail: (why: string) => never): void {
  for (const option of splitOptions(options)) {
    const [, name = '', value] = /^([A-Za-z-]+)(?:="([^"]*)")?$/.exec(option) ?? [];
    if (name.toLowerCase() === 'cert-authority' && value === undefined) {
      fail(
        'it is a cert-authority line, and SSH certificates are not checked: list the signing keys themselves',
      );
    }
    const key = name.toLowerCase();
    if (value === undefined || !['namespaces', 'valid-after', 'valid-before'].includes(key)) {
      fail(
        `its option ${quote(option)} is not one of namespaces="…", valid-after="…", valid-before="…" (values in double quotes)`,
      );
    }
    if (key === 'namespaces') signer.namespaces = value;
    else {
      const time = readTime(value);
      if (!time) fail(`its ${key} ${quote(value)} is not a time YYYYMMDD[HHMM[SS]][Z]`);
      if (key === 'valid-after') signer.validAfter = time;
      else signer.validBefore = time;
    }
  }
}

/**
 * One allowed_signers or public key line; undefined for a blank or comment line. Throws an
 * InputError naming `origin` when the line cannot be used as written.
 */
export function readSshSignerLine(
  raw: string,
  origin: string,
  input: string,
): SshSigner | undefined {
  const line = raw.trim();
  if (line === '' || line.startsWith('#')) return undefined;
  const fail = (why: string): never => {
    throw new InputError(
      `Input "${input}" has an SSH signer (${origin}) that cannot be used: ${why}.`,
      {
        subject: input,
        hint: 'Write `principal@example.com namespaces="git" ssh-ed25519 AAAA…` (an allowed_signers line) or the public key line of a `.pub` file.',
      },
    );
  };
  // A key is a key type followed by base64: a principal may well start with `ssh-`.
  const isKey = (type: string, after: string) => KEY_TYPE.test(type) && after.startsWith('AAAA');
  let [first, rest] = field(line);
  let principals: string | undefined;
  let options: string | undefined;
  if (!isKey(first, rest)) {
    principals = first.replace(/^"(.*)"$/, '$1');
    [first, rest] = field(rest);
    if (!isKey(first, rest)) {
      options = first;
      [first, rest] = field(rest);
    }
  }
  const [base64] = field(rest);
  if (!KEY_TYPE.test(first) || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    fail('it is not `principals [options] keytype base64-key [comment]`');
  }
  if (!(SSH_KEY_TYPES as readonly string[]).includes(first)) {
    fail(
      first.endsWith('-cert-v01@openssh.com')
        ? `it is an SSH certificate (${first}), and certificates are not checked`
        : `its key type ${quote(first)} is not one of ${SSH_KEY_TYPES.join(', ')}`,
    );
  }
  const key = Buffer.from(base64, 'base64');
  try {
    readSshPublicKey(key);
    if (sshKeyType(key) !== first) fail(`its key is a ${quote(sshKeyType(key))} key, not ${first}`);
  } catch (error) {
    if (!(error instanceof SshFormatError)) throw error;
    fail(`its key is not valid: ${error.message}`);
  }
  const signer: SshSigner = { key, keyType: first, origin };
  if (principals !== undefined) signer.principals = principals;
  if (options !== undefined) applyOptions(signer, options, fail);
  return signer;
}

/** ssh's match_pattern: `*` and `?` wildcards, case-sensitive. */
function matchPattern(value: string, pattern: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`, 's').test(value);
}

/** match_pattern_list: a negated (`!`) match refuses, any other match admits. */
function matchPatternList(value: string, list: string): boolean {
  let admitted = false;
  for (const pattern of list.split(',')) {
    const negated = pattern.startsWith('!');
    if (matchPattern(value, negated ? pattern.slice(1) : pattern)) {
      if (negated) return false;
      admitted = true;
    }
  }
  return admitted;
}

/** Why the signer's options refuse a signature in `namespace` made at `when`, or undefined. */
export function signerOptionsProblem(
  signer: SshSigner,
  namespace: string,
  when: Date | undefined,
): string | undefined {
  const name = describeSshSigner(signer);
  if (signer.namespaces !== undefined && !matchPatternList(namespace, signer.namespaces)) {
    return `${name} is not allowed to sign in namespace ${quote(namespace)} (namespaces=${quote(signer.namespaces)})`;
  }
  if (signer.validAfter || signer.validBefore) {
    if (!when)
      return `${name} has a validity period, and the tag has no tagger time to check it against`;
    if (signer.validAfter && when < signer.validAfter) {
      return `${name} is valid only from ${signer.validAfter.toISOString()}, and the tag was made ${when.toISOString()}`;
    }
    if (signer.validBefore && when > signer.validBefore) {
      return `${name} is valid only until ${signer.validBefore.toISOString()}, and the tag was made ${when.toISOString()}`;
    }
  }
  return undefined;
}

/** `SHA256:… (principals)`, as ssh-keygen names a key. */
export function describeSshSigner(signer: SshSigner): string {
  const fingerprint = `${signer.keyType} ${sshFingerprint(signer.key)}`;
  return signer.principals ? `${fingerprint} (${signer.principals})` : fingerprint;
}
