/**
 * The chain-of-custody check at the release hand-off: every distribution about to be released
 * must carry the digest `collect` recorded, as listed by a provenance file next to it (its
 * subjects are collect's digests) or by a manifest `collect` wrote in this job.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ChainOfCustodyError } from '../core/errors.ts';
import { manifestsOfThisJob } from './gather.ts';
import {
  BundleRejected,
  PROVENANCE_MAX_BYTES,
  readProvenanceStatements,
} from '../verify/bundles.ts';
import { quote } from '../core/text.ts';
import type { LocalAsset } from '../release/plan.ts';

/** name -> set of recorded sha256 digests, with where each came from. */
type Recorded = Map<string, Map<string, string>>;

function record(recorded: Recorded, name: string, sha256: string, source: string): void {
  const digests = recorded.get(name) ?? new Map<string, string>();
  digests.set(sha256, source);
  recorded.set(name, digests);
}

/** Subjects of every `*.intoto.jsonl` in `dir` (read, not verified: publish verifies). */
async function provenanceSubjects(dir: string, recorded: Recorded): Promise<void> {
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.intoto.jsonl'))) {
    const path = join(dir, name);
    if ((await stat(path)).size > PROVENANCE_MAX_BYTES) continue;
    const statements = await readProvenanceStatements(path).catch((error: unknown) => {
      if (!(error instanceof BundleRejected)) throw error;
      throw new ChainOfCustodyError(
        `Provenance file ${quote(name)} is not a Sigstore bundle with an in-toto statement (${error.reason}).`,
        {
          subject: name,
          cause: error,
          hint: 'Release the file `step: provenance` wrote, unmodified.',
        },
      );
    });
    for (const statement of statements) {
      for (const subject of statement.subject) {
        const sha256 = subject.digest?.sha256;
        if (subject.name && sha256) record(recorded, subject.name, sha256, name);
      }
    }
  }
}

/** Refuses any distribution whose sha256 was not recorded by collect (via provenance or manifest). */
export async function checkReleaseCustody(
  dir: string,
  runnerTemp: string,
  distributions: readonly LocalAsset[],
): Promise<void> {
  const recorded: Recorded = new Map();
  await provenanceSubjects(dir, recorded);
  for (const { source, manifest } of await manifestsOfThisJob(runnerTemp)) {
    for (const file of manifest.files) record(recorded, file.filename, file.sha256, source);
  }
  for (const file of distributions) {
    const digests = recorded.get(file.name);
    if (digests?.has(file.sha256)) continue;
    if (!digests) {
      throw new ChainOfCustodyError(
        `${quote(file.name)} was not recorded by \`collect\`: no provenance or manifest lists it.`,
        {
          subject: file.name,
          hint: 'Run `step: collect` in the build job and `step: provenance` before `step: release`, and release what they produced.',
        },
      );
    }
    const [[expected, source]] = [...digests] as [[string, string]];
    throw new ChainOfCustodyError(
      `${quote(file.name)} does not match the digest recorded by \`collect\`: ${quote(source)} records sha256 ${expected}, the file has sha256 ${file.sha256}.`,
      {
        subject: file.name,
        hint: 'The file changed after it was built. Nothing was released. Find out what modified it, then re-run the build.',
      },
    );
  }
}
