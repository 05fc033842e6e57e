/**
 * The maintainer's detached signatures (`<file>.asc`, made by `release-action sign` on their
 * machine or by `gpg-private-key` in CI) as publish meets them. PyPI takes no PGP signatures
 * (Warehouse ignores the `gpg_signature` field), so they are never uploaded; with `public-key`
 * they are what stands between a CI that was made to build something else and the index:
 * every distribution must have one that verifies with the maintainer's key.
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { mapLimit } from '../core/concurrency.ts';
import { ChainOfCustodyError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import { ascProblem } from '../provenance/gpg-verify.ts';

export interface SignatureCheck {
  /** The distributions whose `.asc` is missing or does not verify, with why. */
  failed: Array<{ filename: string; problem: string }>;
  /** How many `.asc` files came with the files (when no key was given: left unchecked). */
  present: number;
}

/**
 * Checks `<file>.asc` of every distribution against the key (`concurrency` at once), or only
 * counts them without one.
 */
export async function checkMaintainerSignatures(
  distributions: readonly string[],
  files: readonly string[],
  armoredKey: string | undefined,
  concurrency: number,
): Promise<SignatureCheck> {
  if (!armoredKey) {
    const present = new Set(files.filter((p) => p.endsWith('.asc')));
    for (const path of distributions) if (await isFile(`${path}.asc`)) present.add(`${path}.asc`);
    return { failed: [], present: present.size };
  }
  const problems = await mapLimit(distributions, concurrency, (path) =>
    ascProblem(path, armoredKey),
  );
  const failed = distributions.flatMap((path, i) => {
    const problem = problems[i];
    return problem ? [{ filename: basename(path), problem }] : [];
  });
  return { failed, present: distributions.length - failed.length };
}

/**
 * Refuses, naming each distribution and the fix, when the key was given and any signature is
 * missing or bad; says what was checked otherwise.
 */
export function requireMaintainerSignatures(
  check: SignatureCheck,
  key: { fingerprint: string } | undefined,
  tag: string,
  log: { info(line: string): void; result(line: string): void },
): void {
  if (!key) {
    if (check.present > 0)
      log.info(
        `${check.present} .asc signature(s) came with the files and were not checked (no \`public-key\`); PyPI takes no PGP signatures, so none is uploaded.`,
      );
    return;
  }
  if (check.failed.length === 0) {
    log.result(
      `Every distribution has a .asc signature by key ${key.fingerprint} (not uploaded: PyPI takes no PGP signatures)`,
    );
    return;
  }
  const names = check.failed.map((f) => `${quote(f.filename)} (${f.problem})`).join('; ');
  throw new ChainOfCustodyError(
    `${check.failed.length} distribution(s) have no valid signature by the \`public-key\` ${key.fingerprint}: ${names}. Nothing was uploaded.`,
    {
      subject: check.failed[0]?.filename,
      hint: `Sign the draft on the maintainer's machine, where the key is: \`release-action sign --tag ${tag}\` verifies the draft against its provenance, then uploads a .asc for every file; re-run this job after it. (With \`from: folder\`, put each <file>.asc next to its file.) To publish without the maintainer's signature, leave \`public-key\` empty.`,
    },
  );
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}
