/**
 * The Warehouse stand-in opens every uploaded file as PyPI does: with CPython's own zipfile,
 * tarfile, csv and configparser (Debian's /usr/bin/python3, in one long-lived helper process,
 * warehouse-archive.py), so what the tests' PyPI sees inside an archive is what PyPI's
 * interpreter sees, not what a JavaScript reader makes of it. The platform-tag list and the
 * order of the checks are here. Not modelled: the zip record-framing walk and the malware
 * rules (reference pypi-upload-rules.md §2), and CPython differences after 3.11.
 *
 * Fail closed: when the helper cannot be started or answers nothing usable, the upload is
 * refused with a 500 that says so.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Refusal } from './warehouse-rules.ts';

const PYTHON = '/usr/bin/python3';
let python = PYTHON;
const SCRIPT = fileURLToPath(new URL('./warehouse-archive.py', import.meta.url));

interface Verdict {
  status: number;
  message: string;
}

interface Answer {
  archive?: Verdict | null;
  contents?: Verdict | null;
  stdlib?: boolean;
  error?: string;
}

/** One helper per process, started on first use, answering in the order it was asked. */
class Helper {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly waiting: Array<(answer: Answer) => void> = [];
  private stderr = '';
  dead = false;

  constructor() {
    this.child = spawn(python, ['-I', SCRIPT], { stdio: 'pipe' });
    // Idle, the helper must not keep a test process alive.
    this.child.unref();
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr])
      (stream as unknown as { unref?: () => void }).unref?.();
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      let answer: Answer;
      try {
        answer = JSON.parse(line) as Answer;
      } catch {
        answer = { error: `unreadable answer ${JSON.stringify(line.slice(0, 200))}` };
      }
      this.waiting.shift()?.(answer);
    });
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-2000);
    });
    const fail = (why: string) => {
      this.dead = true;
      for (const resolve of this.waiting.splice(0))
        resolve({ error: `${why}${this.stderr ? `: ${this.stderr.trim()}` : ''}` });
    };
    this.child.on('error', (error) => fail(`${python} could not be started (${error.message})`));
    this.child.on('exit', (code, signal) => fail(`the archive reader ended (${signal ?? code})`));
    this.child.stdin.on('error', () => undefined);
  }

  stop(): void {
    this.child.kill();
  }

  ask(request: Record<string, unknown>): Promise<Answer> {
    if (this.dead) return Promise.resolve({ error: 'the archive reader is not running' });
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.stdin.write(`${JSON.stringify(request)}\n`);
    });
  }
}

let helper: Helper | undefined;

/** Reads the next uploads with `interpreter` (tests: a missing one must make uploads fail). */
export function useArchiveReader(interpreter = PYTHON): void {
  helper?.stop();
  helper = undefined;
  python = interpreter;
}

async function ask(request: Record<string, unknown>): Promise<Answer> {
  if (!helper || helper.dead) helper = new Helper();
  const answer = await helper.ask(request);
  if (answer.error)
    throw new Refusal(
      500,
      `The index stand-in could not read the upload with CPython, so it refuses it: ${answer.error}`,
    );
  return answer;
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
    const archive = refusal(answer.archive);
    const contents = refusal(answer.contents);
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
