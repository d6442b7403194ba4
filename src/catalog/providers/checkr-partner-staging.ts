import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'checkr-partner-staging',
  displayName: 'Checkr Partner (Staging)',
  categories: ['legal'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://partners.checkrhq-staging.net/authorize/{client_id}',
    token: 'https://api.checkr-staging.com/oauth/tokens',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  templates: [
    {
      name: 'client_id',
      label: 'Client ID (again)',
      description: 'Checkr puts the partner application’s client id in the consent path; type it here too.',
      pattern: '[A-Za-z0-9]+',
      examples: ['abc123def456'],
    },
  ],
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://docs.checkr.com/partners/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
