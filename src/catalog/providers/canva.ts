import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'canva',
  displayName: 'Canva',
  categories: ['design'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.canva.com/api/oauth/authorize',
    token: 'https://api.canva.com/rest/v1/oauth/token',
    revocation: 'https://api.canva.com/rest/v1/oauth/revoke',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last 4 hours; each refresh token is single use.',
  },
  scopes: [
    { name: 'profile:read', description: 'The user’s name.' },
    { name: 'design:meta:read', description: 'List and read designs’ metadata.' },
    { name: 'design:content:write', description: 'Create designs.' },
    { name: 'asset:read', description: 'Read assets.' },
    { name: 'asset:write', description: 'Upload assets.' },
  ],
  presets: { login: ['profile:read'], files: ['asset:read', 'design:meta:read'] },
  docs: {
    registerUrl: 'https://www.canva.dev/docs/connect/authentication/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
