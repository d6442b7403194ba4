#!/usr/bin/env node
// Build step (scripts/build.mjs): makes dist/cli-bundle/main.cjs.cache, the V8 code cache of the
// CLI bundle, by running the listings once each against a throw-away data directory. Each run
// starts from the cache the previous one wrote and adds what it compiled, so the cache holds the
// functions these commands run (a cache of the top level alone saves a third as much). Runs in a
// temporary directory with only PATH and HOME from the environment: never the caller's database,
// key or .env file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
const bundle = join(root, 'dist', 'cli-bundle', 'main.cjs');

/** The commands whose start-up is measured (bench/benchmarks/cli-latency.ts) come first. */
const RUNS = [
  ['connections', 'list', '--json'],
  ['providers', 'list', '--json'],
  ['connections', 'list'],
  ['providers', 'list'],
];

if (process.argv[2] === '--run') {
  // One training run: the bundle as bin/consentry.js runs it (the same loader), writing the cache
  // at exit.
  process.argv = [process.argv[0], join(root, 'bin', 'consentry.js'), ...process.argv.slice(3)];
  const { runBundle } = createRequire(import.meta.url)(join(root, 'dist', 'cli-bundle', 'loader.cjs'));
  // Read the cache earlier runs wrote (if any), so this one adds to it.
  const run = runBundle(bundle);
  process.once('exit', () => run.writeCache());
} else {
  const dir = mkdtempSync(join(tmpdir(), 'consentry-cli-cache-'));
  const env = { PATH: process.env.PATH ?? '', HOME: dir, DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'warn' };
  try {
    await seed(env);
    for (const args of RUNS) {
      const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--run', ...args], {
        cwd: dir,
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      if (run.status !== 0) throw new Error(`consentry ${args.join(' ')} exited ${run.status}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A few connections, one of them failing, so the listing's every branch runs. */
async function seed(env) {
  const { openCore } = await import(dist('app-core.js'));
  const { loadConfig } = await import(dist('config/config.js'));
  const core = await openCore(loadConfig(env, { server: true }));
  try {
    const client = await core.store.clients.create({
      providerKey: 'google',
      name: 'Training',
      clientId: 'training.apps.googleusercontent.com',
      clientSecret: 'training-secret',
    });
    const now = new Date();
    for (let i = 0; i < 20; i++)
      await core.store.connections.insert(
        {
          clientRef: client.id,
          providerKey: 'google',
          purpose: 'console',
          payload: {},
          account: `user${i}@example.org`,
          subject: `sub-${i}`,
          issuer: 'https://accounts.google.com',
          accessToken: `at-${i}-training`,
          refreshToken: i % 2 ? `rt-${i}-training` : undefined,
          tokenType: 'bearer',
          scopes: ['openid', 'email'],
          expiresAt: new Date(now.getTime() + 3600_000),
        },
        now,
      );
  } finally {
    await core.database.close();
  }
}
