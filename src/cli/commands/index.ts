import type { Command } from 'commander';
import { registerCoreCommands } from './core.ts';

/** Every command group; one file each under ./, thin: parse, call the service layer, print. */
export const COMMAND_GROUPS: ((program: Command) => void)[] = [registerCoreCommands];
