import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'clover',
  displayName: 'Clover',
  categories: ['e-commerce'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{authorize_host}/oauth/v2/authorize',
    token: 'https://{api_host}/oauth/v2/token',
    refresh: 'https://{api_host}/oauth/v2/refresh',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  tokenRequestBody: 'json',
  templates: [
    oneOf(
      'authorize_host',
      'Authorization host',
      '“www.clover.com” (North America), “eu.clover.com”, “la.clover.com”, or “sandbox.dev.clover.com”.',
      ['www.clover.com', 'eu.clover.com', 'la.clover.com', 'sandbox.dev.clover.com'],
      'www.clover.com',
    ),
    oneOf(
      'api_host',
      'API host',
      '“api.clover.com” (North America), “api.eu.clover.com”, “api.la.clover.com”, or “apisandbox.dev.clover.com”.',
      ['api.clover.com', 'api.eu.clover.com', 'api.la.clover.com', 'apisandbox.dev.clover.com'],
      'api.clover.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.clover.com/dev/docs/oauth-intro',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
