import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  createMessage,
  readKeys,
  readSignature,
  verify
} from "./chunk-USV4ZTXE.js";
import {
  quote
} from "./chunk-QPC3R6K2.js";
import {
  ChainOfCustodyError,
  InputError
} from "./chunk-W3DSJ3DT.js";

// src/verify/tag-signature.ts
import { readFile } from "node:fs/promises";
import { isAbsolute, join } from "node:path";
async function loadTagSigners(entries, workspace, input = "tag-signers") {
  const keys = [];
  for (const entry of entries) {
    const armored = entry.includes("-----BEGIN PGP") ? entry : await readFile(isAbsolute(entry) ? entry : join(workspace, entry), "utf8").catch(() => "");
    try {
      keys.push(...await readKeys({ armoredKeys: armored }));
    } catch (error) {
      throw new InputError(
        `Input "${input}" has an entry that is neither an armored OpenPGP public key nor a file holding one: ${quote(entry.slice(0, 60))}.`,
        {
          subject: input,
          cause: error,
          hint: "Give the output of `gpg --armor --export <KEYID>` (one block per key), or paths of files holding them."
        }
      );
    }
  }
  return keys;
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
async function tagSignatureProblem(tag, keys) {
  if (!tag.annotated) return "it is a lightweight tag, which carries no signature";
  const { signature, payload } = tag.annotated.verification ?? {};
  if (!signature || !payload) return "it is not signed";
  if (!signature.includes("-----BEGIN PGP SIGNATURE-----")) {
    return "it is signed with SSH or X.509, not OpenPGP (only OpenPGP tag signatures are checked)";
  }
  const header = payloadHeader(payload);
  if (header.object !== tag.commit || header.type !== "commit" || header.tag !== tag.tag) {
    return `the signed payload is for ${header.type ?? "?"} ${header.object ?? "?"} tagged ${quote(header.tag ?? "?")}, not commit ${tag.commit} tagged ${quote(tag.tag)}`;
  }
  try {
    const message = await createMessage({ binary: Buffer.from(payload, "utf8") });
    const result = await verify({
      message,
      signature: await readSignature({ armoredSignature: signature }),
      verificationKeys: [...keys],
      expectSigned: false
    });
    const [first] = result.signatures;
    if (!first) return "the signature block holds no signature";
    await first.verified;
    return void 0;
  } catch (error) {
    return `its signature does not verify with the allowed keys: ${error.message}`;
  }
}
async function requireSignedTag(tag, keys) {
  const problem = await tagSignatureProblem(tag, keys);
  const fingerprints = keys.map((k) => k.getFingerprint().toUpperCase());
  if (problem) {
    throw new ChainOfCustodyError(
      `Tag ${quote(tag.tag)} is not signed by an allowed key: ${problem}. Nothing was built.`,
      {
        subject: "tag-signers",
        hint: `Sign the release tag with one of ${fingerprints.join(", ")} (\`git tag -s ${tag.tag}\`, then \`git push -f origin ${tag.tag}\` only if nothing was released from it yet).`
      }
    );
  }
  return fingerprints.join(", ");
}

export {
  loadTagSigners,
  requireSignedTag
};
