import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'close',
  displayName: 'Close',
  categories: ['crm'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.close.com/oauth2/authorize',
    token: 'https://api.close.com/oauth2/token/',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'with_scope',
    rotates: 'unknown',
    notes: 'Needs offline_access. Access tokens last one hour.',
  },
  scopes: [
    { name: 'offline_access', description: 'A refresh token, to keep access while the user is away.' },
    { name: 'all.full_access', description: 'Everything the user can do in Close.' },
  ],
  presets: { crm: ['all.full_access', 'offline_access'] },
  docs: {
    registerUrl: 'https://developer.close.com/topics/authentication-oauth2/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
