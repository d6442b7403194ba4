import type { ProviderInput } from '../provider.ts';
import google from './google.ts';
import microsoft from './microsoft.ts';
import oidc from './oidc.ts';

/** The catalog: one data file per provider. Adding a provider = one file + one line here. */
export const CATALOG: readonly ProviderInput[] = [google, microsoft, oidc];
