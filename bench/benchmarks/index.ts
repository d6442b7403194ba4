import type { Benchmark } from '../harness.ts';
import { apiAccessToken } from './api-access-token.ts';
import { callbackThroughput } from './callback-throughput.ts';
import { cliLatency } from './cli-latency.ts';
import { dueSelectionScale } from './due-selection-scale.ts';
import { ensureFreshValidPostgres } from './ensure-fresh-valid-postgres.ts';
import { ensureFreshValidSqlite } from './ensure-fresh-valid-sqlite.ts';
import { refreshCoalescing } from './refresh-coalescing.ts';
import { refresherThroughput } from './refresher-throughput.ts';
import { serverRssIdle } from './server-rss-idle.ts';
import { tokenEndpointEs256, tokenEndpointRs256 } from './token-endpoint.ts';
import { tokenEndpointRefreshEs256, tokenEndpointRefreshEs256Postgres } from './token-endpoint-refresh.ts';

/** Every benchmark, in run order. One file each. */
export const BENCHMARKS: Benchmark[] = [
  ensureFreshValidSqlite,
  callbackThroughput,
  serverRssIdle,
  ensureFreshValidPostgres,
  refreshCoalescing,
  dueSelectionScale,
  refresherThroughput,
  tokenEndpointEs256,
  tokenEndpointRs256,
  apiAccessToken,
  tokenEndpointRefreshEs256,
  tokenEndpointRefreshEs256Postgres,
  cliLatency,
];
