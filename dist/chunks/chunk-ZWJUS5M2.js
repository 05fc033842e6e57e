import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createMessage,
  readKey,
  readSignature,
  verify
} from "./chunk-USV4ZTXE.js";
import {
  inputFilePath
} from "./chunk-CK2J3INV.js";
import {
  sha256File
} from "./chunk-43E5VB6N.js";
import {
  InputError
} from "./chunk-W3DSJ3DT.js";

// src/custody/verify-files.ts
import { basename } from "node:path";
async function matchFilesToSubjects(paths, bundles, known = /* @__PURE__ */ new Map()) {
  const verdicts = [];
  for (const path of paths) {
    const filename = basename(path);
    const sha256 = known.get(path) ?? await sha256File(path);
    verdicts.push({ path, filename, sha256, ...judge(filename, sha256, bundles) });
  }
  return verdicts;
}
function judge(filename, sha256, bundles) {
  const named = [];
  for (const bundle of bundles) {
    for (const subject of bundle.statement.subject) {
      if (subject.name !== filename) continue;
      if (subject.digest?.sha256 === sha256) return { coveredBy: bundle.source };
      named.push(`${basename(bundle.source)} records sha256 ${subject.digest?.sha256 ?? "(none)"}`);
    }
  }
  if (named.length > 0)
    return { problem: `sha256 ${sha256} differs from the signed digest: ${named.join("; ")}` };
  return { problem: "no verified provenance lists this file" };
}

// src/provenance/gpg-verify.ts
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { basename as basename2 } from "node:path";
import { Readable } from "node:stream";
async function readArmoredPublicKey(value, workspace) {
  const refuse = (what) => new InputError(`Input "public-key" ${what}.`, {
    subject: "public-key",
    hint: "Pass the output of `gpg --armor --export <KEYID>`, or the path of a file with it."
  });
  if (value.includes("-----BEGIN PGP")) {
    if (!value.includes("-----BEGIN PGP PUBLIC KEY BLOCK-----"))
      throw refuse("is an armored OpenPGP block, but not a public key");
    return value;
  }
  const path = inputFilePath(value, workspace);
  const armored = await readFile(path, "utf8").catch((error) => {
    throw refuse(
      `is neither an armored OpenPGP public key nor a file that can be read (${path}: ${error.code ?? error.message})`
    );
  });
  if (!armored.includes("-----BEGIN PGP PUBLIC KEY BLOCK-----"))
    throw refuse(`names ${path}, which holds no armored OpenPGP public key`);
  return armored;
}
async function publicKeyFingerprint(armored) {
  try {
    return (await readKey({ armoredKey: armored })).getFingerprint().toUpperCase();
  } catch (error) {
    throw new InputError(
      `Input "public-key" holds no usable OpenPGP public key: ${error.message}`,
      {
        subject: "public-key",
        cause: error,
        hint: "Pass the output of `gpg --armor --export <KEYID>`, or the path of a file with it."
      }
    );
  }
}
async function ascProblem(path, armoredPublicKey) {
  const asc = `${path}.asc`;
  const exists = await stat(asc).then(
    (s) => s.isFile(),
    () => false
  );
  return exists ? verifyDetachedSignature(path, asc, armoredPublicKey) : `${basename2(asc)} is missing`;
}
async function verifyDetachedSignature(path, ascPath, armoredPublicKey) {
  try {
    const verificationKeys = await readKey({ armoredKey: armoredPublicKey });
    const signature = await readSignature({
      armoredSignature: await readFile(ascPath, "utf8")
    });
    const binary = Readable.toWeb(createReadStream(path));
    const message = await createMessage({ binary });
    const result = await verify({
      message,
      signature,
      verificationKeys,
      expectSigned: false
    });
    for await (const _chunk of result.data) void _chunk;
    const [first] = result.signatures;
    if (!first) return `${basename2(ascPath)} holds no signature`;
    await first.verified;
    return void 0;
  } catch (error) {
    return `${basename2(ascPath)} does not verify: ${error.message}`;
  }
}

export {
  matchFilesToSubjects,
  readArmoredPublicKey,
  publicKeyFingerprint,
  ascProblem,
  verifyDetachedSignature
};
