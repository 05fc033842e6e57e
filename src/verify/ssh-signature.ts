/**
 * SSH signatures (`ssh-keygen -Y sign`, git's `gpg.format=ssh`), checked with node:crypto
 * instead of a shell-out to `ssh-keygen`, which not every runner or consumer has. The armored
 * blob is "SSHSIG", version 1, the signer's public key, the namespace, a reserved string, the
 * message hash algorithm and the signature; what the key signs is "SSHSIG", the namespace, the
 * reserved string, the hash algorithm and the message's hash.
 * https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.sshsig
 * https://www.rfc-editor.org/rfc/rfc4253#section-6.6, rfc5656, rfc8332, rfc8709,
 * https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.u2f
 */
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';

const MAGIC = Buffer.from('SSHSIG');
const ARMOR =
  /^-----BEGIN SSH SIGNATURE-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n-----END SSH SIGNATURE-----\s*$/;
/** OpenSSH's own floor (SSH_RSA_MINIMUM_MODULUS_SIZE). */
const RSA_MINIMUM_BITS = 1024;
/** Security keys set this flag when the user touched the key (PROTOCOL.u2f). */
const SK_USER_PRESENT = 0x01;

/** A malformed key or signature blob; the callers turn it into their own error. */
export class SshFormatError extends Error {}

/** SSH wire encoding (RFC 4251 §5): uint32 big-endian, byte strings with a uint32 length. */
export class SshReader {
  private at = 0;
  private readonly bytes: Buffer;
  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }

  uint32(): number {
    if (this.at + 4 > this.bytes.length) throw new SshFormatError('it ends inside a number');
    const value = this.bytes.readUInt32BE(this.at);
    this.at += 4;
    return value;
  }

  byte(): number {
    if (this.at + 1 > this.bytes.length) throw new SshFormatError('it ends inside a flag');
    return this.bytes[this.at++] as number;
  }

  string(): Buffer {
    const length = this.uint32();
    if (this.at + length > this.bytes.length) throw new SshFormatError('it ends inside a string');
    const value = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return value;
  }

  text(): string {
    return this.string().toString('latin1');
  }

  /** A non-negative mpint, without its sign byte. */
  mpint(): Buffer {
    const value = this.string();
    if (value.length > 0 && (value[0] as number) & 0x80)
      throw new SshFormatError('a negative number');
    let start = 0;
    while (start < value.length && value[start] === 0) start++;
    return value.subarray(start);
  }

  /** Consumes `expected` raw bytes (no length prefix), or says they are not there. */
  literal(expected: Buffer): boolean {
    const found = this.bytes.subarray(this.at, this.at + expected.length);
    this.at += expected.length;
    return found.equals(expected);
  }

  end(): void {
    if (this.at !== this.bytes.length) throw new SshFormatError('it has bytes after its end');
  }
}

/** The SSH string encoding of `value`. */
export function sshString(value: Buffer | string): Buffer {
  const bytes = typeof value === 'string' ? Buffer.from(value) : value;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}

/** `ssh-keygen -l`'s fingerprint of a public key blob. */
export function sshFingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}

/** The key type a public key blob names first. */
export function sshKeyType(blob: Buffer): string {
  return new SshReader(blob).text();
}

interface Curve {
  name: string;
  jwk: string;
  hash: string;
  size: number;
}
const CURVES: Record<string, Curve> = {
  'ecdsa-sha2-nistp256': { name: 'nistp256', jwk: 'P-256', hash: 'sha256', size: 32 },
  'ecdsa-sha2-nistp384': { name: 'nistp384', jwk: 'P-384', hash: 'sha384', size: 48 },
  'ecdsa-sha2-nistp521': { name: 'nistp521', jwk: 'P-521', hash: 'sha512', size: 66 },
  'sk-ecdsa-sha2-nistp256@openssh.com': {
    name: 'nistp256',
    jwk: 'P-256',
    hash: 'sha256',
    size: 32,
  },
};

/** The key types checked here; anything else is refused by name. */
export const SSH_KEY_TYPES = [
  'ssh-ed25519',
  'ecdsa-sha2-nistp256',
  'ecdsa-sha2-nistp384',
  'ecdsa-sha2-nistp521',
  'ssh-rsa',
  'sk-ssh-ed25519@openssh.com',
  'sk-ecdsa-sha2-nistp256@openssh.com',
] as const;

/** A public key as node:crypto takes it, and the security key's application for sk-* keys. */
interface SshPublicKey {
  type: string;
  key: KeyObject;
  /** RSA modulus length in bytes; signatures are padded to it. */
  rsaBytes?: number;
  application?: Buffer;
}

function ecPoint(type: string, reader: SshReader): KeyObject {
  const curve = CURVES[type] as Curve;
  if (reader.text() !== curve.name) throw new SshFormatError(`its curve is not ${curve.name}`);
  const point = reader.string();
  if (point.length !== 1 + 2 * curve.size || point[0] !== 0x04) {
    throw new SshFormatError(`its point is not an uncompressed ${curve.name} point`);
  }
  const x = point.subarray(1, 1 + curve.size).toString('base64url');
  const y = point.subarray(1 + curve.size).toString('base64url');
  return createPublicKey({ key: { kty: 'EC', crv: curve.jwk, x, y }, format: 'jwk' });
}

function ed25519(reader: SshReader): KeyObject {
  const raw = reader.string();
  if (raw.length !== 32) throw new SshFormatError('its Ed25519 key is not 32 bytes');
  const x = raw.toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

/** Reads a public key blob (RFC 4253 §6.6); throws SshFormatError naming what is wrong. */
export function readSshPublicKey(blob: Buffer): SshPublicKey {
  const reader = new SshReader(blob);
  const type = reader.text();
  let parsed: SshPublicKey;
  try {
    if (type === 'ssh-ed25519') parsed = { type, key: ed25519(reader) };
    else if (type === 'sk-ssh-ed25519@openssh.com') {
      parsed = { type, key: ed25519(reader), application: reader.string() };
    } else if (type.startsWith('sk-ecdsa-') && CURVES[type]) {
      parsed = { type, key: ecPoint(type, reader), application: reader.string() };
    } else if (CURVES[type]) parsed = { type, key: ecPoint(type, reader) };
    else if (type === 'ssh-rsa') {
      const e = reader.mpint();
      const n = reader.mpint();
      const bits = n.length * 8 - Math.clz32(n[0] ?? 0) + 24;
      if (bits < RSA_MINIMUM_BITS) {
        throw new SshFormatError(`its RSA key has ${bits} bits, under ${RSA_MINIMUM_BITS}`);
      }
      const jwk = { kty: 'RSA', n: n.toString('base64url'), e: e.toString('base64url') };
      parsed = { type, key: createPublicKey({ key: jwk, format: 'jwk' }), rsaBytes: n.length };
    } else {
      throw new SshFormatError(
        type.endsWith('-cert-v01@openssh.com')
          ? `it is an SSH certificate (${type}), and certificates are not checked`
          : `its key type ${JSON.stringify(type)} is not one of ${SSH_KEY_TYPES.join(', ')}`,
      );
    }
  } catch (error) {
    if (error instanceof SshFormatError) throw error;
    throw new SshFormatError(`its ${type} key is not valid: ${(error as Error).message}`);
  }
  reader.end();
  return parsed;
}

/** The fields of an armored SSHSIG blob. */
export interface SshSignature {
  publicKey: Buffer;
  namespace: string;
  reserved: Buffer;
  hashAlgorithm: string;
  signature: Buffer;
}

/** Reads `-----BEGIN SSH SIGNATURE-----` armor; throws SshFormatError naming what is wrong. */
export function readSshSignature(armored: string): SshSignature {
  const body = ARMOR.exec(armored.trim() + '\n')?.[1]?.replace(/\r?\n/g, '');
  const bytes = body === undefined ? undefined : Buffer.from(body, 'base64');
  if (!bytes || bytes.toString('base64') !== body) {
    throw new SshFormatError('it is not one armored SSH signature');
  }
  const reader = new SshReader(bytes);
  if (!reader.literal(MAGIC)) throw new SshFormatError('it does not start with SSHSIG');
  const version = reader.uint32();
  if (version !== 1) throw new SshFormatError(`its version is ${version}, not 1`);
  const signature = {
    publicKey: reader.string(),
    namespace: reader.text(),
    reserved: reader.string(),
    hashAlgorithm: reader.text(),
    signature: reader.string(),
  };
  reader.end();
  return signature;
}

/** The bytes the key signs for `message` (PROTOCOL.sshsig, "Signed Data"). */
function signedData(sig: SshSignature, message: Buffer): Buffer {
  if (sig.hashAlgorithm !== 'sha256' && sig.hashAlgorithm !== 'sha512') {
    throw new SshFormatError(
      `its hash algorithm ${JSON.stringify(sig.hashAlgorithm)} is not sha256 or sha512`,
    );
  }
  return Buffer.concat([
    MAGIC,
    sshString(sig.namespace),
    sshString(sig.reserved),
    sshString(sig.hashAlgorithm),
    sshString(createHash(sig.hashAlgorithm).update(message).digest()),
  ]);
}

/** An ECDSA signature's `mpint r, mpint s` as the fixed-width r || s node:crypto takes. */
function p1363(inner: Buffer, size: number): Buffer {
  const reader = new SshReader(inner);
  const parts = [reader.mpint(), reader.mpint()];
  reader.end();
  if (parts.some((part) => part.length > size))
    throw new SshFormatError('its ECDSA signature is too long');
  return Buffer.concat(
    parts.map((part) => Buffer.concat([Buffer.alloc(size - part.length), part])),
  );
}

const MISMATCH = 'the signature does not match the signed payload';

/** RFC 8332: rsa-sha2-256 or rsa-sha2-512, PKCS#1 v1.5 padded to the modulus length. */
function rsaProblem(key: SshPublicKey, algorithm: string, bytes: Buffer, data: Buffer) {
  if (algorithm === 'ssh-rsa') {
    return 'it is an RSA signature with SHA-1 (ssh-rsa), which is not accepted; sign with rsa-sha2-512';
  }
  const hash = { 'rsa-sha2-256': 'sha256', 'rsa-sha2-512': 'sha512' }[algorithm];
  if (!hash)
    return `its signature algorithm ${JSON.stringify(algorithm)} does not fit an ssh-rsa key`;
  const size = key.rsaBytes as number;
  if (bytes.length > size) return 'its RSA signature is longer than the key';
  const padded = Buffer.concat([Buffer.alloc(size - bytes.length), bytes]);
  return verify(hash, data, key.key, padded) ? undefined : MISMATCH;
}

/**
 * PROTOCOL.u2f: a security key signs sha256(application) || flags || counter || sha256(data),
 * and appends the flags and counter to the signature. The bytes it signed, or why not.
 */
function securityKeySigned(application: Buffer, reader: SshReader, data: Buffer) {
  const flags = reader.byte();
  const counter = reader.uint32();
  reader.end();
  if (!(flags & SK_USER_PRESENT)) {
    return 'its security key signature does not report user presence (no touch)';
  }
  const tail = Buffer.alloc(5);
  tail.writeUInt8(flags);
  tail.writeUInt32BE(counter, 1);
  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();
  return Buffer.concat([sha256(application), tail, sha256(data)]);
}

function keyProblem(key: SshPublicKey, signature: Buffer, data: Buffer): string | undefined {
  const reader = new SshReader(signature);
  const algorithm = reader.text();
  const bytes = reader.string();
  if (key.type === 'ssh-rsa') {
    reader.end();
    return rsaProblem(key, algorithm, bytes, data);
  }
  if (algorithm !== key.type) {
    return `its signature algorithm ${JSON.stringify(algorithm)} does not fit a ${key.type} key`;
  }
  let signed: Buffer | string = data;
  if (key.application) signed = securityKeySigned(key.application, reader, data);
  else reader.end();
  if (typeof signed === 'string') return signed;
  const curve = CURVES[key.type];
  const ecdsa = { key: key.key, dsaEncoding: 'ieee-p1363' as const };
  const good = curve
    ? verify(curve.hash, signed, ecdsa, p1363(bytes, curve.size))
    : bytes.length === 64 && verify(null, signed, key.key, bytes);
  return good ? undefined : MISMATCH;
}

/**
 * Whether `sig` is a valid signature of `message` by its own public key (which the caller
 * compares with the allowed ones): undefined when it is, else why not. A plain `ssh-rsa`
 * signature (SHA-1) is refused as OpenSSH refuses it; security keys must report user presence.
 */
export function sshSignatureProblem(sig: SshSignature, message: Buffer): string | undefined {
  try {
    return keyProblem(readSshPublicKey(sig.publicKey), sig.signature, signedData(sig, message));
  } catch (error) {
    if (error instanceof SshFormatError) return `the SSH signature is malformed: ${error.message}`;
    return `the SSH signature could not be checked: ${(error as Error).message}`;
  }
}
