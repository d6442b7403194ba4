import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'stripe-app-sandbox',
  displayName: 'Stripe App (Sandbox)',
  categories: ['payment'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://marketplace.stripe.com/oauth/v2/{app_domain}/authorize',
    token: 'https://api.stripe.com/v1/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  templates: [
    {
      name: 'app_domain',
      label: 'Sandbox id',
      description: 'The sandbox’s path segment from the app’s test install link.',
      pattern: '[A-Za-z0-9_-]+',
      examples: ['acct_1Nv0FGQ9RKHgCVdK'],
    },
  ],
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
