import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'pagerduty',
  displayName: 'PagerDuty',
  categories: ['dev-tools'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://app.pagerduty.com/oauth/authorize',
    token: 'https://app.pagerduty.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: { issued: 'always', rotates: 'unknown' },
  scopes: [
    { name: 'read', description: 'Read the account’s data.' },
    { name: 'write', description: 'Change the account’s data.' },
  ],
  docs: {
    registerUrl: 'https://developer.pagerduty.com/docs/oauth-functionality',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh behaviour as the provider documented it at the time of writing; not re-checked here.',
  ],
});
