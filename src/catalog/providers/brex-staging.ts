import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'brex-staging',
  displayName: 'Brex (Staging OAuth)',
  categories: ['banking'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://accounts-api.staging.brexapps.com/oauth2/default/v1/authorize',
    token: 'https://accounts-api.staging.brexapps.com/oauth2/default/v1/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.brex.com/docs/partner_authentication/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
