import type { Command } from 'commander';

/**
 * Which module registers which top-level command — light metadata, so `consentry <command> …`
 * loads only that command's module and what it imports (issue 15: a fast CLI). Help, `--version`
 * and unknown commands load every module (commander needs them all to list them or to suggest one).
 * `test/cli/command-table.test.ts` checks these names against what each module registers.
 */
export interface CommandModule {
  /** The top-level commands the module registers. */
  names: readonly string[];
  load(): Promise<(program: Command) => void>;
}

export const COMMAND_TABLE: readonly CommandModule[] = [
  {
    names: ['redirect-url', 'db', 'health'],
    load: async () => (await import('./commands/core.ts')).registerCoreCommands,
  },
  { names: ['apps'], load: async () => (await import('./commands/apps.ts')).registerAppsCommands },
  { names: ['keys'], load: async () => (await import('./commands/keys.ts')).registerKeysCommands },
  {
    names: ['providers'],
    load: async () => (await import('./commands/providers.ts')).registerProvidersCommands,
  },
  { names: ['clients'], load: async () => (await import('./commands/clients.ts')).registerClientsCommands },
  {
    names: ['service-accounts'],
    load: async () => (await import('./commands/service-accounts.ts')).registerServiceAccountsCommands,
  },
  {
    names: ['connections'],
    load: async () => (await import('./commands/connections.ts')).registerConnectionsCommands,
  },
  { names: ['connect'], load: async () => (await import('./commands/connect.ts')).registerConnectCommand },
  {
    names: ['mailboxes'],
    load: async () => (await import('./commands/mailboxes.ts')).registerMailboxesCommands,
  },
  { names: ['users'], load: async () => (await import('./commands/users.ts')).registerUsersCommands },
  {
    names: ['secret-key'],
    load: async () => (await import('./commands/secret-key.ts')).registerSecretKeyCommands,
  },
  { names: ['audit'], load: async () => (await import('./commands/audit.ts')).registerAuditCommands },
  {
    names: ['api-keys'],
    load: async () => (await import('./commands/api-keys.ts')).registerApiKeysCommands,
  },
  {
    names: ['webhooks'],
    load: async () => (await import('./commands/webhooks.ts')).registerWebhooksCommands,
  },
];

/**
 * Registers on `program` the modules the command line needs: the one owning its first word, or
 * all of them when the first word is not a known command (help, `--version`, a typo).
 */
export async function registerFor(program: Command, args: readonly string[]): Promise<void> {
  const first = args.find((a) => !a.startsWith('-'));
  const owner = COMMAND_TABLE.filter((m) => first !== undefined && m.names.includes(first));
  const chosen = owner.length ? owner : COMMAND_TABLE;
  for (const register of await Promise.all(chosen.map((m) => m.load()))) register(program);
}
