import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/**
 * `BENCH_CPU_PROF=DIR`: a benchmark server profiles its own main thread from the moment it is
 * ready (start-up and fixture writes left out) until it is stopped, and writes
 * DIR/<label>.cpuprofile — open it in Chrome DevTools or summarise it with
 * `npx tsx bench/profile-summary.ts FILE`. Returns the function that writes it (a no-op otherwise).
 */
export async function profileFromHere(label: string): Promise<() => Promise<void>> {
  const dir = process.env.BENCH_CPU_PROF;
  if (!dir) return async () => {};
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  // 1 ms sampling: enough samples from a few seconds of load without drowning the server.
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `${label}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  };
}
