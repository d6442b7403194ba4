import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { COMMAND_GROUPS } from './commands/index.ts';
import { fail } from './context.ts';

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

for (const register of COMMAND_GROUPS) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  fail(error);
}
