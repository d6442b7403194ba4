import { isAscii } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import vm from 'node:vm';

/**
 * Runs the CLI's CommonJS bundle (dist/cli-bundle/main.cjs, scripts/build.mjs) with the V8 code
 * cache written beside it at build time (issue 15: compiling the bundle's modules was ≈ 50 ms of
 * every command). Node 20 has no compile-cache API for ES modules (`module.enableCompileCache`
 * arrived in 22.1) and `v8-compile-cache` is unmaintained and breaks `import()`, so this is the
 * documented `vm.Script` route: `cachedData` in, `createCachedData()` out (training runs only).
 *
 * A cache is used only when its first line names the build id on the bundle's first line (every
 * build writes a new one, so a cache never meets another bundle than its own: V8 compares only
 * the source's length, and would run a same-length rebuild's old code); V8 itself refuses one made
 * by another V8 version or with other flags (`cachedDataRejected`), and then the bundle simply
 * compiles as without a cache. Nothing is written at run time.
 */
const WRAPPER = [
  '(function (exports, require, module, __filename, __dirname, __consentryImport) {',
  '\n})',
] as const;
const BUILD_ID = /^\/\/ consentry-cli-build ([0-9a-f-]{8,})\n/;

export interface BundleRun {
  /** Whether V8 accepted the cache (false when there was none, it was stale or refused). */
  cacheUsed: boolean;
  /**
   * Training (build time only, scripts/train-cli-cache.mjs): writes the cache with every function
   * compiled so far — at exit, after the command ran. Nothing calls it at run time.
   */
  writeCache(): void;
}

export function runBundle(file: string): BundleRun {
  // The build escapes every non-ASCII character (scripts/build.mjs, asciiOnly): then the bytes are
  // the text, copied at once instead of decoded as UTF-8 (≈ 5 ms for the 2 MB bundle).
  const bytes = readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const cacheFile = `${file}.cache`;
  const id = BUILD_ID.exec(source)?.[1];
  const cachedData = id ? readCache(cacheFile, id) : undefined;
  const script = new vm.Script(WRAPPER[0] + source + WRAPPER[1], {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const run: BundleRun = {
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    writeCache() {
      if (!id) throw new Error(`${file} has no build id: its cache could not be told from a stale one`);
      writeFileSync(cacheFile, Buffer.concat([Buffer.from(`${id}\n`), script.createCachedData()]));
    },
  };
  const module = { exports: {} };
  const main = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: unknown,
    filename: string,
    dirname: string,
    importModule: (specifier: string) => Promise<unknown>,
  ) => void;
  // The bundle's `import()` expressions call this one (scripts/build.mjs, hostImports): an
  // `import()` compiled from a code cache has no loader on Node 20.
  main(module.exports, createRequire(file), module, file, dirname(file), (specifier) => import(specifier));
  return run;
}

/** The cache's bytes when its first line is this build's id; undefined when absent or stale. */
function readCache(cacheFile: string, id: string): Buffer | undefined {
  let raw: Buffer;
  try {
    raw = readFileSync(cacheFile);
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return undefined;
    throw e;
  }
  const newline = raw.indexOf(10);
  return newline > 0 && raw.toString('latin1', 0, newline) === id ? raw.subarray(newline + 1) : undefined;
}
