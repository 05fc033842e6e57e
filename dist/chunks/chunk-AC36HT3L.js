import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createMessage,
  readKeys,
  readSignature,
  verify
} from "./chunk-USV4ZTXE.js";
import {
  inputFilePath
} from "./chunk-CK2J3INV.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  ChainOfCustodyError,
  InputError
} from "./chunk-W3DSJ3DT.js";

// src/verify/tag-signature.ts
import { readFile } from "node:fs/promises";

// src/verify/ssh-signature.ts
import { createHash, createPublicKey, verify as verify2 } from "node:crypto";
var MAGIC = Buffer.from("SSHSIG");
var ARMOR = /^-----BEGIN SSH SIGNATURE-----\r?\n([A-Za-z0-9+/=\r\n]+?)\r?\n-----END SSH SIGNATURE-----\s*$/;
var RSA_MINIMUM_BITS = 1024;
var SK_USER_PRESENT = 1;
var SshFormatError = class extends Error {
};
var SshReader = class {
  at = 0;
  bytes;
  constructor(bytes) {
    this.bytes = bytes;
  }
  uint32() {
    if (this.at + 4 > this.bytes.length) throw new SshFormatError("it ends inside a number");
    const value = this.bytes.readUInt32BE(this.at);
    this.at += 4;
    return value;
  }
  byte() {
    if (this.at + 1 > this.bytes.length) throw new SshFormatError("it ends inside a flag");
    return this.bytes[this.at++];
  }
  string() {
    const length = this.uint32();
    if (this.at + length > this.bytes.length) throw new SshFormatError("it ends inside a string");
    const value = this.bytes.subarray(this.at, this.at + length);
    this.at += length;
    return value;
  }
  text() {
    return this.string().toString("latin1");
  }
  /** A non-negative mpint, without its sign byte. */
  mpint() {
    const value = this.string();
    if (value.length > 0 && value[0] & 128)
      throw new SshFormatError("a negative number");
    let start = 0;
    while (start < value.length && value[start] === 0) start++;
    return value.subarray(start);
  }
  /** Consumes `expected` raw bytes (no length prefix), or says they are not there. */
  literal(expected) {
    const found = this.bytes.subarray(this.at, this.at + expected.length);
    this.at += expected.length;
    return found.equals(expected);
  }
  end() {
    if (this.at !== this.bytes.length) throw new SshFormatError("it has bytes after its end");
  }
};
function sshString(value) {
  const bytes = typeof value === "string" ? Buffer.from(value) : value;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}
function sshFingerprint(blob) {
  return `SHA256:${createHash("sha256").update(blob).digest("base64").replace(/=+$/, "")}`;
}
function sshKeyType(blob) {
  return new SshReader(blob).text();
}
var CURVES = {
  "ecdsa-sha2-nistp256": { name: "nistp256", jwk: "P-256", hash: "sha256", size: 32 },
  "ecdsa-sha2-nistp384": { name: "nistp384", jwk: "P-384", hash: "sha384", size: 48 },
  "ecdsa-sha2-nistp521": { name: "nistp521", jwk: "P-521", hash: "sha512", size: 66 },
  "sk-ecdsa-sha2-nistp256@openssh.com": {
    name: "nistp256",
    jwk: "P-256",
    hash: "sha256",
    size: 32
  }
};
var SSH_KEY_TYPES = [
  "ssh-ed25519",
  "ecdsa-sha2-nistp256",
  "ecdsa-sha2-nistp384",
  "ecdsa-sha2-nistp521",
  "ssh-rsa",
  "sk-ssh-ed25519@openssh.com",
  "sk-ecdsa-sha2-nistp256@openssh.com"
];
function ecPoint(type, reader) {
  const curve = CURVES[type];
  if (reader.text() !== curve.name) throw new SshFormatError(`its curve is not ${curve.name}`);
  const point = reader.string();
  if (point.length !== 1 + 2 * curve.size || point[0] !== 4) {
    throw new SshFormatError(`its point is not an uncompressed ${curve.name} point`);
  }
  const x = point.subarray(1, 1 + curve.size).toString("base64url");
  const y = point.subarray(1 + curve.size).toString("base64url");
  return createPublicKey({ key: { kty: "EC", crv: curve.jwk, x, y }, format: "jwk" });
}
function ed25519(reader) {
  const raw = reader.string();
  if (raw.length !== 32) throw new SshFormatError("its Ed25519 key is not 32 bytes");
  const x = raw.toString("base64url");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
}
function readSshPublicKey(blob) {
  const reader = new SshReader(blob);
  const type = reader.text();
  let parsed;
  try {
    if (type === "ssh-ed25519") parsed = { type, key: ed25519(reader) };
    else if (type === "sk-ssh-ed25519@openssh.com") {
      parsed = { type, key: ed25519(reader), application: reader.string() };
    } else if (type.startsWith("sk-ecdsa-") && CURVES[type]) {
      parsed = { type, key: ecPoint(type, reader), application: reader.string() };
    } else if (CURVES[type]) parsed = { type, key: ecPoint(type, reader) };
    else if (type === "ssh-rsa") {
      const e = reader.mpint();
      const n = reader.mpint();
      const bits = n.length * 8 - Math.clz32(n[0] ?? 0) + 24;
      if (bits < RSA_MINIMUM_BITS) {
        throw new SshFormatError(`its RSA key has ${bits} bits, under ${RSA_MINIMUM_BITS}`);
      }
      const jwk = { kty: "RSA", n: n.toString("base64url"), e: e.toString("base64url") };
      parsed = { type, key: createPublicKey({ key: jwk, format: "jwk" }), rsaBytes: n.length };
    } else {
      throw new SshFormatError(
        type.endsWith("-cert-v01@openssh.com") ? `it is an SSH certificate (${type}), and certificates are not checked` : `its key type ${JSON.stringify(type)} is not one of ${SSH_KEY_TYPES.join(", ")}`
      );
    }
  } catch (error) {
    if (error instanceof SshFormatError) throw error;
    throw new SshFormatError(`its ${type} key is not valid: ${error.message}`);
  }
  reader.end();
  return parsed;
}
function readSshSignature(armored) {
  const body = ARMOR.exec(armored.trim() + "\n")?.[1]?.replace(/\r?\n/g, "");
  const bytes = body === void 0 ? void 0 : Buffer.from(body, "base64");
  if (!bytes || bytes.toString("base64") !== body) {
    throw new SshFormatError("it is not one armored SSH signature");
  }
  const reader = new SshReader(bytes);
  if (!reader.literal(MAGIC)) throw new SshFormatError("it does not start with SSHSIG");
  const version = reader.uint32();
  if (version !== 1) throw new SshFormatError(`its version is ${version}, not 1`);
  const signature = {
    publicKey: reader.string(),
    namespace: reader.text(),
    reserved: reader.string(),
    hashAlgorithm: reader.text(),
    signature: reader.string()
  };
  reader.end();
  return signature;
}
function signedData(sig, message) {
  if (sig.hashAlgorithm !== "sha256" && sig.hashAlgorithm !== "sha512") {
    throw new SshFormatError(
      `its hash algorithm ${JSON.stringify(sig.hashAlgorithm)} is not sha256 or sha512`
    );
  }
  return Buffer.concat([
    MAGIC,
    sshString(sig.namespace),
    sshString(sig.reserved),
    sshString(sig.hashAlgorithm),
    sshString(createHash(sig.hashAlgorithm).update(message).digest())
  ]);
}
function p1363(inner, size) {
  const reader = new SshReader(inner);
  const parts = [reader.mpint(), reader.mpint()];
  reader.end();
  if (parts.some((part) => part.length > size))
    throw new SshFormatError("its ECDSA signature is too long");
  return Buffer.concat(
    parts.map((part) => Buffer.concat([Buffer.alloc(size - part.length), part]))
  );
}
var MISMATCH = "the signature does not match the signed payload";
function rsaProblem(key, algorithm, bytes, data) {
  if (algorithm === "ssh-rsa") {
    return "it is an RSA signature with SHA-1 (ssh-rsa), which is not accepted; sign with rsa-sha2-512";
  }
  const hash = { "rsa-sha2-256": "sha256", "rsa-sha2-512": "sha512" }[algorithm];
  if (!hash)
    return `its signature algorithm ${JSON.stringify(algorithm)} does not fit an ssh-rsa key`;
  const size = key.rsaBytes;
  if (bytes.length > size) return "its RSA signature is longer than the key";
  const padded = Buffer.concat([Buffer.alloc(size - bytes.length), bytes]);
  return verify2(hash, data, key.key, padded) ? void 0 : MISMATCH;
}
function securityKeySigned(application, reader, data) {
  const flags = reader.byte();
  const counter = reader.uint32();
  reader.end();
  if (!(flags & SK_USER_PRESENT)) {
    return "its security key signature does not report user presence (no touch)";
  }
  const tail = Buffer.alloc(5);
  tail.writeUInt8(flags);
  tail.writeUInt32BE(counter, 1);
  const sha256 = (bytes) => createHash("sha256").update(bytes).digest();
  return Buffer.concat([sha256(application), tail, sha256(data)]);
}
function keyProblem(key, signature, data) {
  const reader = new SshReader(signature);
  const algorithm = reader.text();
  const bytes = reader.string();
  if (key.type === "ssh-rsa") {
    reader.end();
    return rsaProblem(key, algorithm, bytes, data);
  }
  if (algorithm !== key.type) {
    return `its signature algorithm ${JSON.stringify(algorithm)} does not fit a ${key.type} key`;
  }
  let signed = data;
  if (key.application) signed = securityKeySigned(key.application, reader, data);
  else reader.end();
  if (typeof signed === "string") return signed;
  const curve = CURVES[key.type];
  const ecdsa = { key: key.key, dsaEncoding: "ieee-p1363" };
  const good = curve ? verify2(curve.hash, signed, ecdsa, p1363(bytes, curve.size)) : bytes.length === 64 && verify2(null, signed, key.key, bytes);
  return good ? void 0 : MISMATCH;
}
function sshSignatureProblem(sig, message) {
  try {
    return keyProblem(readSshPublicKey(sig.publicKey), sig.signature, signedData(sig, message));
  } catch (error) {
    if (error instanceof SshFormatError) return `the SSH signature is malformed: ${error.message}`;
    return `the SSH signature could not be checked: ${error.message}`;
  }
}

// src/verify/allowed-signers.ts
var KEY_TYPE = /^(?:ssh|ecdsa|sk)-[A-Za-z0-9@.-]+$/;
function isSshSignerLine(line) {
  return line.startsWith("#") || /(?:^|\s)(?:ssh|ecdsa|sk)-[A-Za-z0-9@.-]+\s+AAAA/.test(line);
}
function field(line) {
  let at = 0;
  let quoted = false;
  while (at < line.length && (quoted || !/\s/.test(line[at]))) {
    if (line[at] === '"') quoted = !quoted;
    at++;
  }
  return [line.slice(0, at), line.slice(at).trimStart()];
}
function readTime(value) {
  const utc = /(?:Z|UTC)$/.exec(value);
  const digits = utc ? value.slice(0, utc.index) : value;
  const parts = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(digits);
  if (!parts) return void 0;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0] = parts.slice(1).map((part) => Number(part ?? 0));
  const date = utc ? new Date(Date.UTC(y, mo - 1, d, h, mi, sec)) : new Date(y, mo - 1, d, h, mi, sec);
  const back = utc ? [date.getUTCMonth(), date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes()] : [date.getMonth(), date.getDate(), date.getHours(), date.getMinutes()];
  return back.join() === [mo - 1, d, h, mi].join() && sec < 60 ? date : void 0;
}
function splitOptions(options) {
  const out = [];
  let current = "";
  let quoted = false;
  for (const c of options) {
    if (c === '"') quoted = !quoted;
    if (c === "," && !quoted) {
      out.push(current);
      current = "";
    } else current += c;
  }
  out.push(current);
  return out;
}
function applyOptions(signer, options, fail) {
  for (const option of splitOptions(options)) {
    const [, name = "", value] = /^([A-Za-z-]+)(?:="([^"]*)")?$/.exec(option) ?? [];
    if (name.toLowerCase() === "cert-authority" && value === void 0) {
      fail(
        "it is a cert-authority line, and SSH certificates are not checked: list the signing keys themselves"
      );
    }
    const key = name.toLowerCase();
    if (value === void 0 || !["namespaces", "valid-after", "valid-before"].includes(key)) {
      fail(
        `its option ${quote(option)} is not one of namespaces="\u2026", valid-after="\u2026", valid-before="\u2026" (values in double quotes)`
      );
    }
    if (key === "namespaces") signer.namespaces = value;
    else {
      const time = readTime(value);
      if (!time) fail(`its ${key} ${quote(value)} is not a time YYYYMMDD[HHMM[SS]][Z]`);
      if (key === "valid-after") signer.validAfter = time;
      else signer.validBefore = time;
    }
  }
}
function readSshSignerLine(raw, origin, input) {
  const line = raw.trim();
  if (line === "" || line.startsWith("#")) return void 0;
  const fail = (why) => {
    throw new InputError(
      `Input "${input}" has an SSH signer (${origin}) that cannot be used: ${why}.`,
      {
        subject: input,
        hint: 'Write `principal@example.com namespaces="git" ssh-ed25519 AAAA\u2026` (an allowed_signers line) or the public key line of a `.pub` file.'
      }
    );
  };
  const isKey = (type, after) => KEY_TYPE.test(type) && after.startsWith("AAAA");
  let [first, rest] = field(line);
  let principals;
  let options;
  if (!isKey(first, rest)) {
    principals = first.replace(/^"(.*)"$/, "$1");
    [first, rest] = field(rest);
    if (!isKey(first, rest)) {
      options = first;
      [first, rest] = field(rest);
    }
  }
  const [base64] = field(rest);
  if (!KEY_TYPE.test(first) || !/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) {
    fail("it is not `principals [options] keytype base64-key [comment]`");
  }
  if (!SSH_KEY_TYPES.includes(first)) {
    fail(
      first.endsWith("-cert-v01@openssh.com") ? `it is an SSH certificate (${first}), and certificates are not checked` : `its key type ${quote(first)} is not one of ${SSH_KEY_TYPES.join(", ")}`
    );
  }
  const key = Buffer.from(base64, "base64");
  try {
    readSshPublicKey(key);
    if (sshKeyType(key) !== first) fail(`its key is a ${quote(sshKeyType(key))} key, not ${first}`);
  } catch (error) {
    if (!(error instanceof SshFormatError)) throw error;
    fail(`its key is not valid: ${error.message}`);
  }
  const signer = { key, keyType: first, origin };
  if (principals !== void 0) signer.principals = principals;
  if (options !== void 0) applyOptions(signer, options, fail);
  return signer;
}
function matchPattern(value, pattern) {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${regex}$`, "s").test(value);
}
function matchPatternList(value, list) {
  let admitted = false;
  for (const pattern of list.split(",")) {
    const negated = pattern.startsWith("!");
    if (matchPattern(value, negated ? pattern.slice(1) : pattern)) {
      if (negated) return false;
      admitted = true;
    }
  }
  return admitted;
}
function signerOptionsProblem(signer, namespace, when) {
  const name = describeSshSigner(signer);
  if (signer.namespaces !== void 0 && !matchPatternList(namespace, signer.namespaces)) {
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
  return void 0;
}
function describeSshSigner(signer) {
  const fingerprint = `${signer.keyType} ${sshFingerprint(signer.key)}`;
  return signer.principals ? `${fingerprint} (${signer.principals})` : fingerprint;
}

// src/verify/tag-signature.ts
var PGP_BLOCK = /-----BEGIN PGP PUBLIC KEY BLOCK-----[\s\S]*?-----END PGP PUBLIC KEY BLOCK-----/g;
var GIT_NAMESPACE = "git";
function notAKey(input, entry, cause) {
  return new InputError(
    `Input "${input}" has an entry that is neither an armored OpenPGP public key, an SSH allowed-signers line nor a file holding them: ${quote(entry.slice(0, 60))}.`,
    {
      subject: input,
      cause,
      hint: 'Give the output of `gpg --armor --export <KEYID>` (one block per key), allowed_signers lines (`you@example.com namespaces="git" ssh-ed25519 AAAA\u2026`), or paths of files holding them.'
    }
  );
}
async function readPgpKeys(armored, input, entry) {
  try {
    return await readKeys({ armoredKeys: armored });
  } catch (error) {
    throw notAKey(input, entry, error);
  }
}
async function readSignerFile(path, entry, input, into) {
  const text = await readFile(path, "utf8").catch((error) => {
    throw notAKey(input, entry, error);
  });
  for (const block of text.match(PGP_BLOCK) ?? []) {
    into.openpgp.push(...await readPgpKeys(block, input, entry));
  }
  const lines = text.replace(PGP_BLOCK, (block) => block.replace(/[^\n]/g, "")).split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === "") continue;
    if (!isSshSignerLine(line.trim()))
      throw notAKey(input, `${entry}:${index + 1}: ${line.trim()}`);
    const signer = readSshSignerLine(line, `${entry}:${index + 1}`, input);
    if (signer) into.ssh.push(signer);
  }
}
async function loadTagSigners(entries, workspace, input = "tag-signers") {
  const signers = { openpgp: [], ssh: [] };
  for (const entry of entries) {
    if (entry.includes("-----BEGIN PGP")) {
      signers.openpgp.push(...await readPgpKeys(entry, input, entry));
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
      hint: "Give the armored OpenPGP public keys or SSH allowed-signers lines of the maintainers."
    });
  }
  return signers;
}
function payloadHeader(payload) {
  const header = {};
  for (const line of payload.split("\n")) {
    if (line === "") break;
    const space = line.indexOf(" ");
    if (space > 0) header[line.slice(0, space)] ??= line.slice(space + 1);
  }
  return header;
}
function taggerTime(tagger) {
  const seconds = /\s(\d+)\s[+-]\d{4}$/.exec(tagger ?? "")?.[1];
  return seconds === void 0 ? void 0 : new Date(Number(seconds) * 1e3);
}
async function openpgpVerdict(payload, signature, keys) {
  if (keys.length === 0)
    return { problem: "it is signed with OpenPGP, and tag-signers holds no OpenPGP key" };
  try {
    const message = await createMessage({ binary: Buffer.from(payload, "utf8") });
    const result = await verify({
      message,
      signature: await readSignature({ armoredSignature: signature }),
      verificationKeys: keys,
      expectSigned: false
    });
    const [first] = result.signatures;
    if (!first) return { problem: "the signature block holds no signature" };
    await first.verified;
    const key = keys.find((k) => k.getKeys(first.keyID).length > 0);
    return { signer: (key?.getFingerprint() ?? first.keyID.toHex()).toUpperCase() };
  } catch (error) {
    return {
      problem: `its signature does not verify with the allowed keys: ${error.message}`
    };
  }
}
function sshVerdict(payload, armored, signers) {
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
    }
    const none = signers.length === 0 ? ", and tag-signers holds no SSH key" : "";
    return {
      problem: `it is signed by the SSH key ${key}, which is not one of the allowed keys${none}`
    };
  }
  if (signature.namespace !== GIT_NAMESPACE) {
    return {
      problem: `its SSH signature is for namespace ${quote(signature.namespace)}, not "git"`
    };
  }
  const when = taggerTime(payloadHeader(payload).tagger);
  const problems = lines.map((line) => signerOptionsProblem(line, GIT_NAMESPACE, when));
  const signer = lines[problems.indexOf(void 0)];
  const refused = signer ? sshSignatureProblem(signature, Buffer.from(payload, "utf8")) : problems.join("; ");
  if (refused || !signer) {
    return { problem: `its SSH signature does not verify with the allowed keys: ${refused}` };
  }
  return { signer: describeSshSigner(signer) };
}
async function verdict(tag, signers) {
  if (!tag.annotated) return { problem: "it is a lightweight tag, which carries no signature" };
  const { signature, payload } = tag.annotated.verification ?? {};
  if (!signature || !payload) return { problem: "it is not signed" };
  const header = payloadHeader(payload);
  if (header.object !== tag.commit || header.type !== "commit" || header.tag !== tag.tag) {
    return {
      problem: `the signed payload is for ${header.type ?? "?"} ${header.object ?? "?"} tagged ${quote(header.tag ?? "?")}, not commit ${tag.commit} tagged ${quote(tag.tag)}`
    };
  }
  if (signature.startsWith("-----BEGIN SSH SIGNATURE-----")) {
    return sshVerdict(payload, signature, signers.ssh);
  }
  if (!signature.includes("-----BEGIN PGP SIGNATURE-----")) {
    return {
      problem: "it is signed with X.509 or an unknown format, not OpenPGP or SSH (which are checked)"
    };
  }
  return openpgpVerdict(payload, signature, signers.openpgp);
}
async function requireSignedTag(tag, signers, outcome = "Nothing was built.") {
  const result = await verdict(tag, signers);
  if (result.problem !== void 0) {
    const allowed = [
      ...signers.openpgp.map((k) => k.getFingerprint().toUpperCase()),
      ...signers.ssh.map(describeSshSigner)
    ];
    throw new ChainOfCustodyError(
      `Tag ${quote(tag.tag)} is not signed by an allowed key: ${result.problem}. ${outcome}`,
      {
        subject: "tag-signers",
        hint: `Sign the release tag with one of ${allowed.join(", ")} (\`git tag -s ${tag.tag}\`, with \`gpg.format=ssh\` for an SSH key, then \`git push -f origin ${tag.tag}\` only if nothing was released from it yet).`
      }
    );
  }
  return result.signer;
}

export {
  loadTagSigners,
  requireSignedTag
};
