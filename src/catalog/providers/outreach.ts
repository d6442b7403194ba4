import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'outreach',
  displayName: 'Outreach',
  categories: ['marketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.outreach.io/oauth/authorize',
    token: 'https://api.outreach.io/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: 'unknown',
    notes: 'Access tokens last 2 hours; refresh tokens 14 days.',
  },
  scopes: [
    { name: 'prospects.read', description: 'Read prospects.' },
    { name: 'prospects.write', description: 'Change prospects.' },
    { name: 'accounts.read', description: 'Read accounts.' },
    { name: 'users.read', description: 'Read users.' },
  ],
  presets: { crm: ['prospects.read', 'accounts.read'], contacts: ['prospects.read'] },
  docs: {
    registerUrl: 'https://developers.outreach.io/api/oauth/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
