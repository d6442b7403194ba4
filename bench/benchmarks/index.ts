import type { Benchmark } from '../harness.ts';
import { callbackThroughput } from './callback-throughput.ts';
import { ensureFreshValidSqlite } from './ensure-fresh-valid-sqlite.ts';
import { serverRssIdle } from './server-rss-idle.ts';
import { tokenEndpointEs256, tokenEndpointRs256 } from './token-endpoint.ts';

/** Every benchmark, in run order. One file each. */
export const BENCHMARKS: Benchmark[] = [ensureFreshValidSqlite, callbackThroughput, serverRssIdle, tokenEndpointEs256, tokenEndpointRs256];
