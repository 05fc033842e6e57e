import { createRequire as __releaseActionRequire } from 'node:module'; const require = __releaseActionRequire(import.meta.url);
import {
  group,
  info,
  notice,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunk-GWEJQHBX.js";

// src/core/io.ts
var actionIO = {
  info: (message) => info(message),
  warning: (message) => warning(message),
  result: (message) => info(`\u2714 ${message}`),
  group: (name, fn) => group(name, fn),
  setOutput: (name, value) => setOutput(name, value),
  setSecret: (value) => setSecret(value),
  async summaryTable(heading, rows, note) {
    notice(heading);
    if (!process.env.GITHUB_STEP_SUMMARY) return;
    const [header = [], ...body] = rows;
    summary.addHeading(escapeHtml(heading), 3).addTable([
      header.map((cell) => ({ data: cellHtml(cell), header: true })),
      ...body.map((row) => row.map(cellHtml))
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
    async summaryTable(heading, rows, note) {
      write(heading);
      for (const row of rows) write(`  ${row.map(cellText).join("  ")}`);
      if (note) write(note);
    }
  };
}
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
function cellHtml(cell) {
  if (typeof cell === "string") return escapeHtml(cell);
  if (!/^https?:\/\//i.test(cell.href)) return escapeHtml(cell.text);
  return `<a href="${escapeHtml(cell.href)}">${escapeHtml(cell.text)}</a>`;
}
function cellText(cell) {
  if (typeof cell === "string") return cell;
  return cell.text === cell.href ? cell.href : `${cell.text} <${cell.href}>`;
}

export {
  actionIO,
  consoleIO,
  escapeHtml,
  cellText
};
