import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Compiles dist/ when stale: the CLI and `npm start` run the compiled output.
    globalSetup: ['test/support/build.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Suites start real servers on port 0 and real databases in temporary directories / schemas,
    // so files run in parallel safely; keep it to the machine's two cores.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
