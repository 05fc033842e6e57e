/**
 * What a step may do to the outside world besides its services: log, set outputs, mask
 * secrets, write the job summary. The action uses `@actions/core`; the command line prints.
 *
 * Annotations are few on purpose: a run lists every notice on its summary page, so each step
 * raises one, its summary's heading, and the results of its phases go to the log.
 */
import * as core from '@actions/core';

/** A summary cell: plain text, or text linking to an http(s) address. */
export type SummaryCell = string | { text: string; href: string };
export type SummaryRow = SummaryCell[];

export interface StepIO {
  info(message: string): void;
  warning(message: string): void;
  /** One highlighted line of result per phase (the log, not an annotation). */
  result(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  /**
   * Appends a heading and a table (first row is the header) to the job summary, and raises the
   * step's one notice annotation with the heading. Call it once, when the step is done.
   */
  summaryTable(heading: string, rows: SummaryRow[], note?: string): Promise<void>;
}

export const actionIO: StepIO = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  result: (message) => core.info(`✔ ${message}`),
  group: (name, fn) => core.group(name, fn),
  setOutput: (name, value) => core.setOutput(name, value),
  setSecret: (value) => core.setSecret(value),
  async summaryTable(heading, rows, note) {
    core.notice(heading);
    // Outside a runner (a local run of dist/index.js) there is no summary file to write.
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    const [header = [], ...body] = rows;
    core.summary
      .addHeading(escapeHtml(heading), 3)
      .addTable([
        header.map((cell) => ({ data: cellHtml(cell), header: true })),
        ...body.map((row) => row.map(cellHtml)),
      ]);
    if (note) core.summary.addRaw(`\n${escapeHtml(note)}\n`, true);
    await core.summary.write();
  },
};

/** Plain console output for the command line; outputs are printed as `name=value`. */
export function consoleIO(write: (line: string) => void = (line) => console.log(line)): StepIO {
  return {
    info: write,
    warning: (message) => write(`warning: ${message}`),
    result: (message) => write(`✔ ${message}`),
    group: async (name, fn) => {
      write(`── ${name}`);
      return fn();
    },
    setOutput: (name, value) => write(`${name}=${value}`),
    setSecret: () => undefined,
    async summaryTable(heading, rows, note) {
      write(heading);
      for (const row of rows) write(`  ${row.map(cellText).join('  ')}`);
      if (note) write(note);
    },
  };
}

/** The job summary is HTML: untrusted text in a cell must not become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A cell as HTML; a link only to http(s), so a listed URL cannot run script. */
export function cellHtml(cell: SummaryCell): string {
  if (typeof cell === 'string') return escapeHtml(cell);
  if (!/^https?:\/\//i.test(cell.href)) return escapeHtml(cell.text);
  return `<a href="${escapeHtml(cell.href)}">${escapeHtml(cell.text)}</a>`;
}

/** A cell as plain text: a link shows its address. */
export function cellText(cell: SummaryCell): string {
  if (typeof cell === 'string') return cell;
  return cell.text === cell.href ? cell.href : `${cell.text} <${cell.href}>`;
}
