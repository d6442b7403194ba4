import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'freshbooks',
  displayName: 'FreshBooks',
  categories: ['accounting'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://auth.freshbooks.com/oauth/authorize',
    token: 'https://api.freshbooks.com/auth/oauth/token',
    revocation: 'https://api.freshbooks.com/auth/oauth/revoke',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last 12 hours; each refresh token is single use.',
  },
  scopes: [
    { name: 'user:profile:read', description: 'The user’s profile.' },
    { name: 'user:clients:read', description: 'Read clients.' },
    { name: 'user:invoices:read', description: 'Read invoices.' },
    { name: 'user:invoices:write', description: 'Change invoices.' },
  ],
  presets: { login: ['user:profile:read'], contacts: ['user:profile:read', 'user:clients:read'] },
  docs: {
    registerUrl: 'https://www.freshbooks.com/api/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
