import { defineProvider } from '../provider.ts';

/** Checkout.com: the client acts for itself (client credentials, RFC 6749 §4.4); no user, no refresh token. */
export default defineProvider({
  key: 'checkout-com',
  displayName: 'Checkout.com',
  categories: ['payment'],
  protocol: 'oauth2',
  grants: ['client_credentials'],
  endpoints: { token: 'https://access.checkout.com/connect/token' },
  clientAuth: 'client_secret_basic',
  clientCredentials: {},
  refreshToken: { issued: 'never', rotates: false },
  docs: {
    registerUrl: 'https://www.checkout.com/docs/developer-resources/api/manage-api-keys',
    notes: [
      'Create an OAuth client (access key) in the Dashboard and pick the scopes the integration needs.',
    ],
  },
  uncertain: [
    'Token endpoint, client authentication and request encoding come from public provider catalogs (late 2026) and are not yet checked against the provider’s own documentation.',
  ],
});
