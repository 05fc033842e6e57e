/**
 * What a step may do to the outside world besides its services: log, set outputs, mask
 * secrets, write the job summary. The action uses `@actions/core`; the command line prints.
 */
import * as core from '@actions/core';

export type SummaryRow = string[];

export interface StepIO {
  info(message: string): void;
  warning(message: string): void;
  /** One highlighted line of result per phase. */
  result(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  setOutput(name: string, value: string): void;
  setSecret(value: string): void;
  /** Appends a heading and a table (first row is the header) to the job summary. */
  summaryTable(heading: string, rows: SummaryRow[], note?: string): Promise<void>;
}

export const actionIO: StepIO = {
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  result: (message) => core.notice(message),
  group: (name, fn) => core.group(name, fn),
  setOutput: (name, value) => core.setOutput(name, value),
  setSecret: (value) => core.setSecret(value),
  async summaryTable(heading, rows, note) {
    // Outside a runner (a local run of dist/index.js) there is no summary file to write.
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    const [header = [], ...body] = rows;
    core.summary
      .addHeading(heading, 3)
      .addTable([
        header.map((data) => ({ data: escapeHtml(data), header: true })),
        ...body.map((row) => row.map(escapeHtml)),
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
    async summaryTable(heading, rows) {
      write(heading);
      for (const row of rows) write(`  ${row.join('  ')}`);
    },
  };
}

/** The job summary is HTML: untrusted text in a cell must not become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
