import { Command } from 'commander';
import { COMMAND_GROUPS } from './commands/index.ts';
import { fail } from './context.ts';

const program = new Command();
program
  .name('consentry')
  .description('Consentry OAuth2 platform — administration from the command line')
  .showHelpAfterError()
  .exitOverride((err) => {
    process.exit(err.exitCode === 0 ? 0 : 2);
  });
for (const register of COMMAND_GROUPS) register(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  fail(error);
}
