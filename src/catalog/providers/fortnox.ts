import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'fortnox',
  displayName: 'Fortnox',
  categories: ['accounting', 'invoicing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://apps.fortnox.se/oauth-v1/auth',
    token: 'https://apps.fortnox.se/oauth-v1/token',
  },
  clientAuth: 'client_secret_basic',
  pkce: true,
  authorizationParams: {
    access_type: 'offline',
  },
  refreshToken: {
    issued: 'always',
    rotates: true,
    lifetimeDays: 45,
    notes: 'Access tokens last one hour; each refresh token is single use, valid 45 days.',
  },
  scopes: [
    { name: 'companyinformation', description: 'The company’s information.' },
    { name: 'invoice', description: 'Invoices.' },
    { name: 'customer', description: 'Customers.' },
    { name: 'bookkeeping', description: 'Bookkeeping.' },
  ],
  presets: { contacts: ['customer'] },
  docs: {
    registerUrl: 'https://www.fortnox.se/developer/authorization',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
