import { defineProvider } from '../provider.ts';

/** Pipedream (Client Credentials): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'pipedream-oauth2-cc',
  displayName: 'Pipedream (Client Credentials)',
  categories: ['dev-tools', 'productivity'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://api.pipedream.com/v1/oauth/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://pipedream.com/docs/rest-api/auth' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
