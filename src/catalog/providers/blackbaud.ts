import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'blackbaud',
  displayName: 'Blackbaud',
  categories: ['crm'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.blackbaud.com/oauth/authorize',
    token: 'https://oauth2.sky.blackbaud.com/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'always',
    rotates: 'unknown',
    lifetimeDays: 365,
    notes: 'Access tokens last 60 minutes; refresh tokens 365 days.',
  },
  docs: {
    registerUrl: 'https://developer.blackbaud.com/skyapi/docs/authorization',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
