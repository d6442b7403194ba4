import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { config as zodConfig } from 'zod';
import { registerFor } from './command-table.ts';
import { fail } from './context.ts';

// A command parses each schema once or twice (the configuration, a demo entry): zod's compiled
// fast path costs more to build than it saves there (≈ 80 ms per command measured), so the
// short-lived CLI process runs zod without it. The server keeps the default.
zodConfig({ jitless: true });

const program = new Command();
program
  .name('consentry')
  .version(packageVersion(), '-V, --version', 'print the version of Consentry')
  .description('Consentry OAuth2 platform — administration from the command line')
  .showHelpAfterError()
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });
/** The version in package.json (the file sits two levels up from src/cli/ and from dist/cli/). */
function packageVersion(): string {
  const file = new URL('../../package.json', import.meta.url);
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

// No top-level await: the same module is bundled to CommonJS (scripts/build.mjs, code-cache.ts).
async function main(): Promise<void> {
  await registerFor(program, process.argv.slice(2));
  await program.parseAsync(process.argv);
}
main().catch(fail);
