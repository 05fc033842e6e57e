/**
 * The Warehouse stand-in's Python oracle: the long-lived `warehouse-oracle.py` worker
 * (python-worker.ts), run by Debian's /usr/bin/python3 with trove-classifiers, email-validator
 * and readme_renderer, the libraries PyPI itself checks uploads with.
 */
import { join } from 'node:path';
import { PythonWorker } from './python-worker.ts';
import { Refusal } from './warehouse-rules.ts';

const worker = new PythonWorker(join(import.meta.dirname, 'warehouse-oracle.py'));

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

/**
 * Starts the worker if it is not running, so the first upload does not wait for Python;
 * `python` (a test's) replaces a worker run by another interpreter.
 */
export function startOracle(python?: string): void {
  if (python !== undefined) worker.use(python);
  worker.start();
}

/** Asks the oracle; rejects when the worker cannot answer (Python missing, a library broken). */
export async function askOracle(question: OracleQuestion): Promise<OracleAnswer> {
  const reply = (await worker.ask(question)) as {
    errors: [string, string][];
    rendered?: boolean | null;
  };
  return { errors: reply.errors, rendered: reply.rendered ?? undefined };
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
