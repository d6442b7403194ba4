import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'stripe-express',
  displayName: 'Stripe Express',
  categories: ['payment'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://connect.stripe.com/express/oauth/authorize',
    token: 'https://connect.stripe.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.stripe.com/connect/oauth-express-accounts',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
