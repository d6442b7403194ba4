import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'stackexchange',
  displayName: 'Stack Exchange',
  categories: ['knowledge-base', 'support'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://stackoverflow.com/oauth',
    token: 'https://stackoverflow.com/oauth/access_token/json',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'never',
    rotates: false,
    notes: 'With no_expiry, the access token does not expire; there are no refresh tokens.',
  },
  scopes: [
    {
      name: 'no_expiry',
      description: 'An access token that does not expire.',
    },
  ],
  presets: { login: ['no_expiry'] },
  docs: {
    registerUrl: 'https://api.stackexchange.com/docs/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
  ],
});
