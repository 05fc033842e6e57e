import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  group,
  info,
  notice,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-DXZHM2GX.js";

// src/core/io.ts
var actionIO = {
  info: (message) => info(message),
  warning: (message) => warning(message),
  result: (message) => notice(message),
  group: (name, fn) => group(name, fn),
  setOutput: (name, value) => setOutput(name, value),
  setSecret: (value) => setSecret(value),
  async summaryTable(heading, rows, note) {
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    const [header = [], ...body] = rows;
    summary.addHeading(heading, 3).addTable([
      header.map((data) => ({ data: escapeHtml(data), header: true })),
      ...body.map((row) => row.map(escapeHtml))
    ]);
    if (note) summary.addRaw(`
${escapeHtml(note)}
`, true);
    await summary.write();
  }
};
function consoleIO(write = (line) => console.log(line)) {
  return {
    info: write,
    warning: (message) => write(`warning: ${message}`),
    result: (message) => write(`\u2714 ${message}`),
    group: async (name, fn) => {
      write(`\u2500\u2500 ${name}`);
      return fn();
    },
    setOutput: (name, value) => write(`${name}=${value}`),
    setSecret: () => void 0,
    async summaryTable(heading, rows) {
      write(heading);
      for (const row of rows) write(`  ${row.join("  ")}`);
    }
  };
}
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export {
  actionIO,
  consoleIO,
  escapeHtml
};
