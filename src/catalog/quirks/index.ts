import type { ProviderQuirks } from './quirk.ts';

/** Quirk modules by name. A provider entry names its module with `quirks: '<name>'`. */
export const QUIRKS: Readonly<Record<string, ProviderQuirks>> = {};
