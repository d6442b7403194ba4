import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'braintree-sandbox',
  displayName: 'Braintree (Sandbox)',
  categories: ['payment'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.sandbox.braintreegateway.com/oauth/connect',
    token: 'https://api.sandbox.braintreegateway.com/oauth/access_tokens',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  scopeSeparator: ',',
  tokenRequestBody: 'json',
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.paypal.com/braintree/docs/guides/extend/oauth/overview',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
