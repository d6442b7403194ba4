import { defineProvider } from '../provider.ts';
import { subdomain } from './shapes.ts';

export default defineProvider({
  key: 'pushpay-chms-v2',
  displayName: 'Pushpay ChMS (v2)',
  categories: ['crm', 'productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://oauth.ccbchurch.com/oauth/authorize',
    token: 'https://api.ccbchurch.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  authorizationParams: {
    subdomain: '{subdomain}',
  },
  tokenRequestBody: 'json',
  templates: [
    subdomain(
      'subdomain',
      'Church subdomain',
      'The church’s Pushpay ChMS subdomain: the “acme” of acme.ccbchurch.com.',
      'acme',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.pushpay.com/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
