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

/** Whether a trusted publisher matches a token's claims (repository, workflow, environment). */
export function matches(publisher: TrustedPublisher, claims: Record<string, unknown>): boolean {
  const repository = String(claims.repository ?? '').toLowerCase();
  if (repository !== publisher.repository.toLowerCase()) return false;
  const jobWorkflow = String(claims.job_workflow_ref ?? '');
  if (
    !jobWorkflow
      .toLowerCase()
      .startsWith(`${repository}/.github/workflows/${publisher.workflow.toLowerCase()}@`)
  )
    return false;
  if (
    publisher.environment &&
    String(claims.environment ?? '').toLowerCase() !== publisher.environment.toLowerCase()
  )
    return false;
  return true;
}

/** Refuses a filename that does not fit its type, project and version, as Warehouse does. */
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
  if (!filename.endsWith('.whl'))
    throw new Refusal(
      400,
      `Invalid file extension: Use .tar.gz or .whl (https://packaging.python.org/specifications/).`,
    );
  const [name, fileVersion] = filename.split('-');
  if (name !== stem)
    throw new Refusal(
      400,
      `Filename '${filename}' should contain the normalized project name '${stem}', not '${name}'.`,
    );
  if (fileVersion !== version)
    throw new Refusal(400, `Version in filename should be '${version}' not '${fileVersion}'.`);
}
