import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'stripe-app',
  displayName: 'Stripe App',
  categories: ['payment', 'popular'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://marketplace.stripe.com/oauth/v2/authorize',
    token: 'https://api.stripe.com/v1/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.stripe.com/stripe-apps/api-authentication/oauth',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
