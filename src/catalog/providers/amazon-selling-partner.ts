import { defineProvider } from '../provider.ts';
import { hostName } from './shapes.ts';

export default defineProvider({
  key: 'amazon-selling-partner',
  displayName: 'Amazon Selling Partner',
  categories: ['dev-tools', 'e-commerce'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{domain}/apps/authorize/consent',
    token: 'https://api.amazon.com/auth/o2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  authorizationParams: {
    application_id: '{application_id}',
  },
  templates: [
    hostName(
      'domain',
      'Seller Central host',
      'The Seller Central host of the seller’s marketplace region.',
      'sellercentral.amazon.com',
    ),
    {
      name: 'application_id',
      label: 'Application id',
      description: 'The Selling Partner application id (amzn1.sp.solution.…).',
      pattern: 'amzn1\\.sp\\.solution\\.[A-Za-z0-9-]+',
      examples: ['amzn1.sp.solution.0a1b2c3d-0000-4e5f-8a9b-0123456789ab'],
    },
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer-docs.amazon.com/sp-api/docs/website-authorization-workflow',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
