import { defineProvider } from '../provider.ts';

/** BrightCrowd: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'brightcrowd',
  displayName: 'BrightCrowd',
  categories: ['social'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://bcb-staging.auth.us-east-1.amazoncognito.com/oauth2/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: {},
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://www.brightcrowd.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'The published token host is an Amazon Cognito domain named “staging”; a production host was not found.',
  ],
});
