import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'freeagent-sandbox',
  displayName: 'FreeAgent (Sandbox)',
  categories: ['accounting', 'invoicing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.sandbox.freeagent.com/v2/approve_app',
    token: 'https://api.sandbox.freeagent.com/v2/token_endpoint',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://dev.freeagent.com/docs/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
