import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'aimfox-oauth',
  displayName: 'Aimfox (OAuth)',
  categories: ['surveys'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://id.aimfox.com/realms/aimfox-prod/protocol/openid-connect/auth',
    token: 'https://id.aimfox.com/realms/aimfox-prod/protocol/openid-connect/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.aimfox.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
