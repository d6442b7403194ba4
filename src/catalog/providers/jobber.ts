import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'jobber',
  displayName: 'Jobber',
  categories: ['crm', 'invoicing'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.getjobber.com/api/oauth/authorize',
    token: 'https://api.getjobber.com/api/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: false,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.getjobber.com/docs/building_your_app/app_authorization/',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
