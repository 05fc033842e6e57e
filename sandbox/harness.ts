/**
 * Runs a bundled JavaScript action the way the GitHub runner does: a child `node` process with
 * only the runner's environment (`INPUT_*`, `GITHUB_*`, `RUNNER_*`, `ACTIONS_*`), fresh file
 * command files, then reads back what the action reported through them and through workflow
 * commands on stdout. https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import { spawn } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRuntimeToken } from './artifact-service.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_TIMEOUT_MS = 60_000;
const LOG_TAIL_CHARS = 4000;
/** Variables of the parent that the runner also gives its steps; nothing else leaks through. */
/** From the machine, as a runner passes them on (Node's compile cache included). */
const PASSED_THROUGH = ['PATH', 'HOME', 'SystemRoot', 'NODE_COMPILE_CACHE'];
const RUNNER_OS: Record<string, string> = { linux: 'Linux', darwin: 'macOS', win32: 'Windows' };

/** The workflow run every default describes: a tag push, as sandbox/oidc-issuer.ts assumes. */
export const RUN_DEFAULTS = {
  repository: 'octo-org/octo-repo',
  ref: 'refs/tags/v1.0.0',
  sha: 'a'.repeat(40),
  runId: '4242',
  runNumber: '7',
  job: 'build',
  workflow: 'Release',
  workflowPath: '.github/workflows/release.yml',
  eventName: 'push',
  actor: 'octocat',
} as const;

/** One job of a simulated workflow run. */
export interface JobRef {
  /** `GITHUB_JOB`, the job's id in the workflow (default `build`). */
  job?: string;
  /** Tells matrix legs of one job apart: each gets its own job backend id. */
  matrix?: string;
  runAttempt?: number;
  runId?: string;
}

/**
 * The per-job variables the runner sets for the artifact service: same run backend id for the
 * whole workflow run, a distinct job backend id per job, matrix leg and attempt.
 */
export function runnerEnvFor(
  sandbox: { artifacts: { url: string } },
  ref: JobRef = {},
): Record<string, string> {
  const { job = RUN_DEFAULTS.job, runId = RUN_DEFAULTS.runId, runAttempt = 1 } = ref;
  const runBackendId = backendId(`run:${runId}`);
  const jobBackendId = backendId(`job:${runId}:${runAttempt}:${job}:${ref.matrix ?? ''}`);
  return {
    GITHUB_RUN_ID: runId,
    GITHUB_RUN_ATTEMPT: String(runAttempt),
    GITHUB_JOB: job,
    ACTIONS_RUNTIME_TOKEN: makeRuntimeToken({ runBackendId, jobBackendId, runAttempt }),
    ACTIONS_RESULTS_URL: `${sandbox.artifacts.url}/`,
  };
}

/** A stable UUID-shaped id, like the service's backend ids. */
function backendId(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return [
    hex.slice(0, 8),
    hex.slice(8, 12),
    hex.slice(12, 16),
    hex.slice(16, 20),
    hex.slice(20, 32),
  ].join('-');
}

export interface RunActionOptions {
  /** Action inputs by their action.yml name (`packages-dir`). */
  inputs?: Record<string, string | number | boolean>;
  /** Variables set or (with `undefined`) removed after the defaults; wins over everything. */
  env?: Record<string, string | undefined>;
  /** `GITHUB_WORKSPACE` and the working directory (default: a fresh temp dir). */
  workspace?: string;
  /** `RUNNER_TEMP` (default: a fresh temp dir). */
  runnerTemp?: string;
  /** Kill the action and reject after this long (default 60 s). */
  timeoutMs?: number;
  /** The script to run (default `<repo>/dist/index.js`). */
  entry?: string;
  /** A command to run node under, e.g. `['/usr/bin/time', '-f', '%M', '-o', file]` (benchmarks). */
  wrapper?: string[];
  /** action.yml whose input defaults apply as on the runner (default `<repo>/action.yml`). */
  actionYml?: string | false;
  /** What `${{ github.token }}` defaults evaluate to. */
  githubToken?: string;
  /** Payload at `GITHUB_EVENT_PATH` (default: a push of the ref). */
  event?: Record<string, unknown>;
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice' | 'debug';
  message: string;
  /** `file`, `line`, `endLine`, `col`, `endColumn`, `title`, unescaped. */
  properties: Record<string, string>;
}

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  /** From `GITHUB_OUTPUT`. */
  outputs: Record<string, string>;
  /** `GITHUB_STEP_SUMMARY` as written. */
  summary: string;
  annotations: Annotation[];
  /** Values the action masked with `::add-mask::`. */
  masks: string[];
  /** Variables exported through `GITHUB_ENV`. */
  exportedEnv: Record<string, string>;
  /** Values saved through `GITHUB_STATE`. */
  state: Record<string, string>;
  /** Entries added through `GITHUB_PATH`. */
  addedPath: string[];
  /** The complete environment the action ran with. */
  env: Record<string, string>;
  workspace: string;
  runnerTemp: string;
  /** Removes the temp dirs this run created (not the ones passed in). */
  cleanup(): Promise<void>;
}

const FILE_COMMANDS = {
  GITHUB_OUTPUT: 'set_output',
  GITHUB_STEP_SUMMARY: 'step_summary',
  GITHUB_ENV: 'set_env',
  GITHUB_PATH: 'add_path',
  GITHUB_STATE: 'save_state',
} as const;
type FileCommand = keyof typeof FILE_COMMANDS;

/** Runs the action once and collects everything it reported. */
export async function runAction(options: RunActionOptions = {}): Promise<ActionRun> {
  const created: string[] = [];
  const tempDir = async (prefix: string): Promise<string> => {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    created.push(dir);
    return dir;
  };
  const cleanup = async (): Promise<void> => {
    await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
  };
  const workspace = resolve(options.workspace ?? (await tempDir('action-workspace-')));
  const runnerTemp = resolve(options.runnerTemp ?? (await tempDir('action-runner-temp-')));
  const env = await prepareEnvironment(options, workspace, runnerTemp);
  const entry = options.entry ?? join(REPO_ROOT, 'dist', 'index.js');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // A run that never finished has nothing to read back: leave no temp dirs behind either.
  const { exitCode, stdout, stderr } = await spawnAction(
    entry,
    env,
    workspace,
    timeoutMs,
    options.wrapper ?? [],
  ).catch(async (error: unknown) => {
    await cleanup();
    throw error;
  });
  const read = (name: FileCommand): Promise<string> => readFile(env[name] ?? '', 'utf8');
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseKeyValueFile(await read('GITHUB_OUTPUT')),
    summary: await read('GITHUB_STEP_SUMMARY'),
    ...parseWorkflowCommands(stdout),
    exportedEnv: parseKeyValueFile(await read('GITHUB_ENV')),
    state: parseKeyValueFile(await read('GITHUB_STATE')),
    addedPath: (await read('GITHUB_PATH')).split(/\r?\n/).filter(Boolean),
    env,
    workspace,
    runnerTemp,
    cleanup,
  };
}

async function prepareEnvironment(
  options: RunActionOptions,
  workspace: string,
  runnerTemp: string,
): Promise<Record<string, string>> {
  const overrides = options.env ?? {};
  const repository = overrides.GITHUB_REPOSITORY ?? RUN_DEFAULTS.repository;
  const ref = overrides.GITHUB_REF ?? RUN_DEFAULTS.ref;
  const sha = overrides.GITHUB_SHA ?? RUN_DEFAULTS.sha;
  const eventPath = join(runnerTemp, '_github_workflow', 'event.json');
  await mkdir(dirname(eventPath), { recursive: true });
  await writeFile(
    eventPath,
    JSON.stringify(options.event ?? pushEvent(repository, ref, sha), null, 2),
  );
  const env: Record<string, string | undefined> = {
    ...Object.fromEntries(PASSED_THROUGH.map((name) => [name, process.env[name]])),
    ...(await inputVariables(options)),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    RUNNER_OS: RUNNER_OS[process.platform] ?? 'Linux',
    RUNNER_ARCH: process.arch === 'arm64' ? 'ARM64' : 'X64',
    RUNNER_NAME: 'GitHub Actions 2',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: workspace,
    GITHUB_REPOSITORY: repository,
    GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
    // The ids sandbox/oidc-issuer.ts and the GitHub stand-in give every repository.
    GITHUB_REPOSITORY_ID: '2002',
    GITHUB_REPOSITORY_OWNER_ID: '1001',
    GITHUB_RUN_ID: RUN_DEFAULTS.runId,
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_RUN_NUMBER: RUN_DEFAULTS.runNumber,
    GITHUB_JOB: RUN_DEFAULTS.job,
    GITHUB_ACTION: '__octo-org_release-action',
    GITHUB_ACTOR: RUN_DEFAULTS.actor,
    GITHUB_TRIGGERING_ACTOR: RUN_DEFAULTS.actor,
    GITHUB_SHA: sha,
    GITHUB_REF: ref,
    GITHUB_REF_NAME: ref.replace(/^refs\/(tags|heads)\//, ''),
    GITHUB_REF_TYPE: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    GITHUB_EVENT_NAME: RUN_DEFAULTS.eventName,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_WORKFLOW: RUN_DEFAULTS.workflow,
    GITHUB_WORKFLOW_REF: `${repository}/${RUN_DEFAULTS.workflowPath}@${ref}`,
    GITHUB_WORKFLOW_SHA: sha,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
    ...(await createFileCommands(runnerTemp)),
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(env).filter((pair): pair is [string, string] => pair[1] !== undefined),
  );
}

/** Fresh empty files per run, where the runner puts them. */
async function createFileCommands(runnerTemp: string): Promise<Record<FileCommand, string>> {
  const dir = join(runnerTemp, '_runner_file_commands');
  await mkdir(dir, { recursive: true });
  const entries = Object.entries(FILE_COMMANDS).map(([name, prefix]) => {
    return [name, join(dir, `${prefix}_${randomUUID()}`)] as const;
  });
  await Promise.all(entries.map(([, path]) => writeFile(path, '')));
  return Object.fromEntries(entries) as Record<FileCommand, string>;
}

function pushEvent(repository: string, ref: string, sha: string): Record<string, unknown> {
  const [owner = '', name = ''] = repository.split('/');
  return {
    ref,
    before: '0'.repeat(40),
    after: sha,
    created: true,
    deleted: false,
    forced: false,
    repository: { full_name: repository, name, owner: { login: owner }, private: false },
    sender: { login: RUN_DEFAULTS.actor, type: 'User' },
  };
}

/** `INPUT_<NAME>` as the runner and `core.getInput` spell it: spaces to `_`, hyphens kept. */
export function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

async function inputVariables(options: RunActionOptions): Promise<Record<string, string>> {
  const actionYml = options.actionYml ?? join(REPO_ROOT, 'action.yml');
  const defaults =
    actionYml && existsSync(actionYml)
      ? readInputDefaults(await readFile(actionYml, 'utf8'), options.githubToken ?? '')
      : {};
  const inputs = { ...defaults, ...options.inputs };
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), String(v)]));
}

/**
 * Input defaults from action.yml, which the runner passes for every input not given in the
 * workflow. Reads the block-style layout action.yml files use; no YAML library needed.
 */
export function readInputDefaults(yaml: string, githubToken = ''): Record<string, string> {
  const defaults: Record<string, string> = {};
  let inInputs = false;
  let inputIndent = -1;
  let current: string | undefined;
  for (const line of yaml.split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    if (indent === 0) {
      inInputs = /^inputs:\s*$/.test(line);
      continue;
    }
    if (!inInputs) continue;
    if (inputIndent < 0) inputIndent = indent;
    const key = /^\s*([^\s:#][^:]*):\s*(.*)$/.exec(line);
    if (indent === inputIndent && key) current = key[1];
    else if (indent > inputIndent && key?.[1] === 'default' && current) {
      defaults[current] = yamlScalar(key[2] ?? '', githubToken);
    }
  }
  return defaults;
}

function yamlScalar(raw: string, githubToken: string): string {
  const text = raw.trim();
  if (text.startsWith("'")) return text.slice(1, text.lastIndexOf("'")).replace(/''/g, "'");
  if (text.startsWith('"')) return JSON.parse(text.slice(0, text.lastIndexOf('"') + 1)) as string;
  if (/^[|>]/.test(text)) throw new Error(`block scalar input defaults are not supported: ${raw}`);
  const plain = text.replace(/\s+#.*$/, '');
  if (/^\$\{\{\s*github\.token\s*\}\}$/.test(plain)) return githubToken;
  if (plain.includes('${{'))
    throw new Error(`unsupported expression in an input default: ${plain}`);
  return plain;
}

function spawnAction(
  entry: string,
  env: Record<string, string>,
  cwd: string,
  timeoutMs: number,
  wrapper: string[],
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const [command = process.execPath, ...prefix] = [...wrapper, process.execPath];
    const args = [...prefix, entry];
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `The action ${entry} did not finish within ${timeoutMs} ms and was killed.\n` +
            `--- stdout (end) ---\n${stdout.slice(-LOG_TAIL_CHARS)}\n` +
            `--- stderr (end) ---\n${stderr.slice(-LOG_TAIL_CHARS)}`,
        ),
      );
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Failed to start ${process.execPath} ${entry}: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ exitCode: code ?? 1, stdout, stderr });
    });
  });
}

/**
 * Reads a file command (`GITHUB_OUTPUT`, `GITHUB_ENV`, `GITHUB_STATE`) as the runner does:
 * `name=value` lines and `name<<DELIMITER` heredocs, as `@actions/core` writes them.
 */
export function parseKeyValueFile(text: string): Record<string, string> {
  const result: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line) continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (heredoc > 0 && (equals < 0 || heredoc < equals)) {
      const delimiter = line.slice(heredoc + 2);
      const end = lines.indexOf(delimiter, i + 1);
      if (end < 0) throw new Error(`file command: no closing delimiter ${delimiter} for ${line}`);
      result[line.slice(0, heredoc)] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (equals > 0) {
      result[line.slice(0, equals)] = line.slice(equals + 1);
    } else {
      throw new Error(`file command: invalid line ${JSON.stringify(line)}`);
    }
  }
  return result;
}

const ANNOTATION_LEVELS = new Set(['error', 'warning', 'notice', 'debug']);
const WORKFLOW_COMMAND = /^::([A-Za-z-]+)(?: ([^:]*))?::(.*)$/;

/** Annotations and masks from `::command key=value,...::data` lines, unescaped. */
export function parseWorkflowCommands(stdout: string): {
  annotations: Annotation[];
  masks: string[];
} {
  const annotations: Annotation[] = [];
  const masks: string[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = WORKFLOW_COMMAND.exec(line);
    if (!match) continue;
    const [, command = '', rawProperties = '', data = ''] = match;
    if (command === 'add-mask') masks.push(unescapeCommandValue(data));
    if (!ANNOTATION_LEVELS.has(command)) continue;
    const properties: Record<string, string> = {};
    for (const pair of rawProperties.split(',').filter(Boolean)) {
      const equals = pair.indexOf('=');
      if (equals > 0)
        properties[pair.slice(0, equals)] = unescapeCommandValue(pair.slice(equals + 1));
    }
    const level = command as Annotation['level'];
    annotations.push({ level, message: unescapeCommandValue(data), properties });
  }
  return { annotations, masks };
}

// `%25` last: it was escaped first, so `%250A` stays the literal text `%0A`.
function unescapeCommandValue(text: string): string {
  return text
    .replace(/%0D/g, '\r')
    .replace(/%0A/g, '\n')
    .replace(/%3A/g, ':')
    .replace(/%2C/g, ',')
    .replace(/%25/g, '%');
}
