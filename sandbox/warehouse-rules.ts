/**
 * Warehouse's rules that need no state: how it refuses (status and message, which it puts in
 * the reason phrase and the body), project-name normalization (PEP 503), a trusted publisher
 * matching a token's claims, and the filename checks of an upload.
 */
import type { TrustedPublisher } from './warehouse.ts';

/** PEP 503 normalization. */
export const normalize = (name: string): string => name.replace(/[-_.]+/g, '-').toLowerCase();

/** A refusal Warehouse answers with `status` and `message`. */
export class Refusal extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** The claims Warehouse requires of a GitHub token before looking for a publisher. */
export const REQUIRED_CLAIMS = [
  'repository',
  'repository_owner',
  'repository_owner_id',
  'job_workflow_ref',
  'jti',
  'event_name',
] as const;

/**
 * Whether a trusted publisher matches a token's claims, as Warehouse's lookup and checks do:
 * repository (owner login and name as registered) and the workflow file name are looked up by
 * case-sensitive equality, the owner id (when registered) exactly, `job_workflow_ref` must be
 * exactly `<repository>/.github/workflows/<file>@<ref or sha>`, and only the environment is
 * compared without regard to case.
 */
export function matches(publisher: TrustedPublisher, claims: Record<string, unknown>): boolean {
  const claim = (name: string): string => (typeof claims[name] === 'string' ? claims[name] : '');
  if (claim('repository') !== publisher.repository) return false;
  if (claim('repository_owner') !== publisher.repository.split('/')[0]) return false;
  if (publisher.ownerId !== undefined && claim('repository_owner_id') !== publisher.ownerId)
    return false;
  const jobWorkflow = claim('job_workflow_ref');
  const file = /([^/]+\.(?:yml|yaml))@/.exec(jobWorkflow)?.[1];
  if (file !== publisher.workflow) return false;
  const base = `${publisher.repository}/.github/workflows/${publisher.workflow}@`;
  const refs = [claim('ref'), claim('sha')].filter(Boolean);
  if (!refs.some((ref) => jobWorkflow === base + ref)) return false;
  if (
    publisher.environment &&
    claim('environment').toLowerCase() !== publisher.environment.toLowerCase()
  )
    return false;
  return true;
}

/** Refuses a wheel whose filename does not end in `.whl`, among Warehouse's first checks. */
export function checkExtension(filename: string, filetype: string): void {
  if (filetype !== 'sdist' && !filename.endsWith('.whl'))
    throw new Refusal(
      400,
      `Invalid file extension: Use .tar.gz or .whl (https://packaging.python.org/specifications/).`,
    );
}

/**
 * Refuses a filename that does not fit its project and version, as Warehouse does once the
 * archive has been read (and, for a wheel, its platform tags checked).
 */
export function checkFilename(
  filename: string,
  filetype: string,
  project: string,
  version: string,
): void {
  const stem = project.replace(/-/g, '_');
  if (filetype === 'sdist') {
    const expected = `${stem}-${version}.tar.gz`;
    if (filename !== expected)
      throw new Refusal(400, `Filename '${filename}' is invalid, should be '${expected}'.`);
    return;
  }
  const [name, fileVersion] = filename.split('-');
  if (name !== stem)
    throw new Refusal(
      400,
      `Filename '${filename}' should contain the normalized project name '${stem}', not '${name}'.`,
    );
  if (fileVersion !== version)
    throw new Refusal(400, `Version in filename should be '${version}' not '${fileVersion}'.`);
}
