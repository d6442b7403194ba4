import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMAND_TABLE, registerFor } from '../../src/cli/command-table.ts';
import { COMMAND_GROUPS } from '../../src/cli/commands/index.ts';

/**
 * The CLI loads only the module of the command being run (issue 15); the table that says which
 * module owns which command must match what the modules register, or a command would vanish.
 */
describe('the CLI command table', () => {
  it('names exactly the top-level commands each module registers, every module once', async () => {
    expect(COMMAND_TABLE).toHaveLength(COMMAND_GROUPS.length);
    const all: string[] = [];
    for (const entry of COMMAND_TABLE) {
      const program = new Command();
      (await entry.load())(program);
      expect(program.commands.map((c) => c.name()).sort()).toEqual([...entry.names].sort());
      all.push(...entry.names);
    }
    const everything = new Command();
    for (const register of COMMAND_GROUPS) register(everything);
    expect(all.sort()).toEqual(everything.commands.map((c) => c.name()).sort());
  });

  it('registers only the owning module for a known command, all of them otherwise', async () => {
    const one = new Command();
    await registerFor(one, ['providers', 'list', '--json']);
    expect(one.commands.map((c) => c.name())).toEqual(['providers']);
    const mail = new Command();
    await registerFor(mail, ['mailboxes', 'list']);
    expect(mail.commands.map((c) => c.name())).toEqual(['mailboxes']);
    for (const args of [['--help'], [], ['help', 'providers'], ['provders', 'list']]) {
      const program = new Command();
      await registerFor(program, args);
      expect(program.commands).toHaveLength(
        COMMAND_GROUPS.reduce((n, r) => {
          const p = new Command();
          r(p);
          return n + p.commands.length;
        }, 0),
      );
    }
  });
});
