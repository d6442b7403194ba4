import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'gong-oauth',
  displayName: 'Gong (Oauth)',
  categories: ['communication', 'marketing', 'productivity', 'video', 'popular'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.gong.io/oauth2/authorize',
    token: 'https://app.gong.io/oauth2/generate-customer-token',
  },
  clientAuth: 'client_secret_basic',
  pkce: false,
  authorizationParams: {
    access_type: 'offline',
  },
  refreshToken: {
    issued: 'with_param',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://help.gong.io/docs/create-an-app-for-gong',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
