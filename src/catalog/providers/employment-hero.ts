import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'employment-hero',
  displayName: 'Employment Hero',
  categories: ['hr'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://oauth.employmenthero.com/oauth2/authorize',
    token: 'https://oauth.employmenthero.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.employmenthero.com/api-references/#obtain-access-token',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
