import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'pleo',
  displayName: 'Pleo',
  categories: ['payment', 'invoicing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{subdomain}.pleo.io/oauth/authorize',
    token: 'https://{subdomain}.pleo.io/oauth/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  templates: [
    oneOf(
      'subdomain',
      'Environment',
      '“auth” for production, “auth.staging” for the staging environment.',
      ['auth', 'auth.staging'],
      'auth',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developers.pleo.io/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
