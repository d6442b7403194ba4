import { defineProvider } from '../provider.ts';

/** Thomson Reuters Legal Tracker (TR Account): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'thomson-reuters-legal-tracker-tr-account',
  displayName: 'Thomson Reuters Legal Tracker (TR Account)',
  categories: ['legal'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://auth.thomsonreuters.com/oauth/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: { tokenParams: { audience: '506f6a92-4fd1-43c1-bf18-4e3735ea55aa' } },
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://developerportal.thomsonreuters.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
