import { defineProvider } from '../provider.ts';

/** Chartboost: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'chartboost',
  displayName: 'Chartboost',
  categories: ['marketing', 'gaming'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://api.chartboost.com/v5/oauth/token' },
  clientAuth: 'client_secret_post',
  tokenRequestBody: 'json',
  clientCredentials: { tokenParams: { audience: 'https://public.api.gateway.chartboost.com' } },
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://docs.chartboost.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
