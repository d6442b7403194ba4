import { defineProvider } from '../provider.ts';
import { oneOf } from './shapes.ts';

export default defineProvider({
  key: 'revolut-business',
  displayName: 'Revolut Business',
  categories: ['banking'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://{authorize_host}/app-confirm',
    token: 'https://{api_host}/api/1.0/auth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  scopeSeparator: ',',
  templates: [
    oneOf(
      'authorize_host',
      'Authorization host',
      '“business.revolut.com” for production, “sandbox-business.revolut.com” for the sandbox.',
      ['business.revolut.com', 'sandbox-business.revolut.com'],
      'business.revolut.com',
    ),
    oneOf(
      'api_host',
      'API host',
      '“b2b.revolut.com” for production, “sandbox-b2b.revolut.com” for the sandbox.',
      ['b2b.revolut.com', 'sandbox-b2b.revolut.com'],
      'b2b.revolut.com',
    ),
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl:
      'https://developer.revolut.com/docs/guides/manage-accounts/get-started/make-your-first-api-request',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
