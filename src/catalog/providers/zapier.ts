import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'zapier',
  displayName: 'Zapier',
  categories: ['dev-tools'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.zapier.com/v2/authorize',
    token: 'https://zapier.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  authorizationParams: {
    response_mode: 'query',
  },
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.zapier.com/powered-by-zapier/api-reference/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
