import { defineProvider } from '../provider.ts';

/** Pax8: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'pax8',
  displayName: 'Pax8',
  categories: ['other'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://api.pax8.com/v1/token' },
  clientAuth: 'client_secret_post',
  tokenRequestBody: 'json',
  clientCredentials: { tokenParams: { audience: '{audience}' } },
  templates: [
    {
      name: 'audience',
      label: 'Audience',
      description: 'The API audience of the token.',
      pattern: 'https://[!-~]+',
      examples: ['https://api.pax8.com'],
      default: 'https://api.pax8.com',
    },
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://devx.pax8.com/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
