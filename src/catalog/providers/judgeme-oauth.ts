import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'judgeme-oauth',
  displayName: 'Judge.me (OAuth)',
  categories: ['e-commerce', 'marketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.judge.me/oauth/authorize',
    token: 'https://judge.me/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  tokenRequestBody: 'json',
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'public',
      description: 'Read the shop’s public reviews data.',
    },
  ],
  docs: {
    registerUrl: 'https://judge.me/api/docs',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
