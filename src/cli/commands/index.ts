import type { Command } from 'commander';
import { registerAppsCommands } from './apps.ts';
import { registerCoreCommands } from './core.ts';
import { registerKeysCommands } from './keys.ts';

/** Every command group; one file each under ./, thin: parse, call the service layer, print. */
export const COMMAND_GROUPS: ((program: Command) => void)[] = [
  registerCoreCommands,
  registerAppsCommands,
  registerKeysCommands,
];
