import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'etsy',
  displayName: 'Etsy',
  categories: ['e-commerce'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.etsy.com/oauth/connect',
    token: 'https://api.etsy.com/v3/public/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: 'unknown',
    lifetimeDays: 90,
    notes: 'Access tokens last one hour; refresh tokens 90 days. PKCE is required.',
  },
  scopes: [
    { name: 'email_r', description: 'The user’s email address.' },
    { name: 'shops_r', description: 'Read the shop.' },
    { name: 'listings_r', description: 'Read listings.' },
    { name: 'listings_w', description: 'Change listings.' },
    { name: 'transactions_r', description: 'Read orders and receipts.' },
  ],
  presets: { login: ['email_r'], crm: ['shops_r', 'transactions_r'] },
  docs: {
    registerUrl: 'https://developers.etsy.com/documentation/essentials/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
