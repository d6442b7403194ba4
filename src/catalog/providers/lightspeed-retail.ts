import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'lightspeed-retail',
  displayName: 'Lightspeed Retail (X-Series)',
  categories: ['e-commerce'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://secure.retail.lightspeed.app/connect',
    token: 'https://{domain_prefix}.retail.lightspeed.app/api/1.0/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  templates: [
    subdomain(
      'domain_prefix',
      'Domain prefix',
      'The retailer’s domain prefix: the “acme” of acme.retail.lightspeed.app.',
      'acme',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://x-series-api.lightspeedhq.com/docs/authorization',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
