import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'teamleader',
  displayName: 'Teamleader Focus',
  categories: ['invoicing', 'crm'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://focus.teamleader.eu/oauth2/authorize',
    token: 'https://focus.teamleader.eu/oauth2/access_token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: true,
    notes: 'Access tokens last one hour; each refresh returns a new refresh token.',
  },
  docs: {
    registerUrl: 'https://developer.focus.teamleader.eu/docs/api/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
