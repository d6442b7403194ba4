import { defineProvider } from '../provider.ts';
import { entraAppOnly } from './shapes.ts';

/** Microsoft Entra ID (App-Only): app-only access through Microsoft Entra ID (client credentials). */
export default defineProvider(
  entraAppOnly({
    key: 'microsoft-oauth2-cc',
    displayName: 'Microsoft Entra ID (App-Only)',
    categories: ['communication', 'dev-tools', 'productivity'],
    defaultScopes: ['https://graph.microsoft.com/.default'],
    docs: {
      registerUrl:
        'https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-client-creds-grant-flow',
      notes: [
        'Application permissions are granted by an administrator (admin consent) on the app registration; .default asks for all of them.',
      ],
    },
  }),
);
