/**
 * Checks the GitHub stand-in's answers against GitHub's own OpenAPI description (the
 * `@octokit/openapi` package, generated from github/rest-api-description): each recorded
 * answer is matched to the operation GitHub describes for its method and path, on the host
 * GitHub serves it from (the upload host is a server override in the description), and its
 * JSON body is validated with ajv against the schema of its status; the request's query
 * parameters must be ones the operation documents.
 *
 * Decisions where the description is silent:
 * - An endpoint the description does not have, or has on the other host (uploads go to the
 *   upload host only), may only answer GitHub's 404.
 * - An error status the operation does not list passes when it is one GitHub answers on any
 *   endpoint (`UNIVERSAL_ERRORS`: bad JSON, auth, permissions, not found, validation, rate
 *   limits, server errors); any other undocumented status fails.
 * - Every error answer must be GitHub's error JSON with `message` and `documentation_url`
 *   (`basic-error` marks neither required, but GitHub always sends both and clients rely on
 *   `message`).
 * - A documented answer with no content (204, 302) must have no body; a 302 needs `location`.
 * - OpenAPI 3.0's `nullable: true` becomes `null` in `type` (and `enum`); `example`s go.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { RequestRecord } from '../../sandbox/github.ts';

/** The descriptions checked against: github.com, and the GitHub Enterprise Server versions. */
export const GHES_VERSIONS = ['ghes-3.17', 'ghes-3.18', 'ghes-3.19'] as const;
export type Description = 'api.github.com' | (typeof GHES_VERSIONS)[number];

/** Statuses GitHub answers on any endpoint, documented or not, with its error JSON. */
export const UNIVERSAL_ERRORS = new Set([400, 401, 403, 404, 422, 429, 500, 502, 503, 504]);

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  /** Literal segments: `/releases/latest` wins over `/releases/{release_id}`. */
  literals: number;
  /** Served from another host than the API's (`uploads.github.com`). */
  serverOverride: string | undefined;
  responses: Json;
  /** Parameters (maybe `$ref`s), the path item's and the operation's. */
  parameters: Json[];
}

interface Loaded {
  id: string;
  doc: { paths: Record<string, Json>; components: Json };
  operations: Operation[];
  ajv: Ajv;
  validators: Map<string, ValidateFunction>;
  /** Component ids registered with ajv. */
  added: Set<string>;
}

const require = createRequire(import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head'];
const loaded = new Map<Description, Loaded>();

function load(description: Description): Loaded {
  const cached = loaded.get(description);
  if (cached) return cached;
  const file = require.resolve(`@octokit/openapi/generated/${description}.json`);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as Loaded['doc'];
  const id = `https://openapi.test/${description}`;
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(doc.paths)) {
    const segments = template.split('/').slice(1);
    const pattern = new RegExp(
      `^/${segments.map((s) => (/^\{.+\}$/.test(s) ? '[^/]+' : escape(s))).join('/')}$`,
    );
    const literals = segments.filter((s) => !s.startsWith('{')).length;
    for (const method of METHODS) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const servers = (op.servers ?? item.servers) as Array<{ url: string }> | undefined;
      operations.push({
        method: method.toUpperCase(),
        template,
        pattern,
        literals,
        serverOverride: servers?.[0]?.url,
        responses: op.responses as Json,
        parameters: [...((item.parameters as Json[]) ?? []), ...((op.parameters as Json[]) ?? [])],
      });
    }
  }
  operations.sort((a, b) => b.literals - a.literals);
  const result = { id, doc, operations, ajv, validators: new Map(), added: new Set<string>() };
  loaded.set(description, result);
  return result;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * An OpenAPI 3.0 schema as JSON Schema: `nullable` folded into `type`/`enum`, examples
 * dropped, each `#/components/<kind>/<name>` reference made the absolute id under which
 * `addComponents` registers that component; the components referenced are added to `refs`.
 */
function translate(node: unknown, id: string, refs: Set<string>): unknown {
  if (Array.isArray(node)) return node.map((n) => translate(n, id, refs));
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Json;
  const out: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof value === 'string') {
      refs.add(value);
      out.$ref = `${id}/${value.slice('#/components/'.length)}`;
    } else if (key === 'properties' || key === 'patternProperties')
      out[key] = Object.fromEntries(
        Object.entries(value as Json).map(([name, s]) => [name, translate(s, id, refs)]),
      );
    else out[key] = translate(value, id, refs);
  }
  if (source.nullable !== true) return out;
  if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'] };
  if (Array.isArray(out.type)) return { ...out, type: [...out.type, 'null'] };
  return { anyOf: [{ type: 'null' }, out] };
}

/**
 * Registers the referenced components and those they reference, translated, each once: only
 * the few dozen schemas the checked answers reach, not the description's thousand.
 */
function addComponents(api: Loaded, refs: Set<string>): void {
  for (const ref of refs) {
    const key = `${api.id}/${ref.slice('#/components/'.length)}`;
    if (api.added.has(key)) continue;
    api.added.add(key);
    const more = new Set<string>();
    const schema = translate(resolveRef(api.doc, { $ref: ref }), api.id, more) as Json;
    api.ajv.addSchema({ ...schema, $id: key });
    addComponents(api, more);
  }
}

function resolveRef(doc: Loaded['doc'], value: Json): Json {
  const ref = value.$ref;
  if (typeof ref !== 'string') return value;
  let node: unknown = doc;
  for (const part of ref.slice(2).split('/')) node = (node as Json)[part];
  return resolveRef(doc, node as Json);
}

/** The operation GitHub describes for `method` and `path`, or undefined. */
export function findOperation(
  description: Description,
  method: string,
  path: string,
): { template: string; serverOverride: string | undefined } | undefined {
  return load(description).operations.find((o) => o.method === method && o.pattern.test(path));
}

/** Everything wrong with one recorded answer; empty when GitHub could have sent it. */
export function checkAnswer(description: Description, record: RequestRecord): string[] {
  // The download pages are github.com's website, not the REST API; a dropped connection
  // (status 0, a fault a test asked for) is no answer.
  if (record.host === 'web' || record.status === 0) return [];
  const api = load(description);
  const op = api.operations.find((o) => o.method === record.method && o.pattern.test(record.path));
  // GitHub answers 404 for what it does not serve (GHES has no attestations API).
  if (!op) return record.status === 404 ? errorAnswer(record) : ['GitHub has no such endpoint'];
  const where = `${record.method} ${op.template}`;
  const problems: string[] = [];
  // The other host has no such endpoint: it may only answer 404.
  const onUploads = op.serverOverride !== undefined && /uploads/.test(op.serverOverride);
  const wrongHost = record.host === 'uploads' ? !onUploads : op.serverOverride !== undefined;
  if (wrongHost && record.status === 404) return errorAnswer(record);
  if (wrongHost)
    problems.push(
      `answered by the ${record.host === 'uploads' ? 'upload' : 'API'} host, but GitHub serves ${where} on ${op.serverOverride ?? 'the API host'}`,
    );

  const query = new Set(
    op.parameters
      .map((p) => resolveRef(api.doc, p))
      .filter((p) => p.in === 'query')
      .map((p) => p.name),
  );
  for (const name of new URLSearchParams(record.query).keys())
    if (!query.has(name))
      problems.push(`GitHub documents no query parameter \`${name}\` for ${where}`);

  const key = String(record.status);
  const documented = (op.responses[key] ?? op.responses.default) as Json | undefined;
  if (!documented && !(record.status >= 400 && UNIVERSAL_ERRORS.has(record.status)))
    problems.push(
      `status ${key} is not one GitHub documents for ${where} (${Object.keys(op.responses).join(', ')})`,
    );
  const response = documented ? resolveRef(api.doc, documented) : {};
  const content = response.content as Record<string, { schema?: Json }> | undefined;
  const media = content && Object.keys(content).find((m) => /^application\/(.+\+)?json$/.test(m));
  const schema = media ? content?.[media]?.schema : undefined;
  const body = parseBody(record, problems);

  if (record.status >= 400) problems.push(...errorAnswer(record));
  if (schema) {
    problems.push(...jsonLabel(record), ...validate(api, `${where} ${key}`, schema, body));
  } else if (record.status < 400 && record.body !== undefined && record.body !== '') {
    problems.push(`GitHub answers ${where} ${key} with no body, the stand-in sent one`);
  }
  if (record.status === 302 && !record.headers.location) problems.push('302 without location');
  return problems;
}

function parseBody(record: RequestRecord, problems: string[]): unknown {
  if (record.body === undefined) return undefined;
  try {
    return JSON.parse(record.body) as unknown;
  } catch {
    problems.push('the body is not JSON');
    return undefined;
  }
}

// Octokit reads an error's message from the body only when it is labelled JSON.
function jsonLabel(record: RequestRecord): string[] {
  const type = record.headers['content-type'];
  return /^application\/json/.test(type ?? '')
    ? []
    : [`content-type is ${type ?? 'missing'}, not JSON`];
}

/** GitHub's error answer: JSON, labelled so, with `message` and `documentation_url`. */
function errorAnswer(record: RequestRecord): string[] {
  const problems = jsonLabel(record);
  return [...problems, ...errorShape(parseBody(record, problems))];
}

function errorShape(body: unknown): string[] {
  const error = body as Json | undefined;
  if (typeof error !== 'object' || error === null || Array.isArray(error))
    return ['an error answer without GitHub’s error JSON ({message, documentation_url})'];
  return ['message', 'documentation_url']
    .filter((field) => typeof error[field] !== 'string')
    .map((field) => `the error JSON has no string \`${field}\``);
}

function validate(api: Loaded, key: string, schema: Json, body: unknown): string[] {
  let check = api.validators.get(key);
  if (!check) {
    const refs = new Set<string>();
    const translated = translate(schema, api.id, refs) as Json;
    addComponents(api, refs);
    check = api.ajv.compile(translated);
    api.validators.set(key, check);
  }
  if (check(body)) return [];
  const errors = check.errors ?? [];
  return errors
    .slice(0, 8)
    .map(
      (e) =>
        `${e.instancePath || '(body)'} ${e.message ?? 'is invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`,
    )
    .concat(errors.length > 8 ? [`… ${errors.length - 8} more`] : []);
}

/**
 * Every kind of recorded answer that GitHub could not have sent, one line each with its
 * problems and how often it was answered:
 * `api POST /repos/{owner}/{repo}/releases -> 201 (×2): /author must have required property …`.
 */
export function deviations(description: Description, records: RequestRecord[]): string[] {
  const lines = new Map<string, number>();
  for (const record of records) {
    const problems = checkAnswer(description, record);
    if (problems.length === 0) continue;
    const path = findOperation(description, record.method, record.path)?.template ?? record.path;
    const line = `${record.host} ${record.method} ${path} -> ${record.status}: ${[...new Set(problems)].join('; ')}`;
    lines.set(line, (lines.get(line) ?? 0) + 1);
  }
  return [...lines].map(([line, n]) => (n > 1 ? line.replace(/: /, ` (×${n}): `) : line));
}
