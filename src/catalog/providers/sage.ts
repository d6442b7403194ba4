import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'sage',
  displayName: 'Sage',
  categories: ['accounting', 'erp'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://www.sageone.com/oauth2/auth/central',
    token: 'https://oauth.accounting.sage.com/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  authorizationParams: {
    filter: 'apiv3.1',
  },
  refreshToken: {
    issued: 'always',
    rotates: true,
    lifetimeDays: 31,
    notes: 'Access tokens last 5 minutes; refresh tokens 31 days, a new one with every refresh.',
  },
  scopes: [
    { name: 'full_access', description: 'Read and write the business’s accounting data.' },
    { name: 'readonly', description: 'Read the business’s accounting data.' },
  ],
  docs: {
    registerUrl: 'https://developer.sage.com/accounting/guides/authenticating/authentication/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
