import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'zendesk-sell',
  displayName: 'Zendesk Sell',
  categories: ['crm'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.getbase.com/oauth2/authorize',
    token: 'https://api.getbase.com/oauth2/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: { issued: 'always', rotates: 'unknown' },
  scopes: [
    { name: 'read', description: 'Read the account’s data.' },
    { name: 'write', description: 'Change the account’s data.' },
    { name: 'profile', description: 'The user’s profile.' },
  ],
  presets: { login: ['profile'], crm: ['read', 'write'] },
  docs: {
    registerUrl: 'https://developer.zendesk.com/api-reference/sales-crm/authentication/introduction/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
