#!/usr/bin/env node
// Compiles src/ to dist/ (ESM JavaScript, declarations, source maps) with tsc -p tsconfig.build.json.
//   node scripts/build.mjs           build only when a source is newer than the last build (npm start,
//                                    prepare, the test suite's global setup): a clone that is already
//                                    built starts without compiling anything
//   node scripts/build.mjs --force   build now (incremental)
//   node scripts/build.mjs --clean   empty dist/ first (prepack: no file from a deleted source ships)
// The CLI and the server never build at run time; they run dist/.
//
// After tsc, two artefacts for a fast CLI (issue 15), rebuilt whenever tsc ran or one is missing:
//   dist/catalog/catalog.json  the provider catalog as ProviderRegistry validated it, read by the
//                              CLI's listings instead of 300+ entry modules and their zod parse
//                              (test/cli/prebuilt-catalog.test.ts holds it equal to the sources)
//   dist/cli-bundle/           the CLI bundled by esbuild from dist/cli/main.js into one CommonJS
//                              file (main.cjs) instead of ~800 modules (Kysely alone is 260),
//                              its V8 code cache (main.cjs.cache, scripts/train-cli-cache.mjs)
//                              and the loader that runs it with the cache (loader.cjs, from
//                              src/cli/code-cache.ts). Packages with native code, worker files or
//                              their own file lookups stay external (BUNDLED lists the pure-JS
//                              ones inlined). Without esbuild (a production install),
//                              bin/consentry.js runs dist/cli/main.js instead.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', '.tsbuildinfo');
const args = new Set(process.argv.slice(2));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stale() {
  if (!existsSync(stamp) || !existsSync(join(root, 'dist', 'index.js'))) return true;
  const built = statSync(stamp).mtimeMs;
  const inputs = [join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json')].map(
    (f) => statSync(f).mtimeMs,
  );
  return Math.max(newestSource(join(root, 'src')), ...inputs) > built;
}

if (args.has('--clean')) rmSync(join(root, 'dist'), { recursive: true, force: true });
const catalogJson = join(root, 'dist', 'catalog', 'catalog.json');
const bundleDir = join(root, 'dist', 'cli-bundle');
const bundleFile = join(bundleDir, 'main.cjs');
const compiled = args.has('--clean') || args.has('--force') || stale();
if (compiled) {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (run.status !== 0) {
    process.stderr.write('consentry: the build failed (tsc -p tsconfig.build.json).\n');
    process.exit(run.status ?? 1);
  }
}

/** The catalog exactly as the registry holds it after validating every entry and alias. */
async function writeCatalog() {
  const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
  const { CATALOG, CATALOG_ALIASES } = await import(dist('catalog/providers/index.js'));
  const { ProviderRegistry } = await import(dist('catalog/registry.js'));
  const registry = new ProviderRegistry(CATALOG);
  for (const alias of CATALOG_ALIASES) registry.addAlias(alias);
  writeFileSync(catalogJson, JSON.stringify({ providers: registry.all(), aliases: registry.aliases() }));
}

/** Pure-JavaScript packages inlined into the CLI bundle; every other package stays external. */
const BUNDLED = new Set([
  'kysely',
  'zod',
  'jose',
  'commander',
  'oauth4webapi',
  'i18next',
  'negotiator',
  'ipaddr.js',
  'fastify-type-provider-zod',
  'p-throttle',
]);

/**
 * ESM-only packages among the external ones: `require()`d from the CommonJS bundle (Node ≥ 20.19
 * loads ES modules with require), their default export taken through a small ES module in between
 * — esbuild's interop for an importer in a `"type": "module"` package would hand over the whole
 * namespace as the default. Only default imports are supported: esbuild stops on any other.
 */
const ESM_ONLY = /^oidc-provider$/;

async function bundleCli() {
  let esbuild;
  let lexer;
  try {
    esbuild = await import('esbuild');
    lexer = await import('es-module-lexer');
  } catch {
    rmSync(bundleDir, { recursive: true, force: true });
    return false; // no devDependencies: bin/consentry.js falls back to dist/cli/main.js
  }
  rmSync(bundleDir, { recursive: true, force: true });
  // One CommonJS file, not split ES modules: V8's code cache (src/cli/code-cache.ts) applies to
  // scripts only on Node 20. Dynamic imports of inlined modules become lazy in-file initialisers,
  // so a command still runs only the modules it needs. No comments or indentation: the file is
  // pure ASCII (a non-ASCII comment alone made decoding it cost ≈ 30 ms) and half the size.
  await esbuild.build({
    entryPoints: [join(root, 'dist', 'cli', 'main.js')],
    outfile: bundleFile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minifyWhitespace: true,
    sourcemap: 'linked',
    logLevel: 'warning',
    define: { 'import.meta.url': '__consentryModuleUrl' },
    // The build id ties the code cache to this very bundle (see src/cli/code-cache.ts). The
    // source map is esbuild's: the rewrites below shift a few columns on the lines they touch.
    banner: {
      js: `// consentry-cli-build ${randomUUID()}\n'use strict';var __consentryModuleUrl = require('node:url').pathToFileURL(__filename).href;`,
    },
    plugins: [
      {
        name: 'esm-only-packages',
        setup(build) {
          build.onResolve({ filter: ESM_ONLY }, (a) =>
            a.namespace === 'esm-only'
              ? { path: a.path, external: true }
              : { path: a.path, namespace: 'esm-only' },
          );
          build.onLoad({ filter: /.*/, namespace: 'esm-only' }, (a) => ({
            contents: `export { default } from ${JSON.stringify(a.path)};`,
            loader: 'js',
          }));
        },
      },
      {
        name: 'external-packages',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (a) => {
            if (a.path.startsWith('node:')) return { external: true };
            const name = a.path.startsWith('@')
              ? a.path.split('/').slice(0, 2).join('/')
              : a.path.split('/')[0];
            return BUNDLED.has(name) ? undefined : { external: true };
          });
        },
      },
    ],
  });
  asciiOnly(bundleFile);
  await hostImports(bundleFile, lexer);
  // The loader that runs it, CommonJS too: bin/consentry.js requires it without starting Node's
  // ES module loader (≈ 5–10 ms: the loader itself, and node:fs's ESM facade loading its streams).
  await esbuild.build({
    entryPoints: [join(root, 'dist', 'cli', 'code-cache.js')],
    outfile: join(bundleDir, 'loader.cjs'),
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return true;
}

/**
 * Turns the bundle's remaining `import()` expressions (external packages loaded on demand such as
 * undici, the configured consumer modules) into calls of `__consentryImport`, which the loader
 * (src/cli/code-cache.ts) passes in: on Node 20 an `import()` inside a script compiled from a code
 * cache fails ("A dynamic import callback was not specified" — the script's host options are not
 * restored from the cache), and `vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER` is experimental
 * (a warning on stderr). es-module-lexer finds exactly the dynamic imports, never text in strings,
 * comments or regular expressions.
 */
async function hostImports(file, { init, parse }) {
  await init;
  let text = readFileSync(file, 'utf8');
  const [imports] = parse(text);
  const dynamic = imports.filter((i) => i.t === 2).sort((a, b) => b.ss - a.ss);
  for (const { ss } of dynamic) {
    if (text.slice(ss, ss + 7) !== 'import(') throw new Error(`${file}: no import( at ${ss}`);
    text = `${text.slice(0, ss)}__consentryImport${text.slice(ss + 6)}`;
  }
  writeFileSync(file, text);
}

/**
 * Escapes the characters esbuild leaves outside ASCII (it cannot in tagged templates, whose raw
 * text a tag could read: the console's `html` and Kysely's `sql` read the cooked strings, where
 * `\u2019` and `’` are the same). One such character makes Node decode the whole 2 MB file as
 * two-byte text and V8 scan it so: ≈ 25 ms per command. Left as is if any follows a backslash.
 */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  if (/\\[\u0080-\uffff]/.test(text)) return;
  const escaped = text.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  if (escaped !== text) writeFileSync(file, escaped);
}

/**
 * The bundle's V8 code cache, made by running the listings once (scripts/train-cli-cache.mjs) so
 * it holds the functions they compile, not only the top level. An optimisation only: when it
 * cannot be made, the CLI runs without it.
 */
function trainCodeCache() {
  const run = spawnSync(process.execPath, [join(root, 'scripts', 'train-cli-cache.mjs')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) {
    rmSync(`${bundleFile}.cache`, { force: true });
    process.stderr.write('consentry: warning: no code cache for the CLI bundle (the training run failed).\n');
  }
}

if (compiled || !existsSync(catalogJson)) await writeCatalog();
if ((compiled || !existsSync(bundleFile)) && (await bundleCli())) trainCodeCache();
