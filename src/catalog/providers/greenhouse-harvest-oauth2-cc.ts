import { defineProvider } from '../provider.ts';

/** Greenhouse Harvest (Client Credentials V3): the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'greenhouse-harvest-oauth2-cc',
  displayName: 'Greenhouse Harvest (Client Credentials V3)',
  categories: ['ats'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://auth.greenhouse.io/token' },
  clientAuth: 'client_secret_basic',
  tokenRequestBody: 'json',
  clientCredentials: { tokenParams: { sub: '{sub}' } },
  templates: [
    {
      name: 'sub',
      label: 'User id',
      description: 'The Greenhouse user the token acts as (its numeric id).',
      pattern: '[0-9]+',
      examples: ['123456'],
    },
  ],
  refreshToken: { issued: 'never', rotates: false },
  docs: { registerUrl: 'https://harvestdocs.greenhouse.io/' },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
    'Public catalogs put grant_type in the token URL’s query as well; Consentry sends it in the body only.',
  ],
});
