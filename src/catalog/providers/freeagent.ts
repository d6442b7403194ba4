import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'freeagent',
  displayName: 'FreeAgent',
  categories: ['accounting', 'invoicing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.freeagent.com/v2/approve_app',
    token: 'https://api.freeagent.com/v2/token_endpoint',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: false,
    notes: 'Access tokens last one hour; the refresh token stays the same.',
  },
  docs: {
    registerUrl: 'https://dev.freeagent.com/docs/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
