/** What every benchmark shares: its context, the rows it reports, and how figures are written. */

export interface BenchContext {
  smoke: boolean;
  root: string;
  runs: number;
}

export interface Row {
  name: string;
  ours: string;
  peer: string;
  ratio: string;
  target: string;
  /** Absent for a row without a target of its own. */
  met?: boolean;
  note?: string;
}

export interface Benchmark {
  name: string;
  run(context: BenchContext): Promise<Row[]>;
}

/** A median with its range: `1.23 s [1.20, 1.31]`. */
export const fmt = (s: { median: number; min: number; max: number }, unit = 's', digits = 2) =>
  `${s.median.toFixed(digits)} ${unit} [${s.min.toFixed(digits)}, ${s.max.toFixed(digits)}]`;
