import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'envoy',
  displayName: 'Envoy',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.envoy.com/a/auth/v0/authorize',
    token: 'https://app.envoy.com/a/auth/v0/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.envoy.com/hub/docs/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
