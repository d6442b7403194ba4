import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'fathom-oauth',
  displayName: 'Fathom (OAuth)',
  categories: ['communication', 'video'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://fathom.video/external/v1/oauth2/authorize',
    token: 'https://fathom.video/external/v1/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.fathom.ai/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
