import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBundle } from './code-cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'consentry-code-cache-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const results = globalThis as { codeCacheResult?: string };
/** A bundle of the same length whatever `answer` (one character), as a rebuild might make. */
const bundle = (id: string | undefined, answer: string) =>
  `${id ? `// consentry-cli-build ${id}\n` : ''}'use strict';` +
  `function answer() { return require('node:path').basename(__filename) + ':${answer}'; }` +
  'globalThis.codeCacheResult = answer();\n';

describe('runBundle (the CLI bundle with its V8 code cache)', () => {
  it('runs the bundle as CommonJS, then with the cache it trained', () => {
    const file = join(dir, 'main.cjs');
    writeFileSync(file, bundle('0f0e0d0c-0000-4000-8000-000000000001', 'a'));
    const first = runBundle(file);
    expect(results.codeCacheResult).toBe('main.cjs:a');
    expect(first.cacheUsed).toBe(false);
    first.writeCache();
    const second = runBundle(file);
    expect(second.cacheUsed).toBe(true);
    expect(results.codeCacheResult).toBe('main.cjs:a');
  });

  it('import() from the cached bundle loads through the loader (scripts/build.mjs rewrites it)', async () => {
    const file = join(dir, 'imports.cjs');
    writeFileSync(
      file,
      "// consentry-cli-build 0f0e0d0c-0000-4000-8000-000000000004\n'use strict';" +
        'globalThis.codeCacheImport = async () => (await __consentryImport("node:path")).sep;\n',
    );
    const load = () => (globalThis as { codeCacheImport?: () => Promise<string> }).codeCacheImport!();
    runBundle(file);
    expect(await load()).toBe('/');
    runBundle(file).writeCache();
    expect(runBundle(file).cacheUsed).toBe(true);
    expect(await load()).toBe('/');
  });

  it('never uses a cache made for another build, even of the same length', () => {
    const file = join(dir, 'rebuilt.cjs');
    writeFileSync(file, bundle('0f0e0d0c-0000-4000-8000-000000000002', 'a'));
    runBundle(file).writeCache();
    // Rebuilt: new id, new code, same length — V8's own check (the length) would accept the cache.
    writeFileSync(file, bundle('0f0e0d0c-0000-4000-8000-000000000003', 'b'));
    const rebuilt = runBundle(file);
    expect(rebuilt.cacheUsed).toBe(false);
    expect(results.codeCacheResult).toBe('rebuilt.cjs:b');
  });

  it('a bundle without a build id runs without a cache and cannot train one', () => {
    const file = join(dir, 'plain.cjs');
    writeFileSync(file, bundle(undefined, 'c'));
    const run = runBundle(file);
    expect(run.cacheUsed).toBe(false);
    expect(results.codeCacheResult).toBe('plain.cjs:c');
    expect(() => run.writeCache()).toThrow(/no build id/);
  });
});
