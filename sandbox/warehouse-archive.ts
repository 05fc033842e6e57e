/**
 * The Warehouse stand-in opens every uploaded file as PyPI does: with CPython's own zipfile,
 * tarfile, csv and configparser (Debian's /usr/bin/python3 running warehouse-archive.py, a
 * long-lived worker driven by python-worker.ts), so what the tests' PyPI sees inside an archive
 * is what PyPI's interpreter sees, not what a JavaScript reader makes of it. The platform-tag
 * list and the order of the checks are here. Not modelled: the zip record-framing walk and the
 * malware rules (reference pypi-upload-rules.md §2), and CPython differences after 3.11.
 *
 * Fail closed: when the worker cannot be started or answers nothing usable, the upload is
 * refused with a 500 that says so.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PYTHON, PythonWorker } from './python-worker.ts';
import { Refusal } from './warehouse-rules.ts';

const reader = new PythonWorker(join(import.meta.dirname, 'warehouse-archive.py'));

interface Verdict {
  status: number;
  message: string;
}

/** Reads the next uploads with `interpreter` (tests: a missing one must make uploads fail). */
export function useArchiveReader(interpreter = PYTHON): void {
  reader.use(interpreter);
}

async function ask(request: object): Promise<Record<string, unknown>> {
  try {
    return await reader.ask(request);
  } catch (error) {
    throw new Refusal(
      500,
      `The index stand-in could not read the upload with CPython, so it refuses it: ${(error as Error).message}`,
    );
  }
}

const refusal = (verdict: Verdict | null | undefined): Refusal | undefined =>
  verdict ? new Refusal(verdict.status, verdict.message) : undefined;

export interface ArchiveFindings {
  /** The archive checks (framing, ratio, compression, WHEEL / PKG-INFO), refused first. */
  archive?: Refusal;
  /** License-File, RECORD, entry points and METADATA, refused after the filename rules. */
  contents?: Refusal;
}

/**
 * Opens an uploaded file (its bytes as received) with CPython and returns what Warehouse
 * would refuse, split at the point where Warehouse's filename and platform rules come between.
 */
export async function inspectArchive(
  file: { filename: string; chunks: Buffer[] },
  filetype: 'sdist' | 'bdist_wheel',
  licenseFiles: string[],
): Promise<ArchiveFindings> {
  const dir = await mkdtemp(join(tmpdir(), 'warehouse-upload-'));
  try {
    const path = join(dir, 'upload');
    await writeFile(path, file.chunks);
    const answer = await ask({
      op: 'check',
      path,
      filename: file.filename,
      filetype,
      license_files: licenseFiles,
    });
    const archive = refusal(answer.archive as Verdict | null | undefined);
    const contents = refusal(answer.contents as Verdict | null | undefined);
    return { ...(archive ? { archive } : {}), ...(contents ? { contents } : {}) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Whether PyPI keeps `name` from a new project as a standard-library module name (or a dotted
 * prefix of one): the Debian interpreter's modules, read from its own library, plus the names
 * of other Python versions listed in the helper.
 */
export async function isStdlibName(name: string): Promise<boolean> {
  const answer = await ask({ op: 'stdlib', name });
  if (typeof answer.stdlib !== 'boolean')
    throw new Refusal(500, 'The index stand-in could not establish the standard-library names.');
  return answer.stdlib;
}
