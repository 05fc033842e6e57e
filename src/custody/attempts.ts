/**
 * Re-runs: "Re-run failed jobs" starts a new attempt of the workflow run, and the artifact
 * service then lists the artifacts of every attempt. A re-run build job gets a new backend id,
 * so its artifact has a new default name, and a wheel that is not bit-reproducible differs from
 * the earlier attempt's. Here each build job keeps only the artifact of its latest attempt.
 *
 * What tells two artifacts apart comes from the service where it can: which backend job
 * uploaded each one (checked against the manifest by `checkAttribution`) and the order of
 * uploads (database ids only grow). What the service does not report, which build job an
 * artifact belongs to across attempts and which attempt uploaded it, comes from the manifest
 * and is only accepted where it agrees with the service's order.
 */
import { ChainOfCustodyError } from '../core/errors.ts';
import { quote } from '../core/text.ts';
import type { StoredArtifact } from '../github/artifacts.ts';
import type { Manifest } from './manifest.ts';

/** A downloaded artifact with the manifest found in it. */
export interface ArtifactWithManifest {
  artifact: StoredArtifact;
  manifest: Manifest;
}

/** An artifact left out because a later attempt of the same build job uploaded its own. */
export interface IgnoredArtifact {
  name: string;
  id: number;
  /** The run attempt its manifest records; 0 when it was left out by name, unread. */
  attempt: number;
  /** Why, in one sentence for the log and the summary. */
  reason: string;
}

/**
 * Same-named artifacts of one run can only come from different attempts (a name is unique
 * within an attempt): the newest, the highest id, is the one GitHub's own client returns for
 * the name. The older ones are left out before anything is downloaded, since GitHub may no
 * longer serve them.
 */
export function newestPerName(artifacts: readonly StoredArtifact[]): {
  newest: StoredArtifact[];
  ignored: IgnoredArtifact[];
} {
  const byName = new Map<string, StoredArtifact>();
  for (const artifact of artifacts) {
    const seen = byName.get(artifact.name);
    if (!seen || seen.id < artifact.id) byName.set(artifact.name, artifact);
  }
  const newest = [...byName.values()];
  const ignored = artifacts
    .filter((artifact) => byName.get(artifact.name) !== artifact)
    .map((artifact) => ({
      name: artifact.name,
      id: artifact.id,
      attempt: 0,
      reason: `workflow artifact ${quote(artifact.name)} (id ${artifact.id}) is superseded by the newer artifact of the same name (id ${byName.get(artifact.name)?.id}), uploaded by a later attempt`,
    }));
  return { newest, ignored };
}

/**
 * The build job an artifact belongs to across attempts: the workflow job (`GITHUB_JOB`, shared
 * by matrix legs) and the exact set of files it collected (what tells the legs apart).
 */
export function buildJobKey(manifest: Manifest): string {
  const files = manifest.files.map((f) => f.filename).sort();
  return JSON.stringify([manifest.producer.job, ...files]);
}

/**
 * Keeps, per build job, the artifacts of its latest attempt. An attempt starts after the one
 * before it ended, so in the service's upload order the attempts recorded in the manifests
 * never go down, one uploading job cannot speak for two attempts, and no artifact is from an
 * attempt later than the one gathering (`currentAttempt`, this job's `GITHUB_RUN_ATTEMPT`): in a
 * first attempt nothing supersedes anything. Otherwise the attempt cannot be established and
 * everything stops.
 */
export function latestAttempts<T extends ArtifactWithManifest>(
  items: readonly T[],
  currentAttempt: number,
): { kept: T[]; ignored: IgnoredArtifact[] } {
  const ordered = [...items].sort((a, b) => a.artifact.id - b.artifact.id);
  checkOrder(ordered, currentAttempt);
  const groups = new Map<string, T[]>();
  for (const item of ordered) {
    const key = buildJobKey(item.manifest);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const kept: T[] = [];
  const ignored: IgnoredArtifact[] = [];
  for (const group of groups.values()) {
    const latest = group[group.length - 1] as T;
    const latestAttempt = attemptOf(latest);
    for (const item of group) {
      if (attemptOf(item) === latestAttempt) {
        kept.push(item);
        continue;
      }
      ignored.push({
        name: item.artifact.name,
        id: item.artifact.id,
        attempt: attemptOf(item),
        reason: `workflow artifact ${quote(item.artifact.name)} (attempt ${attemptOf(item)}) is superseded by ${quote(latest.artifact.name)} (attempt ${latestAttempt}), which a re-run of the same build job uploaded with the same files`,
      });
    }
  }
  return { kept, ignored };
}

function checkOrder(ordered: readonly ArtifactWithManifest[], currentAttempt: number): void {
  ordered.forEach((later, i) => {
    const earlier = ordered[i - 1];
    const attempt = attemptOf(later);
    const problem =
      attempt > currentAttempt
        ? `its manifest records attempt ${attempt}, but this job runs in attempt ${currentAttempt} of the workflow run`
        : earlier && attempt < attemptOf(earlier)
          ? `it was uploaded after ${quote(earlier.artifact.name)} but its manifest records an earlier attempt (${attempt} < ${attemptOf(earlier)})`
          : earlier &&
              earlier.artifact.uploaderJobId === later.artifact.uploaderJobId &&
              attempt !== attemptOf(earlier)
            ? `the artifact service names the same uploading job as for ${quote(earlier.artifact.name)}, but the manifests record different attempts`
            : undefined;
    if (!problem) return;
    throw new ChainOfCustodyError(
      `Could not establish which attempt uploaded workflow artifact ${quote(later.artifact.name)}: ${problem}.`,
      {
        subject: later.artifact.name,
        hint: 'Nothing was signed. Manifests are written by `step: collect`; find the job that uploaded this artifact, then re-run all jobs of the workflow.',
      },
    );
  });
}

function attemptOf({ artifact, manifest }: ArtifactWithManifest): number {
  const attempt = Number(manifest.producer.runAttempt);
  if (Number.isSafeInteger(attempt) && attempt >= 1) return attempt;
  throw new ChainOfCustodyError(
    `Could not establish which attempt uploaded workflow artifact ${quote(artifact.name)}: its manifest records run attempt ${quote(String(manifest.producer.runAttempt))}.`,
    {
      subject: artifact.name,
      hint: 'Manifests are written by `step: collect`; do not edit them. Re-run the collect job.',
    },
  );
}
