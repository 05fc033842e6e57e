/**
 * The Warehouse stand-in's Python oracle: one long-lived `warehouse-oracle.py` worker per
 * process, run by Debian's /usr/bin/python3 with trove-classifiers, email-validator and
 * readme_renderer, the libraries PyPI itself checks uploads with. Shared by every stand-in the
 * process starts, so a test file pays Python's start once; it answers in order, one JSON line
 * per request, and holds the event loop only while an answer is awaited.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Refusal } from './warehouse-rules.ts';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(import.meta.dirname, 'warehouse-oracle.py');
/** Isolated (no PYTHONPATH, no user site), and UTF-8 on the pipes whatever the locale. */
const PYTHON_FLAGS = ['-I', '-X', 'utf8'];
/** Longer than any rendering of a test's description takes; then the worker is replaced. */
const ANSWER_MS = 30_000;

/** What the oracle is asked about one upload (form fields, UNKNOWN already dropped). */
export interface OracleQuestion {
  classifiers: string[];
  'author-email'?: string;
  'maintainer-email'?: string;
  description?: string;
  contentType?: string;
}

/** Warehouse's own errors among those fields, and whether the description renders. */
export interface OracleAnswer {
  /** [field, message], in Warehouse's order within each field. */
  errors: [string, string][];
  /** Undefined when there is no description to render. */
  rendered?: boolean;
}

interface Worker {
  python: string;
  child: ChildProcessWithoutNullStreams;
  waiting: { resolve: (a: OracleAnswer) => void; reject: (e: Error) => void }[];
  stderr: string;
  failure?: Error;
}

let worker: Worker | undefined;

/**
 * Starts the worker if it is not running, so the first upload does not wait for Python;
 * `python` (a test's) replaces a worker run by another interpreter.
 */
export function startOracle(python?: string): void {
  if (worker && !worker.failure && (python === undefined || python === worker.python)) return;
  worker?.child.kill();
  const command = python ?? PYTHON;
  const child = spawn(command, [...PYTHON_FLAGS, SCRIPT], { stdio: 'pipe' });
  const current: Worker = { python: command, child, waiting: [], stderr: '' };
  worker = current;
  let ready = false;
  const fail = (error: Error) => {
    current.failure ??= error;
    for (const w of current.waiting.splice(0)) w.reject(current.failure);
  };
  child.on('error', fail);
  child.on('exit', (code, signal) =>
    fail(new Error(`${command} ${SCRIPT} ended (${signal ?? code}): ${current.stderr.trim()}`)),
  );
  child.stderr.on('data', (chunk: Buffer) => {
    current.stderr = (current.stderr + chunk.toString()).slice(-4000);
  });
  child.stdin.on('error', fail);
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (!ready) {
      ready = true;
      return;
    }
    let reply: OracleAnswer & { failure?: string };
    try {
      reply = JSON.parse(line) as typeof reply;
    } catch {
      fail(new Error(`${SCRIPT} answered something else than JSON: ${line.slice(0, 200)}`));
      current.child.kill();
      return;
    }
    const next = current.waiting.shift();
    if (reply.failure) next?.reject(new Error(reply.failure));
    else next?.resolve({ errors: reply.errors, rendered: reply.rendered ?? undefined });
    if (current.waiting.length === 0) hold(current, false);
  });
  hold(current, false);
}

/** Whether the worker keeps the process alive: only while answers are awaited. */
function hold(w: Worker, on: boolean): void {
  // The pipes are sockets; their type is the plain stream's.
  const pipes = [w.child.stdin, w.child.stdout, w.child.stderr] as unknown as Socket[];
  for (const handle of [w.child, ...pipes])
    if (on) handle.ref();
    else handle.unref();
}

/** Asks the oracle; rejects when the worker cannot answer (Python missing, a library broken). */
export function askOracle(question: OracleQuestion): Promise<OracleAnswer> {
  startOracle();
  const current = worker as Worker;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      current.child.kill();
      reject(new Error(`${SCRIPT} did not answer within ${ANSWER_MS / 1000} s`));
    }, ANSWER_MS);
    timer.unref();
    const settle =
      <T>(f: (v: T) => void) =>
      (v: T) => {
        clearTimeout(timer);
        f(v);
      };
    current.waiting.push({ resolve: settle(resolve), reject: settle(reject) });
    hold(current, true);
    current.child.stdin.write(`${JSON.stringify(question)}\n`);
  });
}

/**
 * The oracle's view of an upload's form (`values`: a field's values, UNKNOWN dropped). Fails
 * closed: when Python cannot answer, the upload is refused with what could not be established.
 */
export async function consultOracle(values: (name: string) => string[]): Promise<OracleAnswer> {
  const first = (name: string): string | undefined => values(name)[0] || undefined;
  const classifiers = values('classifiers');
  try {
    return await askOracle({
      // A lone empty value counts as absent, as Warehouse reads the form.
      classifiers: classifiers.length === 1 && classifiers[0] === '' ? [] : classifiers,
      'author-email': first('author_email'),
      'maintainer-email': first('maintainer_email'),
      description: first('description'),
      contentType: first('description_content_type'),
    });
  } catch (error) {
    throw new Refusal(
      500,
      `The index stand-in could not establish PyPI's verdict on classifiers, e-mail addresses and the description: ${(error as Error).message}`,
    );
  }
}
