import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'stripe',
  displayName: 'Stripe Connect',
  categories: ['payment'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://connect.stripe.com/oauth/authorize',
    token: 'https://connect.stripe.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: false,
    notes: 'Access tokens do not expire; the refresh token mints new restricted keys.',
  },
  keepResponseFields: ['stripe_user_id', 'stripe_publishable_key'],
  scopes: [
    { name: 'read_only', description: 'Read the connected account’s data.' },
    { name: 'read_write', description: 'Read and write the connected account’s data.' },
  ],
  docs: {
    registerUrl: 'https://docs.stripe.com/connect/oauth-reference',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
