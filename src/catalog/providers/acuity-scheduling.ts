import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'acuity-scheduling',
  displayName: 'Acuity Scheduling',
  categories: ['productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://acuityscheduling.com/oauth2/authorize',
    token: 'https://acuityscheduling.com/oauth2/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  scopes: [
    {
      name: 'api-v1',
      description: 'The Acuity Scheduling API on behalf of the account.',
    },
  ],
  docs: {
    registerUrl: 'https://developers.acuityscheduling.com/docs/oauth2',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
