import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { init, parse } from 'es-module-lexer';
import { describe, expect, it } from 'vitest';

/**
 * The CLI bundle as `npm run build` leaves it (scripts/build.mjs; the global setup builds): one
 * ASCII CommonJS file without `import()` (rewritten to the loader's, see src/cli/code-cache.ts),
 * and a code cache that the next run, through the CommonJS loader bin/consentry.js uses, accepts.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const BUNDLE = join(ROOT, 'dist', 'cli-bundle', 'main.cjs');

describe.skipIf(!existsSync(BUNDLE))('the CLI bundle', () => {
  it('is ASCII and has no import() left', async () => {
    const text = readFileSync(BUNDLE, 'utf8');
    expect(/[\u0080-\uffff]/.test(text)).toBe(false);
    await init;
    const [imports] = parse(text);
    expect(imports.filter((i) => i.t === 2)).toEqual([]);
  });

  it('runs with the code cache made at build time', () => {
    const loader = join(ROOT, 'dist', 'cli-bundle', 'loader.cjs');
    const script = `process.argv = [process.argv[0], 'consentry', '--version'];
      const { runBundle } = require(${JSON.stringify(loader)});
      process.stderr.write(JSON.stringify(runBundle(${JSON.stringify(BUNDLE)})));`;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(JSON.parse(run.stderr)).toEqual({ cacheUsed: true });
  });
});
