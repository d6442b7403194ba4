import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'klaviyo-oauth',
  displayName: 'Klaviyo (OAuth)',
  categories: ['marketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.klaviyo.com/oauth/authorize',
    token: 'https://a.klaviyo.com/oauth/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.klaviyo.com/en/docs/set_up_oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
