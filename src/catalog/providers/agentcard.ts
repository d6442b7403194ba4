import { defineProvider } from '../provider.ts';

/** Agentcard: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'agentcard',
  displayName: 'Agentcard',
  categories: ['payment'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://api.agentcard.sh/api/v2/oauth/token' },
  clientAuth: 'client_secret_post',
  clientCredentials: {},
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://agentcard.sh/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
