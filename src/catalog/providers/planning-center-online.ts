import { defineProvider } from '../provider.ts';

export default defineProvider({
  key: 'planning-center-online',
  displayName: 'Planning Center Online (OAuth)',
  categories: ['crm', 'productivity'],
  protocol: 'oauth2',
  endpoints: {
    authorization: 'https://api.planningcenteronline.com/oauth/authorize',
    token: 'https://api.planningcenteronline.com/oauth/token',
  },
  clientAuth: 'client_secret_post',
  pkce: true,
  refreshToken: {
    issued: 'unknown',
    rotates: 'unknown',
  },
  docs: {
    registerUrl: 'https://developer.planning.center/docs/#/overview/authentication',
  },
  uncertain: [
    'Endpoints, client authentication, scope separator and PKCE are taken from public provider catalogs (late 2026) and not yet checked against the provider’s own documentation.',
    'Refresh-token behaviour (issued? rotating? lifetime?) is not documented here.',
  ],
});
