/**
 * `npm run bench`: the action against what users would run instead, side by side in one run,
 * as ratios. Writes bench/RESULTS.md. `--smoke` runs each benchmark once on tiny inputs (part
 * of the test command, so this code cannot rot); `--only <name>[,<name>]` runs some of them and
 * prints their rows without writing the results file.
 */
import { cpus, totalmem } from 'node:os';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchContext, Row } from './rows.ts';
import { benchmarks } from './suite.ts';
import { mapLimit } from '../src/core/concurrency.ts';

/** Benchmarks run at once by `--smoke`. */
const SMOKE_CONCURRENCY = 2;

const smoke = process.argv.includes('--smoke');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? (process.argv[onlyAt + 1] ?? '').split(',').filter(Boolean) : undefined;
const selected = only ? benchmarks.filter((b) => only.includes(b.name)) : benchmarks;
if (only && selected.length !== only.length) {
  console.error(`--only takes names from: ${benchmarks.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
// A folder of this run's own: a smoke run beside a measuring one leaves its files alone.
const root = join(import.meta.dirname, '.work', String(process.pid));
await rm(root, { recursive: true, force: true });
await mkdir(root, { recursive: true });

const context: BenchContext = { smoke, root, runs: smoke ? 1 : 3 };
const rows: Row[] = [];
try {
  if (smoke) {
    // Nothing is measured: two benchmarks at a time (each has its own stand-ins, ports and
    // folder), so the smoke run inside the test command takes about half as long.
    rows.push(
      ...(await mapLimit(selected, SMOKE_CONCURRENCY, (bench) => bench.run(context))).flat(),
    );
  } else {
    for (const bench of selected) {
      console.log(`… ${bench.name}`);
      rows.push(...(await bench.run(context)));
    }
  }
} finally {
  await rm(root, { recursive: true, force: true });
}

const table = [
  '| benchmark | ours (median [min, max]) | peer (median [min, max]) | ratio | target | met |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows.map(
    (r) =>
      `| ${r.name} | ${r.ours} | ${r.peer} | ${r.ratio} | ${r.target} | ${r.met === undefined ? '—' : r.met ? 'yes' : '**no**'} |`,
  ),
].join('\n');
console.log(`\n${table}\n`);
for (const r of rows) if (r.note && !smoke) console.log(`- ${r.name}: ${r.note}`);
if (smoke) {
  console.log(`bench smoke: ${rows.length} rows`);
} else if (!only) {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`;
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.name}: ${r.note}`);
  await writeFile(
    join(import.meta.dirname, 'RESULTS.md'),
    `# Benchmark results\n\nDate: ${new Date().toISOString().slice(0, 10)}  \nMachine: ${machine}  \nNode: ${process.version}\n\nEach figure is the median of ${context.runs} alternating runs (or more where its note says so), with min and max.\n\n${table}\n\n${notes.join('\n')}\n`,
  );
  console.log('Wrote bench/RESULTS.md');
}
