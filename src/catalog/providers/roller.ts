import { defineProvider } from '../provider.ts';

/** ROLLER: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'roller',
  displayName: 'ROLLER',
  categories: ['ticketing'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://api.roller.app/token' },
  clientAuth: 'client_secret_post',
  tokenRequestBody: 'json',
  clientCredentials: {},
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://docs.roller.app/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'Public catalogs list no grant_type for ROLLER; the standard client_credentials value is sent and assumed to be accepted.',
  ],
});
