/** Publishing benchmarks against twine (added once the index stand-in is in the sandbox). */
import type { Benchmark } from './suite.ts';

export const publishBenchmarks: Benchmark[] = [];
