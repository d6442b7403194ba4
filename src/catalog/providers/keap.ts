import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'keap',
  displayName: 'Keap',
  categories: ['marketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://accounts.infusionsoft.com/app/oauth/authorize',
    token: 'https://api.infusionsoft.com/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last 24 hours; each refresh returns a new refresh token.',
  },
  scopes: [{ name: 'full', description: 'Everything the user can do in Keap.' }],
  presets: { crm: ['full'] },
  docs: {
    registerUrl: 'https://developer.infusionsoft.com/getting-started-oauth-keys/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
