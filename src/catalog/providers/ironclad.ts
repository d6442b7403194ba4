import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'ironclad',
  displayName: 'Ironclad',
  categories: ['legal'],
  protocol: 'oauth2',
  grants: ['authorization_code', 'client_credentials'],
  clientCredentials: {
    notes:
      'API calls with an app token name the acting user in a header (x-as-user-email); that is not part of the token request.',
  },
  endpoints: {
    authorization: 'https://{subdomain}.ironcladapp.com/oauth/authorize',
    token: 'https://{subdomain}.ironcladapp.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  templates: [
    oneOf(
      'subdomain',
      'Environment',
      'The Ironclad environment: “na1” (default), “eu1” or “demo”.',
      ['na1', 'eu1', 'demo'],
      'na1',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.ironcladapp.com/docs/oauth-20',
  },
  uncertain: [
    'Client credentials: the token request is taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
