import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'squareup',
  displayName: 'Squareup',
  categories: ['payment'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://connect.squareup.com/oauth2/authorize',
    token: 'https://connect.squareup.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  authorizationParams: {
    session: 'false',
  },
  refreshToken: {
    issued: 'always',
    rotates: false,
    notes: 'Access tokens last 30 days; refresh tokens do not expire (code flow).',
  },
  scopes: [
    { name: 'MERCHANT_PROFILE_READ', description: 'The merchant’s profile and locations.' },
    { name: 'PAYMENTS_READ', description: 'Read payments.' },
    { name: 'ORDERS_READ', description: 'Read orders.' },
    { name: 'CUSTOMERS_READ', description: 'Read customers.' },
  ],
  presets: { login: ['MERCHANT_PROFILE_READ'], contacts: ['CUSTOMERS_READ'] },
  docs: {
    registerUrl: 'https://developer.squareup.com/docs/oauth-api/overview',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
