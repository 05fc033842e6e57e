/**
 * A long-lived Python worker for the Warehouse stand-in: one script run by Debian's
 * /usr/bin/python3, started on first use and shared by every stand-in of the process, so a test
 * file pays Python's start once. The protocol: the script prints `{"ready": true}` once its
 * libraries are loaded, then one JSON object per JSON request line, in order; an answer with a
 * `failure` string is the script's own report that it could not answer. The worker holds the
 * event loop only while an answer is awaited, and every wait is bounded.
 *
 * Every way of not getting an answer (Python missing, the script ending, no answer in time, an
 * answer that is not JSON, the script's own failure) rejects with a {@link PythonFailure}; the
 * callers turn it into a refusal that says what could not be established (fail closed).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Socket } from 'node:net';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';

export const PYTHON = '/usr/bin/python3';
/** Isolated (no PYTHONPATH, no user site), and UTF-8 on the pipes whatever the locale. */
const PYTHON_FLAGS = ['-I', '-X', 'utf8'];
/** Longer than any answer a test's upload takes; then the worker is replaced. */
const ANSWER_MS = 30_000;
/** How much of the script's stderr a failure quotes. */
const STDERR_KEPT = 4000;

/** Why a worker gave no answer. */
export type FailureKind = 'unstartable' | 'ended' | 'timeout' | 'unreadable' | 'failure';

export class PythonFailure extends Error {
  readonly kind: FailureKind;

  constructor(kind: FailureKind, message: string) {
    super(message);
    this.name = 'PythonFailure';
    this.kind = kind;
  }
}

interface Pending {
  resolve: (answer: Record<string, unknown>) => void;
  reject: (error: PythonFailure) => void;
}

/** One running process of the script. */
class Process {
  readonly child: ChildProcessWithoutNullStreams;
  readonly waiting: Pending[] = [];
  failure?: PythonFailure;
  private readonly script: string;
  private stderr = '';
  private ready = false;

  constructor(python: string, script: string) {
    this.script = script;
    const name = basename(script);
    this.child = spawn(python, [...PYTHON_FLAGS, script], { stdio: 'pipe' });
    this.child.on('error', (error) =>
      this.fail('unstartable', `${python} could not run ${name} (${error.message})`),
    );
    this.child.on('exit', (code, signal) =>
      this.fail('ended', `${python} ${name} ended (${signal ?? code})${this.quoted()}`),
    );
    this.child.stdin.on('error', (error) =>
      this.fail('ended', `${name} stopped reading (${error.message})${this.quoted()}`),
    );
    this.child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-STDERR_KEPT);
    });
    createInterface({ input: this.child.stdout }).on('line', (line) => this.line(line));
    this.hold(false);
  }

  private quoted(): string {
    const stderr = this.stderr.trim();
    return stderr ? `: ${stderr}` : '';
  }

  private line(line: string): void {
    let answer: unknown;
    try {
      answer = JSON.parse(line);
    } catch {
      answer = undefined;
    }
    if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
      // The order of the answers is lost: no later answer can be trusted.
      this.fail(
        'unreadable',
        `${basename(this.script)} answered something else than a JSON object: ${line.slice(0, 200)}`,
      );
      this.child.kill();
      return;
    }
    const reply = answer as Record<string, unknown>;
    if (!this.ready) {
      this.ready = true;
      if (reply.ready === true) return;
    }
    const next = this.waiting.shift();
    if (typeof reply.failure === 'string')
      next?.reject(new PythonFailure('failure', reply.failure));
    else next?.resolve(reply);
    if (this.waiting.length === 0) this.hold(false);
  }

  fail(kind: FailureKind, message: string): void {
    this.failure ??= new PythonFailure(kind, message);
    for (const pending of this.waiting.splice(0)) pending.reject(this.failure);
  }

  /** Whether the process keeps Node alive: only while answers are awaited. */
  hold(on: boolean): void {
    // The pipes are sockets; their type is the plain stream's.
    const pipes = [this.child.stdin, this.child.stdout, this.child.stderr] as unknown as Socket[];
    for (const handle of [this.child, ...pipes])
      if (on) handle.ref();
      else handle.unref();
  }
}

/** A script's worker: at most one process at a time, replaced when it has failed. */
export class PythonWorker {
  private readonly script: string;
  private readonly answerMs: number;
  private process?: Process;
  private python = PYTHON;

  constructor(script: string, answerMs = ANSWER_MS) {
    this.script = script;
    this.answerMs = answerMs;
  }

  /** Runs the next requests with `python` (tests: a missing one must make uploads fail). */
  use(python = PYTHON): void {
    if (python === this.python) return;
    this.stop();
    this.python = python;
  }

  /** Starts the process if none is running, so the first request does not wait for Python. */
  start(): void {
    this.running();
  }

  private running(): Process {
    if (!this.process || this.process.failure) {
      this.process?.child.kill();
      this.process = new Process(this.python, this.script);
    }
    return this.process;
  }

  stop(): void {
    this.process?.child.kill();
    this.process = undefined;
  }

  /** The script's answer to `request`; rejects with a {@link PythonFailure}. */
  ask(request: object): Promise<Record<string, unknown>> {
    const current = this.running();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // Every answer still awaited is lost with the process, this one first.
        current.fail(
          'timeout',
          `${basename(this.script)} did not answer within ${this.answerMs / 1000} s`,
        );
        current.child.kill();
      }, this.answerMs);
      timer.unref();
      const settle =
        <T>(f: (v: T) => void) =>
        (v: T) => {
          clearTimeout(timer);
          f(v);
        };
      current.waiting.push({ resolve: settle(resolve), reject: settle(reject) });
      current.hold(true);
      current.child.stdin.write(`${JSON.stringify(request)}\n`);
    });
  }
}
