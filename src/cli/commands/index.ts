import type { Command } from 'commander';
import { registerApiKeysCommands } from './api-keys.ts';
import { registerAppsCommands } from './apps.ts';
import { registerAuditCommands } from './audit.ts';
import { registerClientsCommands } from './clients.ts';
import { registerConnectCommand } from './connect.ts';
import { registerConnectionsCommands } from './connections.ts';
import { registerCoreCommands } from './core.ts';
import { registerKeysCommands } from './keys.ts';
import { registerMailboxesCommands } from './mailboxes.ts';
import { registerProvidersCommands } from './providers.ts';
import { registerSecretKeyCommands } from './secret-key.ts';
import { registerServiceAccountsCommands } from './service-accounts.ts';
import { registerUsersCommands } from './users.ts';
import { registerWebhooksCommands } from './webhooks.ts';

/** Every command group; one file each under ./, thin: parse, call the service layer, print. */
export const COMMAND_GROUPS: ((program: Command) => void)[] = [
  registerCoreCommands,
  registerAppsCommands,
  registerKeysCommands,
  registerProvidersCommands,
  registerClientsCommands,
  registerServiceAccountsCommands,
  registerConnectionsCommands,
  registerConnectCommand,
  registerMailboxesCommands,
  registerUsersCommands,
  registerSecretKeyCommands,
  registerAuditCommands,
  registerApiKeysCommands,
  registerWebhooksCommands,
];
