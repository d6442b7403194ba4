import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'drchrono',
  displayName: 'DrChrono',
  categories: ['other'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.drchrono.com/o/authorize/',
    token: 'https://app.drchrono.com/o/token/',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://app.drchrono.com/api-docs/#section/Authorization',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
