import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'accelo',
  displayName: 'Accelo',
  categories: ['invoicing', 'ticketing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{subdomain}.api.accelo.com/oauth2/v0/authorize',
    token: 'https://{subdomain}.api.accelo.com/oauth2/v0/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  scopeSeparator: ',',
  templates: [
    subdomain('subdomain', 'Deployment', 'Your Accelo deployment: the “acme” of acme.accelo.com.', 'acme'),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://api.accelo.com/docs/#authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
