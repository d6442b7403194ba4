import type { Benchmark } from '../harness.ts';
import { ensureFreshValidSqlite } from './ensure-fresh-valid-sqlite.ts';

/** Every benchmark, in run order. One file each. */
export const BENCHMARKS: Benchmark[] = [ensureFreshValidSqlite];
